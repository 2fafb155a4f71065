package dev.redyellow.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestException;
import dev.redyellow.manifest.ManifestLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The one builder of small Python manifests for the tests: each feature is a module with a unittest
 * file, run for real by python3 through the command test kind. It writes a manifest file as a user
 * would and loads it with the product's loader, so every test goes through the real format.
 *
 * <p>Three shapes of feature: {@link #feature(String, List, String, String...)} (a test body using the
 * module, attempts as whole module sources), {@link #valueFeature} (the test imports {@code value} at
 * the top, so the RED proof fails on loading it; each attempt sets {@code value}), and
 * {@link #feature(String, String, String, String, ObjectNode)} (a one-line assertion and the feature's
 * own implementer, for implementer tests without replayed attempts).
 */
public final class PyManifest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode features;
    private int timeoutSeconds = 120;

    /** A manifest named "py-test" that replays attempts and approves every passing one. */
    public PyManifest() {
        this("py-test", object().put("kind", "replay"), object().put("kind", "auto"));
    }

    public PyManifest(String name, ObjectNode implementer, ObjectNode review) {
        root.put("version", 1).put("name", name).put("maxAttempts", 3).put("workers", 2).put("stagnationLimit", 2)
                .put("inferDependencies", false);
        root.set("implementer", implementer);
        root.set("review", review);
        features = root.putArray("features");
    }

    /** The manifest's base folder, relative to the manifest's folder. */
    public PyManifest base(String folder) {
        root.put("base", folder);
        return this;
    }

    /** A JSON object, for implementer and review settings. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** A command reviewer's settings: the argv, 30 seconds. */
    public static ObjectNode commandReview(String... argv) {
        ObjectNode review = object().put("kind", "command").put("timeoutSeconds", 30);
        Arrays.stream(argv).forEach(review.putArray("command")::add);
        return review;
    }

    public PyManifest maxAttempts(int n) {
        root.put("maxAttempts", n);
        return this;
    }

    public PyManifest workers(int n) {
        root.put("workers", n);
        return this;
    }

    public PyManifest stagnationLimit(int n) {
        root.put("stagnationLimit", n);
        return this;
    }

    /** The time limit of the test runs of the features added after this call (default 120). */
    public PyManifest timeoutSeconds(int n) {
        this.timeoutSeconds = n;
        return this;
    }

    /** The review of every feature: {@code auto}, {@code manual}... */
    public PyManifest review(String kind) {
        root.set("review", object().put("kind", kind));
        return this;
    }

    /**
     * A feature whose test file {@code test_<id>.py} holds {@code testBody} as the body of one test
     * method, and whose attempts each write {@code <id>.py} with the given source.
     */
    public PyManifest feature(String id, List<String> dependsOn, String testBody, String... attempts) {
        return feature(id, dependsOn, null, testBody, attempts);
    }

    /** As {@link #feature(String, List, String, String...)}, with the feature's own review settings. */
    public PyManifest feature(String id, List<String> dependsOn, ObjectNode review, String testBody, String... attempts) {
        String test = "import unittest\n\nclass Test_" + id + "(unittest.TestCase):\n    def test_it(self):\n"
                + indent(testBody) + "\n\nif __name__ == '__main__':\n    unittest.main()\n";
        ObjectNode f = add(id, "Feature " + id, dependsOn, test, attempts);
        if (review != null) {
            f.set("review", review);
        }
        return this;
    }

    /**
     * A feature whose test runs {@code testBody} after {@code from <id> import value} at the top of the
     * file; each attempt is {@code value = <attemptValue>}.
     */
    public PyManifest valueFeature(String id, List<String> dependsOn, String testBody, String... attemptValues) {
        String test = "import unittest\nfrom " + id + " import value\n\nclass Test_" + id
                + "(unittest.TestCase):\n    def test_value(self):\n" + indent(testBody) + "\n";
        add(id, "Feature " + id, dependsOn, test,
                Arrays.stream(attemptValues).map(v -> "value = " + v + "\n").toArray(String[]::new));
        return this;
    }

    /**
     * A feature {@code id} without replayed attempts whose test runs {@code assertion} (one line, using
     * {@code self}) after {@code importLine}; {@code implementer} overrides the manifest's when given.
     */
    public PyManifest feature(String id, String description, String importLine, String assertion, ObjectNode implementer) {
        ObjectNode f = add(id, id, List.of(), "import unittest\n" + importLine + "\n\nclass Test_" + id
                + "(unittest.TestCase):\n    def test_it(self):\n        " + assertion + "\n");
        f.put("description", description);
        if (implementer != null) {
            f.set("implementer", implementer);
        }
        return this;
    }

    private ObjectNode add(String id, String title, List<String> dependsOn, String test, String... attempts) {
        ObjectNode f = features.addObject().put("id", id).put("title", title);
        dependsOn.forEach(f.putArray("dependsOn")::add);
        ObjectNode run = f.putObject("test").put("kind", "command").put("timeoutSeconds", timeoutSeconds);
        List.of("python3", "-m", "unittest", "-v", "test_" + id).forEach(run.putArray("command")::add);
        run.putObject("env").put("PYTHONDONTWRITEBYTECODE", "1");
        f.putObject("tests").put("test_" + id + ".py", test);
        if (attempts.length > 0) {
            ArrayNode list = f.putArray("attempts");
            for (String source : attempts) {
                list.addObject().putObject("files").put(id + ".py", source);
            }
        }
        return f;
    }

    /** Writes the manifest as {@code file} (its folder made when missing); returns the file. */
    public Path write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        return file;
    }

    /** Writes the manifest as {@code dir/manifest.json} and loads it as the product does. */
    public Manifest load(Path dir) throws IOException, ManifestException {
        return ManifestLoader.load(write(dir.resolve("manifest.json")));
    }

    private static String indent(String body) {
        return Arrays.stream(body.split("\n")).map(l -> "        " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
