package dev.redyellow.testing;

import dev.redyellow.exec.ProcessRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both junit runners, a process per run and the warm workers, over one cache of the console jar, for
 * the tests that run the same workspaces in both modes and compare them.
 */
abstract class BothJUnitModes {
    @TempDir
    static Path cache;
    static JUnitTestRunner perRun;
    static WarmJUnitRunner warm;
    /** The phase times of every run of either runner, in the order the runs told them. */
    static final List<PhaseTimes> phases = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void createRunners() {
        JUnitConsoleJar console = new JUnitConsoleJar(List.of(cache));
        perRun = new JUnitTestRunner(new ProcessRunner(), console, phases::add);
        warm = new WarmJUnitRunner(new WarmWorkerPool(console), phases::add);
    }

    @AfterAll
    static void closeRunners() {
        warm.close();
    }
}
