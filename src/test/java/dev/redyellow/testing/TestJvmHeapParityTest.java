package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.manifest.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both fork modes give the tests the same heap: Commons Codec's tests that assume enough memory were
 * skipped in a 256 MiB warm worker and ran in a fresh JVM with a quarter of the machine's memory
 * ({@code bench parity} on the real-code case found it).
 */
class TestJvmHeapParityTest {
    @TempDir
    Path tmp;

    private TestResult run(TestSettings.Fork fork) throws Exception {
        Path ws = Files.createDirectories(tmp.resolve(fork.name()).resolve("ws"));
        Path test = ws.resolve("src/test/java/p/HeapTest.java");
        Files.createDirectories(test.getParent());
        Files.writeString(test, """
                package p;
                import static org.junit.jupiter.api.Assertions.assertTrue;
                import org.junit.jupiter.api.Test;
                class HeapTest {
                    @Test void theHeapIsTheSettingsHeap() {
                        long mb = Runtime.getRuntime().maxMemory() >> 20;
                        assertTrue(mb > 100 && mb <= 200, "max heap " + mb + " MiB");
                    }
                }
                """);
        TestSettings.JUnit settings = new TestSettings.JUnit(120, fork, 200, 10);
        try (TestRunners runners = TestRunners.standard(Optional.of(fork))) {
            return runners.run(new TestRequest(ws, settings, List.of("src/test/java/p/HeapTest.java"), OutputSink.DISCARD));
        }
    }

    @Test
    void aTestSeesWorkerHeapMbInBothModes() throws Exception {
        for (TestSettings.Fork fork : TestSettings.Fork.values()) {
            TestResult r = run(fork);
            assertEquals(TestOutcome.PASSED, r.outcome(), fork + ": " + r.failureSignature() + r.detail());
        }
    }
}
