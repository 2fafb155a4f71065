package dev.redyellow.testing.worker;

import java.util.HashSet;
import java.util.Set;

/**
 * The identifiers a Java source's code uses: comments, string, character and text-block literals are
 * skipped, so a class named only in a comment is not counted. Errs towards more names (a keyword is
 * an identifier here), which only makes {@link BaseCompile} fall back to a whole compile more often.
 */
final class JavaIdentifiers {

    /** What {@link #packageOf} answers when it cannot tell: every package's names are to be checked. */
    static final String UNSURE = "*";

    private JavaIdentifiers() {
    }

    static void addTo(Set<String> names, String source) {
        Tokens tokens = new Tokens(unescaped(source));
        int kind;
        while ((kind = tokens.next()) != Tokens.END) {
            if (kind == Tokens.NAME) {
                names.add(tokens.name());
            }
        }
    }

    /**
     * The package a source declares ("" for none), read from its code without comments; when unsure
     * (an annotated declaration, one that is not a plain name), {@link #UNSURE}, so every check errs
     * to the safe side.
     */
    static String packageOf(String source) {
        return Header.of(source).packageName();
    }

    /** What a source imports on demand ({@code import p.*;}, not static): packages, or classes' member types. */
    static Set<String> onDemandImports(String source) {
        return Header.of(source).onDemand();
    }

    /** The packages whose classes a source sees by simple name: its own and those it imports on demand. */
    static Set<String> packagesSeen(String source) {
        Header header = Header.of(source);
        Set<String> seen = new HashSet<>(header.onDemand());
        seen.add(header.packageName());
        return seen;
    }

    /**
     * What a source's package and import declarations say, read token by token up to the first brace
     * outside parentheses: those declarations come before any type's or module's body, and a
     * package's annotations keep their braces inside parentheses. {@code package} and {@code import}
     * are keywords, so a name in a comment, a literal or an annotation's string is never taken for one.
     */
    private record Header(String packageName, Set<String> onDemand) {

        static Header of(String source) {
            Tokens tokens = new Tokens(unescaped(source));
            String packageName = null;
            boolean annotated = false;
            Set<String> onDemand = new HashSet<>();
            int parentheses = 0;
            int kind;
            while ((kind = tokens.next()) != Tokens.END) {
                if (kind == Tokens.SYMBOL) {
                    char c = tokens.symbol();
                    if (c == '{' && parentheses == 0) {
                        break;
                    }
                    parentheses += c == '(' ? 1 : c == ')' ? -1 : 0;
                    annotated |= c == '@' && packageName == null;
                } else if (packageName == null && tokens.nameIs("package")) {
                    String name = qualifiedName(tokens, ';');
                    packageName = annotated || name == null ? UNSURE : name;
                } else if (tokens.nameIs("import")) {
                    String name = qualifiedName(tokens, '*');
                    if (name != null && !name.startsWith("static.") && tokens.next() == Tokens.SYMBOL
                            && tokens.symbol() == ';') {
                        onDemand.add(name);
                    }
                }
            }
            return new Header(packageName == null ? "" : packageName, onDemand);
        }

        /**
         * A dotted name up to {@code last} ({@code ';'}, or {@code '*'} after a dot), its spaces dropped;
         * null when the tokens are anything else.
         */
        private static String qualifiedName(Tokens tokens, char last) {
            StringBuilder name = new StringBuilder();
            boolean dot = true; // a name is due
            int kind;
            while ((kind = tokens.next()) != Tokens.END) {
                if (kind == Tokens.NAME && dot) {
                    name.append(tokens.name());
                    dot = false;
                } else if (kind == Tokens.SYMBOL && tokens.symbol() == '.' && !dot) {
                    dot = true;
                } else if (kind == Tokens.SYMBOL && tokens.symbol() == last && dot == (last == '*')) {
                    return name.isEmpty() ? null : last == '*' ? name.substring(0, name.length() - 1) : name.toString();
                } else {
                    return null;
                }
                if (dot) {
                    name.append('.');
                }
            }
            return null;
        }
    }

    /**
     * Java code as tokens, comments, string, character and text-block literals and numbers skipped: a
     * name (identifier or keyword) or any other character but white space.
     */
    private static final class Tokens {
        static final int END = 0;
        static final int NAME = 1;
        static final int SYMBOL = 2;

        private final String code;
        private final int n;
        private int i;
        private int start;
        private int end;
        private char symbol;

        Tokens(String code) {
            this.code = code;
            this.n = code.length();
        }

        int next() {
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
                    start = i;
                    while (i < n && Character.isJavaIdentifierPart(code.charAt(i))) {
                        i++;
                    }
                    end = i;
                    return NAME;
                } else if (Character.isDigit(c)) {
                    // a number's letters (0x1F, 10L) are no names
                    while (i < n && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_')) {
                        i++;
                    }
                } else if (Character.isWhitespace(c)) {
                    i++;
                } else {
                    symbol = c;
                    i++;
                    return SYMBOL;
                }
            }
            return END;
        }

        String name() {
            return code.substring(start, end);
        }

        boolean nameIs(String name) {
            return end - start == name.length() && code.startsWith(name, start);
        }

        char symbol() {
            return symbol;
        }
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
