package tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Headings in title case from phrases or identifiers. */
public final class TitleCase {

    private static final Set<String> MINOR_WORDS =
            Set.of("a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "with");

    private TitleCase() {
    }

    /**
     * "the_lord_of_the_rings" gives "The Lord of the Rings": every word capitalised except short
     * articles, conjunctions and prepositions in the middle; acronyms ("HTTP") are kept as they are.
     */
    public static String of(String input) {
        List<String> words = Words.split(input);
        List<String> styled = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            boolean atEdge = i == 0 || i == words.size() - 1;
            styled.add(styled(words.get(i), atEdge));
        }
        return String.join(" ", styled);
    }

    private static String styled(String word, boolean atEdge) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (!atEdge && MINOR_WORDS.contains(lower)) {
            return lower;
        }
        if (word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))) {
            return word;
        }
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
