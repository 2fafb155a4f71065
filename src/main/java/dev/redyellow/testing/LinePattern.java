package dev.redyellow.testing;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole-line pattern of a summary parser with a cheap test in front: a literal that every matching
 * line has. Parsers see every line of a test's output, on the thread that reads it; in a flood of
 * output almost no line is a summary, and the literal test rejects those without running the regex.
 */
final class LinePattern {
    private final Pattern pattern;
    private final Predicate<String> possible;

    private LinePattern(Pattern pattern, Predicate<String> possible) {
        this.pattern = pattern;
        this.possible = possible;
    }

    /** A pattern whose matches all start with {@code prefix}. */
    static LinePattern startingWith(String prefix, String regex) {
        return new LinePattern(Pattern.compile(regex), line -> line.startsWith(prefix));
    }

    /** A pattern whose matches all start with one of {@code prefixes}. */
    static LinePattern startingWithAny(List<String> prefixes, String regex) {
        List<String> all = List.copyOf(prefixes);
        return new LinePattern(Pattern.compile(regex), line -> {
            for (String prefix : all) {
                if (line.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** A pattern whose matches all contain {@code literal}. */
    static LinePattern containing(String literal, String regex) {
        return new LinePattern(Pattern.compile(regex), line -> line.contains(literal));
    }

    /** The match of the whole line, or {@code null} when the line does not match. */
    Matcher match(String line) {
        if (!possible.test(line)) {
            return null;
        }
        Matcher m = pattern.matcher(line);
        return m.matches() ? m : null;
    }

    boolean matches(String line) {
        return match(line) != null;
    }
}
