package tools;

import java.util.ArrayList;
import java.util.List;

/** Splits phrases and identifiers of any style into their words. */
public final class Words {

    private Words() {
    }

    /**
     * "parseHTTPResponse", "parse_http_response" and "Parse HTTP response" all give three words.
     * Letters followed by digits stay one word ("utf8"); anything that is not a letter or a digit
     * separates words.
     */
    public static List<String> split(String input) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(current, words);
                continue;
            }
            if (current.length() > 0 && startsNewWord(input, i)) {
                flush(current, words);
            }
            current.append(c);
        }
        flush(current, words);
        return words;
    }

    // A capital starts a word after a lower-case letter ("parseHttp"), and the last capital of a
    // run starts a word when a lower-case letter follows it ("HTTPResponse").
    private static boolean startsNewWord(String input, int i) {
        char c = input.charAt(i);
        char previous = input.charAt(i - 1);
        if (!Character.isUpperCase(c)) {
            return false;
        }
        if (Character.isLowerCase(previous) || Character.isDigit(previous)) {
            return true;
        }
        boolean nextIsLower = i + 1 < input.length() && Character.isLowerCase(input.charAt(i + 1));
        return Character.isUpperCase(previous) && nextIsLower;
    }

    private static void flush(StringBuilder current, List<String> words) {
        if (current.length() > 0) {
            words.add(current.toString());
            current.setLength(0);
        }
    }
}
