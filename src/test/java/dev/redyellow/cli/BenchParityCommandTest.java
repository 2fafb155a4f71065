package dev.redyellow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench parity}: real runs of real manifests in both junit fork modes. */
class BenchParityCommandTest {

    @Test
    void theParitySampleGivesTheSameVerdictsInBothModes() {
        CliRun run = CliRun.of("bench", "parity", "samples/parity/manifest.json", "--runs", "1");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("parity: 0 differences over 5 features x 2 runs"), run.out());
        assertTrue(run.out().contains("reproduce: redyellow bench parity samples/parity/manifest.json --runs 1 --workers 1"),
                run.out());
    }

    @Test
    void aFeatureWhoseVerdictDependsOnTheModeIsPrintedAndTheExitCodeIsOne(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("PlainTest.java"), """
                package p;

                class PlainTest {
                    @org.junit.jupiter.api.Test void passes() { }
                }
                """);
        // Passes in a JVM started in its workspace, fails in a warm worker's folder: a real difference.
        Files.writeString(project.resolve("WhereTest.java"), """
                package p;

                class WhereTest {
                    @org.junit.jupiter.api.Test void runsInAFreshJvm() {
                        String folder = java.nio.file.Path.of("").toAbsolutePath().getFileName().toString();
                        org.junit.jupiter.api.Assertions.assertFalse(folder.startsWith(".redyellow-warm"), folder);
                    }
                }
                """);
        Files.writeString(project.resolve("manifest.json"), """
                {
                  "version": 1,
                  "name": "mode-dependent",
                  "test": {"kind": "junit", "timeoutSeconds": 120},
                  "implementer": {"kind": "replay"},
                  "review": {"kind": "auto"},
                  "maxAttempts": 1,
                  "workers": 2,
                  "features": [
                    {"id": "plain", "title": "Plain", "description": "passes everywhere", "dependsOn": [],
                     "tests": {"src/test/java/p/PlainTest.java": {"from": "PlainTest.java"}},
                     "attempts": [{"files": {"src/main/java/p/Plain.java": "package p;\\nclass Plain { }\\n"}}]},
                    {"id": "where", "title": "Where", "description": "passes in a fresh JVM only", "dependsOn": [],
                     "tests": {"src/test/java/p/WhereTest.java": {"from": "WhereTest.java"}},
                     "attempts": [{"files": {"src/main/java/p/Where.java": "package p;\\nclass Where { }\\n"}}]}
                  ]
                }
                """);

        CliRun run = CliRun.of("bench", "parity", project.resolve("manifest.json").toString(), "--runs", "1", "--workers", "1");

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("DIFFERS where:"), run.out());
        assertTrue(run.out().contains("parity: 1 differences over 2 features x 2 runs"), run.out());
    }

    @Test
    void aBadRunCountIsRefused() {
        CliRun run = CliRun.of("bench", "parity", "samples/parity/manifest.json", "--runs", "0");

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("--runs must be at least 1"), run.err());
    }
}
