package dev.redyellow.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every manifest in samples/bad fails with exactly the output its README documents. */
class BadSamplesTest {

    static List<BadSample> samples() throws IOException {
        return BadSample.documented();
    }

    @Test
    void documentsEveryBadSampleAndOnlyThose() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.list(BadSample.folder())) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
        assertFalse(onDisk.isEmpty());
        assertEquals(onDisk, samples().stream().map(BadSample::fileName).sorted().toList());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void failsWithItsDocumentedErrors(BadSample sample) {
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.load(sample.file()));

        List<String> output = e.errors().stream().map(BadSamplesTest::relative).toList();

        assertFalse(sample.expectedOutput().isEmpty(), "README has no output for " + sample);
        assertEquals(sample.expectedOutput(), output);
    }

    /** The error as {@code ManifestError} prints it, with the file named relative to samples/bad. */
    private static String relative(ManifestError error) {
        String printed = error.toString();
        String file = error.location().file().toString();
        return BadSample.folder().relativize(Path.of(file)) + printed.substring(file.length());
    }
}
