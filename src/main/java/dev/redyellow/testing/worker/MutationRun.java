package dev.redyellow.testing.worker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes a run part of a mutation measurement (issue 22), or {@link #NONE} for a test run.
 *
 * @param replaced   classes of the workspace's own defined from these bytes instead of their class
 *                   files: the mutant, or the line-probed classes of a coverage run
 * @param coverage   record which lines of the probed classes each test runs ({@link LineHits})
 * @param testIds    run only these tests (JUnit unique ids) rather than the selected classes
 */
public record MutationRun(boolean active, List<MutatedClass> replaced, boolean coverage,
                          List<String> testIds) {

    public static final MutationRun NONE = new MutationRun(false, List.of(), false, List.of());

    public MutationRun {
        replaced = List.copyOf(replaced);
        testIds = List.copyOf(testIds);
    }

    /** A run of a measurement without a mutant: the tests as they are, or with line probes. */
    public static MutationRun plain(List<MutatedClass> probes) {
        return new MutationRun(true, probes, !probes.isEmpty(), List.of());
    }

    /** A mutant's run, of these tests only (every selected test when empty). */
    public static MutationRun mutant(MutatedClass mutant, List<String> testIds) {
        return new MutationRun(true, List.of(mutant), false, testIds);
    }

    /** A mutant is killed by its first failure: its run skips the Jupiter tests after it. */
    public boolean stopAtFirstFailure() {
        return active && !coverage && !replaced.isEmpty();
    }

    void writeTo(Payload.Writer out) {
        out.flag(active).number(replaced.size());
        replaced.forEach(m -> out.string(m.name()).blob(m.bytes()));
        out.flag(coverage).strings(testIds);
    }

    static MutationRun readFrom(Payload.Reader in) throws IOException {
        boolean active = in.flag();
        int count = in.count();
        List<MutatedClass> replaced = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            replaced.add(new MutatedClass(in.string(), in.blob()));
        }
        return new MutationRun(active, replaced, in.flag(), in.strings());
    }
}
