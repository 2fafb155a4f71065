package dev.redyellow.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading valid manifests: defaults, overrides, file values, paths and the content hash. */
class ManifestLoaderTest {

    @TempDir
    Path dir;

    static Path valid(String name) {
        try {
            return Path.of(ManifestLoaderTest.class.getResource("valid/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void appliesTheDefaultsOfEveryOptionalField() throws ManifestException {
        Manifest manifest = ManifestLoader.load(valid("minimal.json"));

        assertEquals(1, manifest.version());
        assertEquals("minimal", manifest.name());
        assertNull(manifest.baseDir());
        assertEquals(4, manifest.maxAttempts());
        assertEquals(2, manifest.workers());
        assertEquals(2, manifest.stagnationLimit());
        assertTrue(manifest.inferDependencies());
        Feature hello = manifest.features().get(0);
        assertEquals("hello", hello.title());
        assertEquals("", hello.description());
        assertEquals(List.of(), hello.dependsOn());
        assertEquals(List.of(), hello.provides());
        assertEquals(List.of(), hello.attempts());
        assertEquals(new TestSettings.JUnit(120), hello.test());
        assertEquals(new ImplementerSettings.Replay(), hello.implementer());
        assertEquals(new ReviewSettings.Auto(), hello.review());
        assertEquals("package hello; class HelloTest {}", hello.tests().text("src/test/java/hello/HelloTest.java"));
    }

    @Test
    void readsEveryTopLevelSetting() throws ManifestException {
        Manifest manifest = ManifestLoader.load(valid("full.json"));

        assertEquals("string-tools", manifest.name());
        assertEquals(5, manifest.maxAttempts());
        assertEquals(3, manifest.workers());
        assertEquals(3, manifest.stagnationLimit());
        assertEquals(false, manifest.inferDependencies());
        assertEquals(List.of("normalize", "slugify", "title-case.v2", "auto-reviewed"),
                manifest.features().stream().map(Feature::id).toList());
    }

    @Test
    void givesFeaturesWithoutOverridesTheTopLevelSettings() throws ManifestException {
        Feature normalize = ManifestLoader.load(valid("full.json")).feature("normalize").orElseThrow();

        assertEquals(new TestSettings.JUnit(60), normalize.test());
        assertEquals(new ImplementerSettings.Replay(), normalize.implementer());
        assertEquals(new ReviewSettings.Manual(), normalize.review());
        assertEquals("Normalize", normalize.title());
        assertEquals("Lower-case and trim", normalize.description());
        assertEquals(List.of("src/main/java/tools/Normalize.java"), normalize.provides());
    }

    @Test
    void replacesTheWholeTopLevelObjectWithAFeaturesOverride() throws ManifestException {
        Manifest manifest = ManifestLoader.load(valid("full.json"));
        Feature slugify = manifest.feature("slugify").orElseThrow();
        Feature titleCase = manifest.feature("title-case.v2").orElseThrow();

        // inheritedEnv sorted
        assertEquals(new TestSettings.Command(List.of("python3", "-m", "pytest", "-q"),
                Map.of("PYTHONDONTWRITEBYTECODE", "1"), 30, "reports/*.xml", false, List.of(),
                TestSettings.Command.DEFAULT_FORK, List.of("DATABASE_URL", "SLUG_LOCALE")), slugify.test());
        assertEquals(new ImplementerSettings.Llm("http://localhost:11434/v1", "qwen2.5-coder", "OPENAI_API_KEY", 0.0, 2048,
                "Write only code.", 300), slugify.implementer());
        assertEquals(new ReviewSettings.Command(List.of("./review.sh", "{workspace}"), Map.of(), 90), slugify.review());
        assertEquals(List.of("normalize"), slugify.dependsOn());

        // the override's own defaults apply, not the values of the object it replaces
        assertEquals(new ImplementerSettings.Command(List.of("agent", "--prompt", "{prompt}"), Map.of(), 600),
                titleCase.implementer());
        assertEquals(new ReviewSettings.Llm("https://api.example.com/v1", "reviewer", null, 0.2, 4096, null, 600),
                titleCase.review());
        assertEquals(new TestSettings.JUnit(60), titleCase.test());
        assertEquals(new ReviewSettings.Auto(), manifest.feature("auto-reviewed").orElseThrow().review());
    }

    @Test
    void readsFromFilesRelativeToTheManifestAndKeepsInlineTextAsIs() throws ManifestException, IOException {
        Path file = valid("full.json");
        Feature normalize = ManifestLoader.load(file).feature("normalize").orElseThrow();
        Feature slugify = ManifestLoader.load(file).feature("slugify").orElseThrow();

        assertArrayEquals(Files.readAllBytes(file.resolveSibling("tests/NormalizeTest.java")),
                normalize.tests().bytes("src/test/java/tools/NormalizeTest.java"));
        assertEquals(1, normalize.attempts().size());
        assertArrayEquals(Files.readAllBytes(file.resolveSibling("attempts/Normalize.java")),
                normalize.attempts().get(0).bytes("src/main/java/tools/Normalize.java"));
        assertEquals("def test_slug():\n    assert True\n", slugify.tests().text("test_slugify.py"));
    }

    @Test
    void storesAbsoluteNormalisedPaths() throws ManifestException, IOException {
        Files.createDirectories(dir.resolve("project/base"));
        ManifestFixture.write(dir.resolve("project/manifest.json"), "{\"version\": 1, \"name\": \"n\", \"base\": \"./base/\","
                + " \"features\": [{\"id\": \"a\", \"tests\": {\"T.java\": \"t\"}}]}", true);
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("project/../project/manifest.json"));

        Manifest manifest = ManifestLoader.load(relative);

        assertEquals(dir.resolve("project/manifest.json"), manifest.file());
        assertEquals(dir.resolve("project/base"), manifest.baseDir());
        assertEquals(dir.resolve("project"), manifest.directory());
    }

    @Test
    void hashesTheManifestsBytes() throws ManifestException, IOException, NoSuchAlgorithmException {
        String text = "{\"version\": 1, \"name\": \"n\", \"features\": [{\"id\": \"a\", \"tests\": {\"T.java\": \"t\"}}]}";
        Path file = ManifestFixture.write(dir, text).file();
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));

        String first = ManifestLoader.load(file).contentHash();
        Files.writeString(file, text.replace("\"n\"", "\"m\""));
        String second = ManifestLoader.load(file).contentHash();

        assertEquals(expected, first);
        assertNotEquals(first, second);
    }

    @Test
    void recordsWhereEachFeatureStarts() throws ManifestException {
        ManifestFixture m = ManifestFixture.write(dir, "{\"version\": 1, \"name\": \"n\", \"features\": [\n"
                + "  {\"id\": \"a\", \"tests\": {\"T.java\": \"t\"}},\n  {\"id\": \"b\", \"tests\": {\"U.java\": \"u\"}}\n]}");

        List<Feature> features = ManifestLoader.load(m.file()).features();

        assertEquals(new SourceLocation(m.file(), 2, 3, "/features/0"), features.get(0).location());
        assertEquals(new SourceLocation(m.file(), 3, 3, "/features/1"), features.get(1).location());
    }

    @Test
    void acceptsASymlinkedFromFileThatStaysInsideTheManifestsFolder() throws ManifestException, IOException {
        ManifestFixture m = ManifestFixture.write(dir, "{\"version\": 1, \"name\": \"n\", \"features\": [{\"id\": \"a\","
                + " \"tests\": {\"T.java\": {\"from\": \"link.java\"}}}]}").with("real/T.java", "class T {}");
        Files.createSymbolicLink(dir.resolve("link.java"), dir.resolve("real/T.java"));

        assertEquals("class T {}", ManifestLoader.load(m.file()).features().get(0).tests().text("T.java"));
    }

    @Test
    void reportsAllErrorsOfAFileTogetherSortedByPosition() {
        ManifestFixture m = ManifestFixture.write(dir, """
                {
                  "version": 3,
                  "name": "",
                  "workers": 0,
                  "features": [
                    { "id": "B", "tests": {} },
                    { "id": "ok", "dependsOn": ["nope"], "tests": { "/T.java": "t" }, "colour": 1 }
                  ],
                  "review": { "kind": "robot" }
                }
                """);

        List<ManifestError> errors = m.errors();

        assertEquals(List.of(
                "2:14 unsupported version 3; this RedYellow reads version 1",
                "3:11 expected a non-empty string, found an empty string",
                "4:14 expected an integer from 1 to 64, found 0",
                "6:13 invalid feature id \"B\": use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit",
                "6:27 expected at least one test file, found an empty object",
                "7:33 unknown dependency \"nope\"; known ids: ok",
                "7:53 invalid workspace path \"/T.java\": it is absolute; use a path relative to the workspace",
                "7:71 unknown field \"colour\"; known fields: attempts, dependsOn, description, group, id, implementer, provides,"
                        + " review, test, tests, title",
                "9:23 unknown review kind \"robot\"; known kinds: auto, manual, command, llm"),
                errors.stream().map(e -> e.location().line() + ":" + e.location().column() + " " + e.message()).toList());
        ManifestException thrown = assertThrows(ManifestException.class, () -> ManifestLoader.load(m.file()));
        assertTrue(thrown.getMessage().startsWith(m.file() + ":2:14: unsupported version 3"), thrown.getMessage());
    }
}
