package tools;

import java.util.Locale;

/** URL slugs: the readable last part of an address, such as "creme-brulee-for-two". */
public final class Slug {

    private Slug() {
    }

    /**
     * Lower-case ASCII letters and digits separated by single hyphens, with no hyphen at either
     * end. Accents are dropped first, so "Crème Brûlée" gives "creme-brulee". A title with no
     * letters or digits at all gives the empty string.
     */
    public static String of(String title) {
        String plain = Normalize.text(title).toLowerCase(Locale.ROOT);
        String hyphenated = plain.replaceAll("[^a-z0-9]+", "-");
        return hyphenated.replaceAll("^-+|-+$", "");
    }
}
