package dev.redyellow.graph;

/**
 * Blanks the comments (and, on request, the contents of string literals) of Java or JavaScript
 * source, so that a {@code // uses Foo} or a {@code "Foo"} is not read as a reference. Blanked
 * characters become spaces and line breaks stay, so positions and line structure survive. Good enough
 * for reference finding, not a lexer: regular-expression literals are not recognised.
 */
final class CLikeSource {

    private CLikeSource() {
    }

    static String withoutComments(String text) {
        return blank(text, false);
    }

    static String withoutCommentsOrStrings(String text) {
        return blank(text, true);
    }

    private static String blank(String text, boolean strings) {
        StringBuilder out = new StringBuilder(text);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                int end = endOfLine(text, i);
                blank(out, i, end);
                i = end;
            } else if (c == '/' && next == '*') {
                int close = text.indexOf("*/", i + 2);
                int end = close < 0 ? n : close + 2;
                blank(out, i, end);
                i = end;
            } else if (text.startsWith("\"\"\"", i)) {
                int close = text.indexOf("\"\"\"", i + 3);
                int end = close < 0 ? n : close + 3;
                if (strings) {
                    // an unclosed block (a head cut inside it) is string to the end, its last characters too
                    blank(out, i + 3, close < 0 ? n : close);
                }
                i = end;
            } else if (c == '"' || c == '\'' || c == '`') {
                int close = closingQuote(text, i);
                if (strings) {
                    blank(out, i + 1, close);
                }
                i = Math.min(n, close + 1);
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static int endOfLine(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    /** The index of the quote closing the literal opened at {@code open}; an unclosed one ends at the line end. */
    private static int closingQuote(String text, int open) {
        char quote = text.charAt(open);
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i;
            } else if (c == '\n' && quote != '`') {
                return i;
            } else {
                i++;
            }
        }
        return text.length();
    }

    private static void blank(StringBuilder out, int from, int to) {
        for (int i = from; i < Math.min(to, out.length()); i++) {
            if (out.charAt(i) != '\n') {
                out.setCharAt(i, ' ');
            }
        }
    }
}
