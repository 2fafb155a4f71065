package dev.redyellow.run;

import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.ImplementerSettings;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ReviewSettings;
import dev.redyellow.manifest.TestSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds small Python manifests in code for engine tests: each feature is a module with a unittest
 * file, run for real by python3 through the command test kind.
 */
final class PyProject {
    private final Path dir;
    private final List<Feature> features = new ArrayList<>();
    private int maxAttempts = 3;
    private int stagnationLimit = 2;
    private int timeoutSeconds = 30;

    PyProject(Path dir) {
        this.dir = dir;
    }

    PyProject maxAttempts(int n) {
        this.maxAttempts = n;
        return this;
    }

    PyProject stagnationLimit(int n) {
        this.stagnationLimit = n;
        return this;
    }

    PyProject timeoutSeconds(int n) {
        this.timeoutSeconds = n;
        return this;
    }

    /**
     * A feature whose test file {@code test_<id>.py} holds {@code testBody} as the body of one test
     * method, and whose attempts each write {@code <id>.py} with the given source.
     */
    PyProject feature(String id, List<String> dependsOn, String testBody, String... attempts) {
        return feature(id, dependsOn, new ReviewSettings.Auto(), testBody, attempts);
    }

    PyProject feature(String id, List<String> dependsOn, ReviewSettings review, String testBody, String... attempts) {
        String test = "import unittest\n\nclass Test_" + id + "(unittest.TestCase):\n    def test_it(self):\n"
                + indent(testBody) + "\n\nif __name__ == '__main__':\n    unittest.main()\n";
        List<FileSet> attemptSets = Arrays.stream(attempts).map(src -> FileSet.ofText(Map.of(id + ".py", src))).toList();
        TestSettings settings = new TestSettings.Command(List.of("python3", "-m", "unittest", "-v", "test_" + id),
                Map.of("PYTHONDONTWRITEBYTECODE", "1"), timeoutSeconds, null);
        features.add(new Feature(id, id, "", dependsOn, List.of(), settings, new ImplementerSettings.Replay(), review,
                FileSet.ofText(Map.of("test_" + id + ".py", test)), attemptSets, null));
        return this;
    }

    Manifest manifest() {
        return new Manifest(dir.resolve("manifest.json"), 1, "py-test", null, maxAttempts, 2, stagnationLimit, false,
                features, "0".repeat(64));
    }

    private static String indent(String body) {
        return Arrays.stream(body.split("\n")).map(l -> "        " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
