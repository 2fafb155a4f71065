package tools;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Converts identifiers and phrases between the usual naming styles. */
public final class Case {

    private Case() {
    }

    /** "user id" gives "userId". */
    public static String camel(String input) {
        String pascal = pascal(input);
        return pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    /** "user id" gives "UserId"; acronyms become words: "HTTP server" gives "HttpServer". */
    public static String pascal(String input) {
        return Words.split(input).stream()
                .map(Case::capitalized)
                .collect(Collectors.joining());
    }

    /** "userId" gives "user_id". */
    public static String snake(String input) {
        return joinedLower(input, "_");
    }

    /** "userId" gives "user-id". */
    public static String kebab(String input) {
        return joinedLower(input, "-");
    }

    /** "userId" gives "USER_ID". */
    public static String constant(String input) {
        return snake(input).toUpperCase(Locale.ROOT);
    }

    private static String joinedLower(String input, String separator) {
        List<String> words = Words.split(input);
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.joining(separator));
    }

    private static String capitalized(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
