package dev.redyellow.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A FIFO is refused with a located error, never read: reading one blocks until something writes to it. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class FifoInputTest {
    @TempDir
    Path dir;

    private Path fifo(String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        assertEquals(0, mkfifo.waitFor(), new String(mkfifo.getInputStream().readAllBytes()));
        return fifo;
    }

    @Test
    void aFifoAsAFromFileIsALocatedErrorNotAHang() throws Exception {
        fifo("test_one.py");
        Path manifest = dir.resolve("m.json");
        Files.writeString(manifest, """
                {"version": 1, "name": "fifo", "test": {"kind": "command", "command": ["python3", "-m", "unittest"]},
                 "features": [{"id": "one",
                   "tests": {"test_one.py": {"from": "test_one.py"}}}]}
                """);
        ManifestException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(ManifestException.class, () -> ManifestLoader.load(manifest)));
        assertEquals(1, e.errors().size(), e.errors().toString());
        ManifestError error = e.errors().get(0);
        assertEquals(manifest, error.location().file());
        assertEquals(3, error.location().line());
        assertEquals("/features/0/tests/test_one.py/from", error.location().pointer());
        assertTrue(error.message().contains("not a regular file") && error.message().contains("FIFO"), error.message());
    }

    @Test
    void aFifoAsTheManifestIsALocatedErrorNotAHang() throws Exception {
        Path manifest = fifo("manifest.json");
        ManifestException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(ManifestException.class, () -> ManifestLoader.load(manifest)));
        assertEquals(new SourceLocation(manifest, 1, 1, ""), e.errors().get(0).location());
        assertTrue(e.errors().get(0).message().contains("not a regular file"), e.errors().get(0).message());
    }
}
