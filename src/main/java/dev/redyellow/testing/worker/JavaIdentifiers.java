package dev.redyellow.testing.worker;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identifiers a Java source's code uses: comments, string, character and text-block literals are
 * skipped, so a class named only in a comment is not counted. Errs towards more names (a keyword is
 * an identifier here), which only makes {@link BaseCompile} fall back to a whole compile more often.
 */
final class JavaIdentifiers {

    /** What {@link #packageOf} answers when it cannot tell: every package's names are to be checked. */
    static final String UNSURE = "*";
    private static final Pattern ANY_PACKAGE = Pattern.compile("\\bpackage\\b");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.\\s]+?)\\s*;", Pattern.MULTILINE);
    private static final Pattern ON_DEMAND = Pattern.compile("\\bimport\\s+(?!static\\b)([\\w.\\s]+?)\\s*\\.\\s*\\*\\s*;");

    private JavaIdentifiers() {
    }

    static void addTo(Set<String> names, String source) {
        String code = unescaped(source);
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

    /**
     * The package a source declares ("" for none), read from its code without comments; when unsure
     * (an annotated declaration), {@link #UNSURE}, so every check errs to the safe side.
     */
    static String packageOf(String source) {
        String plain = COMMENTS.matcher(unescaped(source)).replaceAll(" ");
        Matcher m = PACKAGE.matcher(plain);
        if (m.find()) {
            return m.group(1).replaceAll("\\s+", "");
        }
        // an annotated package declaration (package-info): not read here
        return ANY_PACKAGE.matcher(plain).find() ? UNSURE : "";
    }

    /** The packages whose classes a source sees by simple name: its own and those it imports on demand. */
    static Set<String> packagesSeen(String source) {
        String plain = COMMENTS.matcher(unescaped(source)).replaceAll(" ");
        Set<String> seen = new HashSet<>();
        seen.add(packageOf(source));
        Matcher m = ON_DEMAND.matcher(plain);
        while (m.find()) {
            seen.add(m.group(1).replaceAll("\\s+", ""));
        }
        return seen;
    }

    /**
     * The source with its Unicode escapes ({@code \\u0041}) translated, as javac does before anything
     * else: an escape may stand for a quote or a comment's end. A backslash that is itself escaped
     * ({@code \\\\u0041}) starts none.
     */
    static String unescaped(String source) {
        if (source.indexOf("\\u") < 0) {
            return source;
        }
        StringBuilder out = new StringBuilder(source.length());
        int n = source.length();
        int backslashes = 0;
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\\' && backslashes % 2 == 0 && i + 1 < n && source.charAt(i + 1) == 'u') {
                int j = i + 1;
                while (j < n && source.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 <= n && source.substring(j, j + 4).chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                    out.append((char) Integer.parseInt(source.substring(j, j + 4), 16));
                    i = j + 4;
                    backslashes = 0;
                    continue;
                }
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
            out.append(c);
            i++;
        }
        return out.toString();
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
