package dev.redyellow.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A manifest written into a test folder, with a way to name positions in it by the text there. */
record ManifestFixture(Path file, String text) {

    static ManifestFixture write(Path dir, String text) {
        return write(dir.resolve("manifest.json"), text, true);
    }

    static ManifestFixture write(Path file, String text, boolean createParents) {
        try {
            if (createParents) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ManifestFixture(file, text);
    }

    /** Writes {@code content} to {@code relative} beside the manifest. */
    ManifestFixture with(String relative, String content) {
        try {
            Path target = file.getParent().resolve(relative);
            Files.createDirectories(target.getParent());
            Files.writeString(target, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The 1-based line and column where the {@code occurrence}-th (1-based) {@code marker} starts. */
    int[] position(String marker, int occurrence) {
        int index = -1;
        for (int i = 0; i < occurrence; i++) {
            index = text.indexOf(marker, index + 1);
            if (index < 0) {
                throw new IllegalArgumentException("marker " + marker + " occurs fewer than " + occurrence + " times");
            }
        }
        String before = text.substring(0, index);
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = index - before.lastIndexOf('\n');
        return new int[] {line, column};
    }

    int[] position(String marker) {
        return position(marker, 1);
    }

    List<ManifestError> errors() {
        return assertThrows(ManifestException.class, () -> ManifestLoader.load(file)).errors();
    }

    /** Asserts that loading fails with exactly one error: at {@code marker}, with this pointer and message. */
    void assertSingleError(String marker, String pointer, String message) {
        assertSingleError(position(marker), pointer, message);
    }

    void assertSingleError(int[] position, String pointer, String message) {
        List<ManifestError> errors = errors();
        assertEquals(1, errors.size(), () -> "expected one error, got " + errors);
        assertError(errors.get(0), position, pointer, message);
    }

    void assertError(ManifestError error, int[] position, String pointer, String message) {
        String expected = position[0] + ":" + position[1] + " " + pointer + " " + message;
        SourceLocation at = error.location();
        assertEquals(expected, at.line() + ":" + at.column() + " " + at.pointer() + " " + error.message());
        assertEquals(file, at.file());
    }
}
