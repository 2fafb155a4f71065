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
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's {@code mutation} object (issue 22), as the loader and the schema read it. */
class MutationSettingTest {

    @TempDir
    Path dir;

    @Test
    void absentMeansOff() throws Exception {
        assertEquals(MutationSettings.OFF, load(null));
        assertFalse(load(null).enabled());
    }

    @Test
    void anEmptyObjectMeasuresWithoutAGate() throws Exception {
        MutationSettings settings = load("{}");

        assertTrue(settings.enabled());
        assertTrue(settings.minScore().isEmpty());
        assertFalse(settings.below(0.0), "no gate: nothing is under it");
    }

    @Test
    void minScoreGatesAndTimeoutIsRead() throws Exception {
        MutationSettings settings = load("{\"minScore\": 0.7, \"timeoutSeconds\": 90}");

        assertEquals(new MutationSettings(true, OptionalDouble.of(0.7), 90), settings);
        assertTrue(settings.below(0.69));
        assertFalse(settings.below(0.7));
    }

    @Test
    void maxMutantsPerClassDefaultsToASampleOf100AndZeroMeasuresEveryMutant() throws Exception {
        assertEquals(MutationSettings.DEFAULT_MAX_MUTANTS_PER_CLASS, load("{}").maxMutantsPerClass());
        assertEquals(100, MutationSettings.DEFAULT_MAX_MUTANTS_PER_CLASS);
        assertEquals(0, load("{\"maxMutantsPerClass\": 0}").maxMutantsPerClass());
        assertEquals(25, load("{\"maxMutantsPerClass\": 25}").maxMutantsPerClass());
        assertEquals(25, load("{\"maxMutantsPerClass\": 25}").measuring().maxMutantsPerClass(), "--mutation keeps it");
    }

    @Test
    void aNegativeMaxMutantsPerClassIsALocatedError() {
        ManifestException error = assertThrows(ManifestException.class, () -> load("{\"maxMutantsPerClass\": -1}"));

        String message = error.errors().get(0).toString();
        assertTrue(message.contains("/mutation/maxMutantsPerClass"), message);
        assertTrue(message.contains("expected an integer from 0 to 1000000, found -1"), message);
    }

    @Test
    void aScoreOutsideZeroToOneIsALocatedError() {
        ManifestException error = assertThrows(ManifestException.class, () -> load("{\"minScore\": 70}"));

        String message = error.errors().get(0).toString();
        assertTrue(message.contains("/mutation/minScore"), message);
        assertTrue(message.contains("expected a number from 0 to 1, found 70"), message);
    }

    @Test
    void anUnknownFieldIsALocatedError() {
        ManifestException error = assertThrows(ManifestException.class, () -> load("{\"minscore\": 0.5}"));

        String message = error.errors().get(0).toString();
        assertTrue(message.contains("/mutation"), message);
        assertTrue(message.contains("minscore"), message);
    }

    @Test
    void theCommandKindsMutationCommandIsPartOfItsTestObject() throws Exception {
        Files.writeString(dir.resolve("test_a.py"), "x = 1\n");
        Path manifest = dir.resolve("cmd.json");
        Files.writeString(manifest, """
                { "version": 1, "name": "cmd", "mutation": {},
                  "test": { "kind": "command", "command": ["python3", "-m", "unittest"],
                            "mutationCommand": ["mutmut", "run"] },
                  "features": [ { "id": "a", "tests": { "tests/test_a.py": { "from": "test_a.py" } } } ] }
                """);

        TestSettings.Command test = (TestSettings.Command) ManifestLoader.load(manifest).features().get(0).test();
        assertEquals(List.of("mutmut", "run"), test.mutationCommand());
    }

    @Test
    void aNonObjectIsALocatedError() {
        ManifestException error = assertThrows(ManifestException.class, () -> load("true"));

        assertTrue(error.errors().get(0).toString().contains("a mutation object"), error.errors().toString());
    }

    @Test
    void theSchemaKnowsTheObject() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonSchema schema;
        try (InputStream in = ManifestLoader.class.getResourceAsStream("manifest.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(json.readTree(in));
        }
        String manifest = """
                { "version": 1, "name": "n", "mutation": %s,
                  "features": [ { "id": "a", "tests": { "tests/test_a.py": "x" } } ] }
                """;

        assertEquals(java.util.Set.of(), schema.validate(json.readTree(manifest.formatted("{\"minScore\": 0.7}"))));
        assertFalse(schema.validate(json.readTree(manifest.formatted("{\"minScore\": 7}"))).isEmpty());
        assertFalse(schema.validate(json.readTree(manifest.formatted("{\"gate\": 1}"))).isEmpty());
        assertEquals(java.util.Set.of(), schema.validate(json.readTree(manifest.formatted("{\"maxMutantsPerClass\": 0}"))));
        assertFalse(schema.validate(json.readTree(manifest.formatted("{\"maxMutantsPerClass\": -1}"))).isEmpty());
    }

    private MutationSettings load(String mutation) throws ManifestException, IOException {
        Files.writeString(dir.resolve("test_a.py"), "x = 1\n");
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, """
                {
                  "version": 1,
                  "name": "mutation",%s
                  "features": [
                    { "id": "a", "tests": { "tests/test_a.py": { "from": "test_a.py" } },
                      "attempts": [ { "files": { "a.py": "A = 1" } } ] }
                  ]
                }
                """.formatted(mutation == null ? "" : "\n  \"mutation\": " + mutation + ","));
        return ManifestLoader.load(manifest).mutation();
    }
}
