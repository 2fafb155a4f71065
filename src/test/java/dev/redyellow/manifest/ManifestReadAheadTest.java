package dev.redyellow.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manifest's files are read ahead on other threads while the loader checks each value in order:
 * what a load gives, files and located errors alike, is what reading them one by one gave.
 */
class ManifestReadAheadTest {
    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;

    private static final int FEATURES = 40;

    /** Features f0..f39, each with tests/Ti.java and one attempt src/Ci.java; f7 names f3's test file too. */
    private Path manifest() throws Exception {
        StringBuilder features = new StringBuilder();
        for (int i = 0; i < FEATURES; i++) {
            Files.createDirectories(dir.resolve("tests"));
            Files.createDirectories(dir.resolve("src"));
            Files.writeString(dir.resolve("tests/T" + i + ".java"), "class T" + i + " { /* test " + i + " */ }\n");
            Files.writeString(dir.resolve("src/C" + i + ".java"), "class C" + i + " { /* code " + i + " */ }\n");
            String extra = i == 7 ? ", \"tests/Again.java\": {\"from\": \"tests/T3.java\"}" : "";
            features.append(i == 0 ? "" : ",\n").append("{\"id\": \"f").append(i).append("\", \"tests\": {\"tests/T").append(i)
                    .append(".java\": {\"from\": \"tests/T").append(i).append(".java\"}").append(extra)
                    .append("}, \"attempts\": [{\"files\": {\"src/C").append(i).append(".java\": {\"from\": \"src/C").append(i)
                    .append(".java\"}}}]}");
        }
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, "{\"version\": 1, \"name\": \"ahead\", \"test\": {\"kind\": \"junit\"},\n\"features\": [\n"
                + features + "\n]}\n");
        return manifest;
    }

    @Test
    void everyFileIsReadAsItIsOnDiskWhateverThreadReadIt() throws Exception {
        Manifest m = ManifestLoader.load(manifest());
        assertEquals(FEATURES, m.features().size());
        for (int i = 0; i < FEATURES; i++) {
            Feature f = m.features().get(i);
            assertArrayEquals(Files.readAllBytes(dir.resolve("tests/T" + i + ".java")), f.tests().bytes("tests/T" + i + ".java"));
            assertArrayEquals(Files.readAllBytes(dir.resolve("src/C" + i + ".java")), f.attempts().get(0).bytes("src/C" + i + ".java"));
        }
        assertEquals(m.features().get(3).tests().text("tests/T3.java"), m.features().get(7).tests().text("tests/Again.java"),
                "a file two features name is read for both");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void whatCannotBeReadAheadGivesTheErrorsItAlwaysGave() throws Exception {
        Path manifest = manifest();
        // f5: a FIFO (never opened: the load would hang); f11: a link out of the folder; f17: over 10 MB; f23: gone
        Files.delete(dir.resolve("tests/T5.java"));
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("tests/T5.java").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        Files.writeString(elsewhere.resolve("Secret.java"), "secret");
        Files.delete(dir.resolve("tests/T11.java"));
        Files.createSymbolicLink(dir.resolve("tests/T11.java"), elsewhere.resolve("Secret.java"));
        Files.write(dir.resolve("src/C17.java"), new byte[(int) FileValues.MAX_BYTES + 1]);
        Files.delete(dir.resolve("tests/T23.java"));
        ManifestException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(ManifestException.class, () -> ManifestLoader.load(manifest)));
        Map<String, String> byPointer = new LinkedHashMap<>();
        e.errors().forEach(error -> byPointer.put(error.location().pointer(), error.message()));
        assertEquals(List.of("/features/5/tests/tests~1T5.java/from", "/features/11/tests/tests~1T11.java/from",
                "/features/17/attempts/0/files/src~1C17.java/from", "/features/23/tests/tests~1T23.java/from"),
                List.copyOf(byPointer.keySet()), "reported once each, in manifest order: " + e.errors());
        assertEquals("file \"tests/T11.java\" is a symbolic link that resolves outside the manifest's folder",
                byPointer.get("/features/11/tests/tests~1T11.java/from"));
        assertEquals("file \"src/C17.java\" is 10.0 MB; referenced files may be at most 10 MB",
                byPointer.get("/features/17/attempts/0/files/src~1C17.java/from"));
        assertEquals("file \"tests/T23.java\" not found (looked in the manifest's folder)",
                byPointer.get("/features/23/tests/tests~1T23.java/from"));
        assertEquals("\"tests/T5.java\" is not a regular file (a FIFO, socket or device); expected a file",
                byPointer.get("/features/5/tests/tests~1T5.java/from"));
    }

    @Test
    void aFromThatIsNoPathHereLeavesTheErrorsBeforeItAsTheyWere() throws Exception {
        Path manifest = dir.resolve("nul.json");
        Files.writeString(manifest, "{\"version\": 1, \"name\": \"nul\", \"workers\": \"many\", \"test\": {\"kind\": \"junit\"},"
                + " \"features\": [{\"id\": \"a\", \"tests\": {\"T.java\": {\"from\": \"T\\u0000.java\"}}}]}");
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.load(manifest));
        List<String> pointers = e.errors().stream().map(error -> error.location().pointer()).toList();
        assertEquals(2, pointers.size(), e.errors().toString());
        assertTrue(pointers.contains("/workers"), "the error met before the file value is still reported: " + e.errors());
    }

    @Test
    void aFileChangedOnDiskIsReadAgainByTheNextLoad() throws Exception {
        Path manifest = manifest();
        ManifestLoader.load(manifest);
        Files.writeString(dir.resolve("tests/T9.java"), "class T9 { /* changed */ }\n", StandardCharsets.UTF_8);
        assertEquals("class T9 { /* changed */ }\n", ManifestLoader.load(manifest).features().get(9).tests().text("tests/T9.java"));
    }
}
