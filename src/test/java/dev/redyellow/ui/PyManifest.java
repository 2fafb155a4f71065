package dev.redyellow.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small Python manifests (JSON files) for the window's tests: each feature is a module with a
 * unittest file that imports it, so the RED proof fails (no module) and an attempt can pass.
 */
final class PyManifest {
    private final List<String> features = new ArrayList<>();
    private String review = "auto";
    private int maxAttempts = 3;
    private int workers = 2;

    PyManifest review(String kind) {
        this.review = kind;
        return this;
    }

    PyManifest workers(int n) {
        this.workers = n;
        return this;
    }

    PyManifest maxAttempts(int n) {
        this.maxAttempts = n;
        return this;
    }

    /** A feature whose test runs {@code testBody} after {@code from <id> import value}; each attempt defines {@code value}. */
    PyManifest feature(String id, List<String> dependsOn, String testBody, String... attemptValues) {
        StringBuilder test = new StringBuilder("import unittest\\nfrom " + id + " import value\\n\\nclass Test_" + id
                + "(unittest.TestCase):\\n    def test_value(self):\\n");
        for (String line : testBody.split("\n")) {
            test.append("        ").append(json(line)).append("\\n");
        }
        StringBuilder attempts = new StringBuilder();
        for (String v : attemptValues) {
            if (attempts.length() > 0) {
                attempts.append(", ");
            }
            attempts.append("{ \"files\": { \"").append(id).append(".py\": \"value = ").append(json(v)).append("\\n\" } }");
        }
        features.add("{ \"id\": \"" + id + "\", \"title\": \"Feature " + id + "\", \"dependsOn\": ["
                + String.join(", ", dependsOn.stream().map(d -> "\"" + d + "\"").toList()) + "], "
                + "\"test\": { \"kind\": \"command\", \"command\": [\"python3\", \"-m\", \"unittest\", \"-v\", \"test_" + id + "\"], "
                + "\"env\": { \"PYTHONDONTWRITEBYTECODE\": \"1\" }, \"timeoutSeconds\": 120 }, "
                + "\"tests\": { \"test_" + id + ".py\": \"" + test + "\" }, \"attempts\": [" + attempts + "] }");
        return this;
    }

    Path write(Path file) throws IOException {
        String json = "{ \"version\": 1, \"name\": \"py-window\", \"implementer\": { \"kind\": \"replay\" }, "
                + "\"review\": { \"kind\": \"" + review + "\" }, \"maxAttempts\": " + maxAttempts + ", \"workers\": " + workers
                + ", \"inferDependencies\": false, \"features\": [\n" + String.join(",\n", features) + "\n] }\n";
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return file;
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
