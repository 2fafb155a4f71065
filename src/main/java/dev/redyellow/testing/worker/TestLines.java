package dev.redyellow.testing.worker;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The lines one test reached in a coverage run (issue 22), as a worker reply carries it: the test's
 * unique id to select it by, its time, and the {@link LineHits} ids ({@code classIndex * 65536 +
 * line}). {@link #OUTSIDE} names the lines reached outside any test (class set-up, static
 * initialisers): every test may depend on those.
 */
public record TestLines(String testId, long millis, int[] ids) {

    /** The id of the lines reached outside any test. */
    public static final String OUTSIDE = "*";

    public TestLines {
        ids = ids.clone();
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    /** {@code id TAB millis TAB n,n,n}. */
    public String encode() {
        return testId + "\t" + millis + "\t" + Arrays.stream(ids).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    public static TestLines decode(String line) {
        String[] parts = line.split("\t", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a coverage line: " + line);
        }
        int[] ids = parts[2].isEmpty() ? new int[0] : Arrays.stream(parts[2].split(",")).mapToInt(Integer::parseInt).toArray();
        return new TestLines(parts[0], Long.parseLong(parts[1]), ids);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestLines t && t.testId.equals(testId) && t.millis == millis && Arrays.equals(t.ids, ids);
    }

    @Override
    public int hashCode() {
        return testId.hashCode() * 31 + Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "TestLines[" + encode() + "]";
    }
}
