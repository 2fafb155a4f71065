package dev.redyellow.testing;

import dev.redyellow.exec.ProcessRunner;
import java.nio.file.Path;
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

    @BeforeAll
    static void createRunners() {
        JUnitConsoleJar console = new JUnitConsoleJar(List.of(cache));
        perRun = new JUnitTestRunner(new ProcessRunner(), console);
        warm = new WarmJUnitRunner(new WarmWorkerPool(console));
    }

    @AfterAll
    static void closeRunners() {
        warm.close();
    }
}
