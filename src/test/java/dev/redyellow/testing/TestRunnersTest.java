package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.manifest.TestSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRunnersTest {

    @TempDir
    Path workspace;

    private final ProcessRunner processes = new ProcessRunner();
    private final JUnitTestRunner junit = new JUnitTestRunner(processes, new JUnitConsoleJar(List.of()));
    private final CommandTestRunner command = new CommandTestRunner(processes);
    private final TestRunners runners = new TestRunners(junit, command);

    @Test
    void picksTheRunnerOfEachKind() {
        assertSame(junit, runners.forSettings(new TestSettings.JUnit(60)));
        assertSame(command, runners.forSettings(new TestSettings.Command(List.of("true"), Map.of(), 60, null)));
    }

    @Test
    void runsTheRequestWithItsKind() throws Exception {
        TestSettings.Command settings = new TestSettings.Command(List.of("sh", "-c", "echo '2 passed, 0 failed'"),
                Map.of(), 60, null);

        TestResult result = runners.run(new TestRequest(workspace, settings, List.of(), OutputSink.DISCARD));

        assertEquals(TestOutcome.PASSED, result.outcome());
        assertEquals(2, result.passed());
    }
}
