package dev.redyellow.testing.worker;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs tests through the JUnit Platform. The implementation is compiled against the bundled JUnit
 * console jar when the worker jar is built, so this side of it uses only the JDK.
 */
public interface TestPlatform {

    /** The implementation's class, loaded by name in the worker. */
    String IMPLEMENTATION = "dev.redyellow.testing.worker.JUnitPlatformBridge";

    /**
     * The JUnit Jupiter extension that skips every test after the first failure of a run that asks for
     * it (a mutant's run, issue 22), by its binary name.
     */
    String STOP_EXTENSION = IMPLEMENTATION + "$StopAfterFailure";

    /**
     * Runs the named test classes, or every test class found under {@code roots} when none are named,
     * loading them with {@code loader}.
     */
    Outcome run(ClassLoader loader, List<String> classNames, List<Path> roots);

    /** As {@link #run(ClassLoader, List, List)}, for a run of a mutation measurement. */
    default Outcome run(ClassLoader loader, List<String> classNames, List<Path> roots, Measuring measuring) {
        return run(loader, classNames, roots);
    }

    /**
     * How a mutation measurement's run differs (issue 22).
     *
     * @param stopAtFirstFailure the Jupiter tests after the first failure are skipped (the loader must
     *                           offer {@link #STOP_EXTENSION} as a service)
     * @param coverage           note the lines each test reaches ({@link LineHits}), for this many probed classes (0: none)
     * @param testIds            run these tests (unique ids) instead of the named classes, when any
     */
    record Measuring(boolean stopAtFirstFailure, int coverage, List<String> testIds) {
        public Measuring {
            testIds = List.copyOf(testIds);
        }
    }

    /**
     * Runs a few trivial tests of the platform's own once, so the first real run of a fresh worker does
     * not pay for loading and compiling the platform's discovery and execution code; it changes nothing
     * a later run can see. A worker does it before it says it is ready. Returns what those tests gave
     * (every one passes when the platform works).
     */
    default Outcome warmUp() {
        return new Outcome(List.of(), false, "", List.of());
    }

    /**
     * The tests' results, whether a class failed outside any single test, why an engine failed as a
     * whole (a discovery error; "" when none did), and in a coverage run the lines each test reached
     * ({@link TestLines} lines).
     */
    record Outcome(List<ReplyCase> cases, boolean containerFailed, String engineFailure, List<String> coverage) {
        public Outcome {
            cases = List.copyOf(cases);
            coverage = List.copyOf(coverage);
        }

        public Outcome(List<ReplyCase> cases, boolean containerFailed, String engineFailure) {
            this(cases, containerFailed, engineFailure, List.of());
        }
    }
}
