package dev.redyellow.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one digest and the one whole-or-nothing write, on real files. */
class FilesTest {
    @TempDir
    Path tmp;

    @Test
    void sha256GivesTheStandardVectorsForBytesTextStreamsAndFiles() throws IOException {
        String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertEquals(abc, Sha256.hex("abc"));
        assertEquals(abc, Sha256.hex("abc".getBytes(StandardCharsets.UTF_8)));
        var digest = Sha256.digest();
        digest.update("a".getBytes(StandardCharsets.UTF_8));
        digest.update("bc".getBytes(StandardCharsets.UTF_8));
        assertEquals(abc, Sha256.hex(digest));
        Path file = Files.writeString(tmp.resolve("abc.txt"), "abc");
        assertEquals(abc, Sha256.hex(file));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), file);
        assertThrows(IOException.class, () -> Sha256.hex(link), "a link is not followed");
    }

    @Test
    void anAtomicWriteReplacesTheFileWholeAndLeavesNothingBeside() throws IOException {
        Path target = tmp.resolve("deep/report.json");
        AtomicFiles.write(target, "old".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("new".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
        try (Stream<Path> beside = Files.list(target.getParent())) {
            assertEquals(1, beside.count());
        }
    }

    @Test
    void aFailedAtomicWriteLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path target = tmp.resolve("taken");
        Files.createDirectories(target.resolve("inside")); // a non-empty folder cannot be replaced by a file
        assertThrows(IOException.class, () -> AtomicFiles.write(target, new byte[] {1, 2, 3}));
        try (Stream<Path> beside = Files.list(tmp)) {
            assertEquals(1, beside.count(), "only the folder is there");
        }
    }
}
