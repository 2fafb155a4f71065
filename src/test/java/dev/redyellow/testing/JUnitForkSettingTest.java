package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.manifest.ManifestException;
import dev.redyellow.manifest.ManifestLoader;
import dev.redyellow.manifest.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The junit test settings' fork, worker heap and runs per worker, as the manifest gives them. */
class JUnitForkSettingTest {

    @TempDir
    Path dir;

    @Test
    void warmIsTheDefaultWithItsHeapAndRunLimit() throws Exception {
        TestSettings settings = load("{ \"kind\": \"junit\" }");

        assertEquals(new TestSettings.JUnit(120, TestSettings.Fork.WARM, 256, 500), settings);
    }

    @Test
    void readsEveryJUnitField() throws Exception {
        TestSettings settings = load("{ \"kind\": \"junit\", \"timeoutSeconds\": 30, \"fork\": \"perRun\","
                + " \"workerHeapMb\": 512, \"runsPerWorker\": 7 }");

        assertEquals(new TestSettings.JUnit(30, TestSettings.Fork.PER_RUN, 512, 7), settings);
    }

    @Test
    void unknownForkIsALocatedError() throws Exception {
        ManifestException error = assertThrows(ManifestException.class, () -> load("{ \"kind\": \"junit\", \"fork\": \"cold\" }"));

        String message = error.errors().get(0).toString();
        assertTrue(message.contains("expected \"warm\" or \"perRun\", found \"cold\""), message);
        assertTrue(message.contains("/test/fork"), message);
    }

    @Test
    void tooSmallWorkerHeapIsRejected() {
        ManifestException error = assertThrows(ManifestException.class,
                () -> load("{ \"kind\": \"junit\", \"workerHeapMb\": 8 }"));

        assertTrue(error.errors().get(0).toString().contains("from 16 to 65536"), error.errors().toString());
    }

    @Test
    void bothModesShareCacheEntries() {
        TestSettings.JUnit warm = new TestSettings.JUnit(60);

        assertEquals(warm.describe(), warm.withFork(TestSettings.Fork.PER_RUN).describe());
    }

    private TestSettings load(String test) throws ManifestException, IOException {
        Files.writeString(dir.resolve("T.java"), "class T {}\n");
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, """
                {
                  "version": 1,
                  "name": "fork",
                  "test": %s,
                  "features": [
                    { "id": "a", "tests": { "src/test/java/T.java": { "from": "T.java" } },
                      "attempts": [ { "files": { "src/main/java/A.java": "class A {}" } } ] }
                  ]
                }
                """.formatted(test));
        return ManifestLoader.load(manifest).features().get(0).test();
    }
}
