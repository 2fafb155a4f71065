package dev.redyellow.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped JSON Schema accepts every valid manifest we have and rejects the structurally bad ones. */
class ManifestSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final JsonSchema SCHEMA = FACTORY.getSchema(schemaText());

    private static JsonNode schemaText() {
        try (InputStream in = ManifestLoader.class.getResourceAsStream("manifest.schema.json")) {
            assertNotNull(in, "manifest.schema.json is not on the class path next to ManifestLoader");
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<ValidationMessage> validate(Path file) throws IOException {
        return SCHEMA.validate(JSON.readTree(file.toFile()));
    }

    private static Set<ValidationMessage> validate(String json) throws JsonProcessingException {
        return SCHEMA.validate(JSON.readTree(json));
    }

    @Test
    void isItselfAValidDraft202012Schema() {
        JsonSchema meta = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertEquals(Set.of(), meta.validate(schemaText()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal.json", "full.json"})
    void acceptsOurValidExamples(String name) throws IOException {
        assertEquals(Set.of(), validate(ManifestLoaderTest.valid(name)));
    }

    /** Samples are written in other branches too; whatever exists must validate. */
    @TestFactory
    Stream<DynamicTest> acceptsEverySampleManifestInTheRepository() throws IOException {
        Path samples = BadSample.projectDir().resolve("samples");
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(samples)) {
            try (DirectoryStream<Path> manifests = Files.newDirectoryStream(samples, "*/manifest.json")) {
                manifests.forEach(found::add);
            }
            Path reasons = samples.resolve("reasons");
            if (Files.isDirectory(reasons)) {
                try (DirectoryStream<Path> manifests = Files.newDirectoryStream(reasons, "*.json")) {
                    manifests.forEach(found::add);
                }
            }
        }
        return found.stream().sorted().map(file -> DynamicTest.dynamicTest(samples.relativize(file).toString(),
                () -> assertEquals(Set.of(), validate(file))));
    }

    @TestFactory
    Stream<DynamicTest> agreesWithTheBadSamplesReadme() throws IOException {
        return BadSample.documented().stream().map(sample -> DynamicTest.dynamicTest(sample.fileName(), () -> {
            switch (sample.schemaVerdict()) {
                case "rejects" -> assertFalse(validate(sample.file()).isEmpty(), "the schema accepts " + sample);
                case "accepts" -> assertEquals(Set.of(), validate(sample.file()));
                case "not JSON" -> assertThrows(JsonProcessingException.class, () -> JSON.readTree(sample.file().toFile()));
                default -> throw new AssertionError("unknown schema verdict " + sample.schemaVerdict() + " for " + sample);
            }
        }));
    }

    @Test
    void acceptsTheManifestTheRejectionsBelowStartFrom() throws JsonProcessingException {
        String json = "{\"version\": 1, \"name\": \"n\", \"base\": \"b/\", \"features\": [{\"id\": \"a\","
                + " \"tests\": {\"T\": \"t\", \"src/U.java\": {\"from\": \"./u\"}}, \"dependsOn\": [\"b\"],"
                + " \"provides\": [\"p\"], \"attempts\": [{\"files\": {}}], \"group\": \"sorts\"}]}";
        assertEquals(Set.of(), validate(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"review\": {\"kind\": \"peer\"}",
            "\"test\": {\"kind\": \"junit\", \"command\": [\"x\"]}",
            "\"test\": {\"kind\": \"command\"}",
            "\"implementer\": {\"kind\": \"llm\", \"baseUrl\": \"http://h\", \"model\": \"m\", \"apiKey\": \"k\"}",
            "\"implementer\": {\"kind\": \"llm\", \"baseUrl\": \"ftp://h\", \"model\": \"m\"}",
            "\"implementer\": {\"kind\": \"llm\", \"baseUrl\": \"http://h\", \"model\": \"m\", \"temperature\": 2.1}",
            "\"review\": {\"kind\": \"command\", \"command\": [\"x\"], \"timeoutSeconds\": 86401}",
            "\"stagnationLimit\": 1",
            "\"inferDependencies\": \"yes\"",
            "\"base\": \"../up\"",
            "\"base\": \"C:/x\"",
    })
    void rejectsStructurallyBadTopLevelFields(String field) throws JsonProcessingException {
        String json = "{\"version\": 1, \"name\": \"n\", " + field + ", \"features\": [{\"id\": \"a\", \"tests\": {\"T\": \"t\"}}]}";
        assertFalse(validate(json).isEmpty(), json);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"tests\": {\"/abs\": \"t\"}",
            "\"tests\": {\"a/./b\": \"t\"}",
            "\"tests\": {\"a\\\\b\": \"t\"}",
            "\"tests\": {\"a/\": \"t\"}",
            "\"tests\": {\"T\": {\"from\": \"/etc/passwd\"}}",
            "\"tests\": {\"T\": {\"from\": \"a/../../b\"}}",
            "\"tests\": {\"T\": {\"path\": \"b\"}}",
            "\"tests\": {\"T\": \"t\"}, \"provides\": [\"../p\"]",
            "\"tests\": {\"T\": \"t\"}, \"attempts\": [{\"files\": {\"D:/x\": \"x\"}}]",
            "\"tests\": {\"T\": \"t\"}, \"dependsOn\": [\"b\", \"b\"]",
            "\"tests\": {\"T\": \"t\"}, \"title\": \"\"",
            "\"tests\": {\"T\": \"t\"}, \"group\": \"\"",
            "\"tests\": {\"T\": \"t\"}, \"group\": 3",
    })
    void rejectsStructurallyBadFeatures(String fields) throws JsonProcessingException {
        String json = "{\"version\": 1, \"name\": \"n\", \"features\": [{\"id\": \"a\", " + fields + "}]}";
        assertFalse(validate(json).isEmpty(), json);
    }
}
