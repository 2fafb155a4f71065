package tools;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Cleans up text typed or pasted by people before other tools look at it. */
public final class Normalize {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Normalize() {
    }

    /**
     * Removes accents ("Crème" becomes "Creme"), turns every run of whitespace (tabs, newlines,
     * non-breaking spaces) into one space and trims both ends.
     */
    public static String text(String input) {
        String decomposed = Normalizer.normalize(input, Normalizer.Form.NFD);
        String withoutAccents = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        String unified = withoutAccents.replace('\u00A0', ' ');
        return WHITESPACE.matcher(unified).replaceAll(" ").strip();
    }
}
