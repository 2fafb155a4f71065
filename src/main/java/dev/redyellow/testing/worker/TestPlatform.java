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
     * Runs the named test classes, or every test class found under {@code roots} when none are named,
     * loading them with {@code loader}.
     */
    Outcome run(ClassLoader loader, List<String> classNames, List<Path> roots);

    /**
     * The tests' results, whether a class failed outside any single test, and why an engine failed
     * as a whole (a discovery error; "" when none did).
     */
    record Outcome(List<ReplyCase> cases, boolean containerFailed, String engineFailure) {
        public Outcome {
            cases = List.copyOf(cases);
        }
    }
}
