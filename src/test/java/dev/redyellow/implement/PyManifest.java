package dev.redyellow.implement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a small manifest file of Python features (a module each, tested by unittest through the
 * command test kind), with the implementer and review of the caller's choice, to load as a user would.
 */
final class PyManifest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode features;

    PyManifest(String name, ObjectNode implementer, ObjectNode review) {
        root.put("version", 1).put("name", name).put("maxAttempts", 3).put("workers", 2);
        ObjectNode test = root.putObject("test").put("kind", "command").put("timeoutSeconds", 60);
        test.putArray("command").add("python3").add("-m").add("unittest").add("-v");
        test.putObject("env").put("PYTHONDONTWRITEBYTECODE", "1");
        root.set("implementer", implementer);
        root.set("review", review);
        features = root.putArray("features");
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** A feature {@code id} whose test {@code test_<id>.py} runs {@code assertion} (one line, using {@code self}). */
    PyManifest feature(String id, String description, String importLine, String assertion, ObjectNode implementer) {
        ObjectNode f = features.addObject().put("id", id).put("title", id).put("description", description);
        f.putObject("tests").put("test_" + id + ".py", "import unittest\n" + importLine + "\n\nclass Test_" + id
                + "(unittest.TestCase):\n    def test_it(self):\n        " + assertion + "\n");
        if (implementer != null) {
            f.set("implementer", implementer);
        }
        return this;
    }

    Path write(Path dir) throws IOException {
        Path file = Files.createDirectories(dir).resolve("manifest.json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        return file;
    }
}
