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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command test kind's {@code fork} (warm script servers or a process per run), as the loader and the schema read it. */
class CommandForkSettingTest {

    private static final String ARGV = "\"command\": [\"python3\", \"-m\", \"pytest\"]";

    @TempDir
    Path dir;

    @Test
    void warmIsTheDefault() throws Exception {
        TestSettings.Command settings = (TestSettings.Command) load("{ \"kind\": \"command\", " + ARGV + " }");

        assertEquals(TestSettings.Fork.WARM, settings.fork());
        assertFalse(settings.describe().contains("fork"), settings.describe());
    }

    @Test
    void perRunIsRead() throws Exception {
        TestSettings.Command settings = (TestSettings.Command) load("{ \"kind\": \"command\", " + ARGV + ", \"fork\": \"perRun\" }");

        assertEquals(TestSettings.Fork.PER_RUN, settings.fork());
        assertTrue(settings.describe().endsWith(" fork=perRun"), settings.describe());
    }

    @Test
    void anUnknownModeIsALocatedError() throws Exception {
        ManifestException error = assertThrows(ManifestException.class,
                () -> load("{ \"kind\": \"command\", " + ARGV + ", \"fork\": \"per-process\" }"));

        String message = error.errors().get(0).toString();
        assertTrue(message.contains("expected \"warm\" or \"perRun\", found \"per-process\""), message);
        assertTrue(message.contains("/test/fork"), message);
    }

    @Test
    void theSchemaKnowsTheSetting() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonSchema schema;
        try (InputStream in = ManifestLoader.class.getResourceAsStream("manifest.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(json.readTree(in));
        }
        String manifest = """
                { "version": 1, "name": "n", "test": { "kind": "command", "command": ["pytest"], "fork": %s },
                  "features": [ { "id": "a", "tests": { "tests/test_a.py": "x" } } ] }
                """;

        assertEquals(java.util.Set.of(), schema.validate(json.readTree(manifest.formatted("\"perRun\""))));
        assertEquals(java.util.Set.of(), schema.validate(json.readTree(manifest.formatted("\"warm\""))));
        assertFalse(schema.validate(json.readTree(manifest.formatted("\"per-process\""))).isEmpty());
    }

    private TestSettings load(String test) throws ManifestException, IOException {
        Files.writeString(dir.resolve("test_a.py"), "x = 1\n");
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, """
                {
                  "version": 1,
                  "name": "fork",
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
