package dev.redyellow.testing.worker;

import java.util.Set;

/**
 * The identifiers a Java source's code uses: comments, string, character and text-block literals are
 * skipped, so a class named only in a comment is not counted. Errs towards more names (a keyword is
 * an identifier here), which only makes {@link BaseCompile} fall back to a whole compile more often.
 */
final class JavaIdentifiers {

    private JavaIdentifiers() {
    }

    static void addTo(Set<String> names, String code) {
        if (code.contains("\\u")) {
            // a Unicode escape may hide a quote or a comment's end from this scan: count every word
            names.addAll(java.util.Arrays.asList(code.split("[^\\p{javaJavaIdentifierPart}]+")));
        }
        int n = code.length();
        int i = 0;
        while (i < n) {
            char c = code.charAt(i);
            if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                i = code.indexOf('\n', i);
                i = i < 0 ? n : i + 1;
            } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                i = code.indexOf("*/", i + 2);
                i = i < 0 ? n : i + 2;
            } else if (c == '"' && code.startsWith("\"\"\"", i)) {
                i = endOfTextBlock(code, i + 3);
            } else if (c == '"' || c == '\'') {
                i = endOfLiteral(code, i + 1, c);
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(code.charAt(i))) {
                    i++;
                }
                names.add(code.substring(start, i));
            } else if (Character.isDigit(c)) {
                // a number's letters (0x1F, 10L) are no names
                while (i < n && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_')) {
                    i++;
                }
            } else {
                i++;
            }
        }
    }

    private static int endOfLiteral(String code, int i, char quote) {
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote || c == '\n') {
                return i + 1;
            } else {
                i++;
            }
        }
        return code.length();
    }

    private static int endOfTextBlock(String code, int i) {
        while (i < code.length()) {
            if (code.charAt(i) == '\\') {
                i += 2;
            } else if (code.startsWith("\"\"\"", i)) {
                return i + 3;
            } else {
                i++;
            }
        }
        return code.length();
    }
}
