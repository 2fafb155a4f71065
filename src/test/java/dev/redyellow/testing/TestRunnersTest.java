package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.manifest.TestSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRunnersTest {

    @TempDir
    Path workspace;

    private final ProcessRunner processes = new ProcessRunner();
    private final JUnitTestRunner junit = new JUnitTestRunner(processes, new JUnitConsoleJar(List.of()));
    private final CommandTestRunner command = new CommandTestRunner(processes);
    private final WarmJUnitRunner warm = new WarmJUnitRunner(new WarmWorkerPool(new JUnitConsoleJar(List.of())));
    private final TestRunners runners = new TestRunners(junit, warm, command, Optional.empty());

    @AfterEach
    void close() {
        runners.close();
    }

    @Test
    void picksTheRunnerOfEachKindAndForkMode() {
        assertSame(warm, runners.forSettings(new TestSettings.JUnit(60)));
        assertSame(junit, runners.forSettings(new TestSettings.JUnit(60).withFork(TestSettings.Fork.PER_RUN)));
        assertSame(command, runners.forSettings(new TestSettings.Command(List.of("true"), Map.of(), 60, null)));
    }

    @Test
    void forcedForkModeOverridesTheSettings() {
        try (TestRunners perRunOnly = new TestRunners(junit, warm, command, Optional.of(TestSettings.Fork.PER_RUN))) {
            assertSame(junit, perRunOnly.forSettings(new TestSettings.JUnit(60)));
        }
        try (TestRunners warmOnly = new TestRunners(junit, warm, command, Optional.of(TestSettings.Fork.WARM))) {
            assertSame(warm, warmOnly.forSettings(new TestSettings.JUnit(60).withFork(TestSettings.Fork.PER_RUN)));
        }
    }

    @Test
    void effectiveSettingsCarryTheForcedForkMode() {
        TestSettings.JUnit warmSettings = new TestSettings.JUnit(60);
        TestSettings.Command commandSettings = new TestSettings.Command(List.of("true"), Map.of(), 60, null);
        try (TestRunners perRunOnly = new TestRunners(junit, warm, command, Optional.of(TestSettings.Fork.PER_RUN))) {
            assertEquals(warmSettings.withFork(TestSettings.Fork.PER_RUN), perRunOnly.effectiveSettings(warmSettings));
            // The command kind too: forced per run, it runs (and is keyed) as a process per run.
            assertEquals(commandSettings.withFork(TestSettings.Fork.PER_RUN), perRunOnly.effectiveSettings(commandSettings));
        }
        assertSame(warmSettings, runners.effectiveSettings(warmSettings));
        // An argv that cannot run warm runs as a process per run whatever its settings say.
        assertEquals(commandSettings.withFork(TestSettings.Fork.PER_RUN), runners.effectiveSettings(commandSettings));
        TestSettings.Command pytest = new TestSettings.Command(List.of("python3", "-m", "pytest"), Map.of(), 60, null);
        assertSame(pytest, runners.effectiveSettings(pytest));
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
