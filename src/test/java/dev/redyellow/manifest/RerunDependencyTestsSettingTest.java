package dev.redyellow.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command test kind's {@code rerunDependencyTests}, as the loader and the schema read it. */
class RerunDependencyTestsSettingTest {

    private static final String ARGV = "\"command\": [\"python3\", \"-m\", \"unittest\"]";

    @TempDir
    Path dir;

    @Test
    void ownTestsOnlyIsTheDefault() throws Exception {
        TestSettings settings = load("{ \"kind\": \"command\", " + ARGV + " }");

        assertEquals(new TestSettings.Command(List.of("python3", "-m", "unittest"), Map.of(), 120, null, false), settings);
    }

    @Test
    void trueIsRead() throws Exception {
        TestSettings settings = load("{ \"kind\": \"command\", " + ARGV + ", \"rerunDependencyTests\": true }");

        assertTrue(((TestSettings.Command) settings).rerunDependencyTests());
        assertTrue(settings.describe().endsWith(" rerunDependencyTests"), settings.describe());
    }

    @Test
    void aStringIsALocatedError() throws Exception {
        ManifestException error = assertThrows(ManifestException.class,
                () -> load("{ \"kind\": \"command\", " + ARGV + ", \"rerunDependencyTests\": \"yes\" }"));

        String message = error.errors().get(0).toString();
        assertTrue(message.contains("expected true or false, found"), message);
        assertTrue(message.contains("/test/rerunDependencyTests"), message);
    }

    @Test
    void regressionModeWithOwnTestPlaceholdersIsRejected() throws Exception {
        ManifestException error = assertThrows(ManifestException.class,
                () -> load("{ \"kind\": \"command\", \"command\": [\"pytest\", \"{tests}\"], \"rerunDependencyTests\": true }"));

        String message = error.errors().get(0).toString();
        assertTrue(message.contains("{tests} or {testModules}"), message);
        assertTrue(message.contains("/test/rerunDependencyTests"), message);
    }

    @Test
    void theSchemaKnowsTheSetting() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonSchema schema;
        try (InputStream in = ManifestLoader.class.getResourceAsStream("manifest.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(json.readTree(in));
        }
        String manifest = """
                { "version": 1, "name": "n", "test": { "kind": "command", "command": ["pytest"], "rerunDependencyTests": %s },
                  "features": [ { "id": "a", "tests": { "tests/test_a.py": "x" } } ] }
                """;

        assertEquals(java.util.Set.of(), schema.validate(json.readTree(manifest.formatted("true"))));
        assertFalse(schema.validate(json.readTree(manifest.formatted("\"yes\""))).isEmpty());
    }

    private TestSettings load(String test) throws ManifestException, IOException {
        Files.writeString(dir.resolve("test_a.py"), "x = 1\n");
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, """
                {
                  "version": 1,
                  "name": "rerun",
                  "test": %s,
                  "features": [
                    { "id": "a", "tests": { "tests/test_a.py": { "from": "test_a.py" } },
                      "attempts": [ { "files": { "a.py": "A = 1" } } ] }
                  ]
                }
                """.formatted(test));
        return ManifestLoader.load(manifest).features().get(0).test();
    }
}
