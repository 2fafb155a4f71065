package dev.redyellow.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redyellow.files.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileSetTest {

    @Test
    void anOverlayKeepsTheHashesKnownOfItsLayersAndTheUpperLayerWins() {
        FileSet lower = FileSet.ofText(Map.of("a.py", "a = 1\n", "b.py", "b = 1\n"));
        FileSet upper = FileSet.withHashes(Map.of("b.py", "b = 2\n".getBytes(StandardCharsets.UTF_8),
                "c.py", "c = 2\n".getBytes(StandardCharsets.UTF_8)), Map.of("c.py", Sha256.hex("c = 2\n".getBytes(StandardCharsets.UTF_8))));
        lower.hash("a.py");
        lower.hash("b.py"); // known below, replaced above: the lower hash must not survive

        FileSet merged = lower.overlay(upper);

        for (String path : merged.paths()) {
            assertEquals(Sha256.hex(merged.bytes(path)), merged.hash(path), path);
        }
        assertEquals("b = 2\n", merged.text("b.py"));
    }
}
