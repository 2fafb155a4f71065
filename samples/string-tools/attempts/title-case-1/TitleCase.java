package tools;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Headings in title case from phrases or identifiers. */
public final class TitleCase {

    private static final Set<String> MINOR_WORDS =
            Set.of("a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "with");

    private TitleCase() {
    }

    /** "the_lord_of_the_rings" gives "The Lord of the Rings". */
    public static String of(String input) {
        List<String> words = Words.split(input);
        return words.stream().map(TitleCase::styled).collect(Collectors.joining(" "));
    }

    // Bug kept on purpose for the sample: minor words are lower-cased even at the start or end.
    private static String styled(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (MINOR_WORDS.contains(lower)) {
            return lower;
        }
        if (word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))) {
            return word;
        }
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
