package dev.redyellow.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test settings' {@code inheritedEnv}: the inherited variables the tests read, keyed by the test cache. */
class InheritedEnvSettingTest {
    @TempDir
    Path dir;

    @Test
    void isReadForBothKindsAndIsEmptyByDefault() throws Exception {
        assertEquals(List.of(), load("{ \"kind\": \"junit\" }").inheritedEnv());
        assertEquals(List.of("A_FLAG", "B"), load("{ \"kind\": \"junit\", \"inheritedEnv\": [\"B\", \"A_FLAG\"] }").inheritedEnv());
        TestSettings command = load("{ \"kind\": \"command\", \"command\": [\"pytest\"], \"inheritedEnv\": [\"B\"] }");
        assertEquals(List.of("B"), command.inheritedEnv());
        assertTrue(command.describe().endsWith(" inheritedEnv=[B]"), command.describe());
    }

    @Test
    void aNameThatIsNoVariableNameIsALocatedError() {
        String message = error("{ \"kind\": \"junit\", \"inheritedEnv\": [\"MY FLAG\"] }");
        assertTrue(message.contains("expected the name of an environment variable"), message);
        assertTrue(message.contains("\"MY FLAG\""), message);
        assertTrue(message.contains("/test/inheritedEnv/0"), message);
    }

    @Test
    void aNameListedTwiceIsAnErrorAtItsSecondEntry() {
        String message = error("{ \"kind\": \"junit\", \"inheritedEnv\": [\"A\", 7, \"A\"] }");
        assertTrue(message.contains("expected a non-empty string, found"), message);
        ManifestException error = assertThrows(ManifestException.class,
                () -> load("{ \"kind\": \"junit\", \"inheritedEnv\": [\"A\", \"B\", \"A\"] }"));
        String twice = error.errors().get(0).toString();
        assertTrue(twice.contains("\"A\" is listed twice in inheritedEnv"), twice);
        assertTrue(twice.contains("/test/inheritedEnv/2"), twice);
    }

    @Test
    void aNameTheSettingsSetThemselvesIsRefused() {
        String message = error("{ \"kind\": \"command\", \"command\": [\"pytest\"], \"env\": { \"TZ\": \"UTC\" },"
                + " \"inheritedEnv\": [\"TZ\"] }");
        assertTrue(message.contains("\"TZ\" is set by \"env\""), message);
        assertTrue(message.contains("/test/inheritedEnv/0"), message);
    }

    private String error(String test) {
        ManifestException error = assertThrows(ManifestException.class, () -> load(test));
        return error.errors().get(0).toString();
    }

    private TestSettings load(String test) throws ManifestException, IOException {
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, """
                { "version": 1, "name": "inherited", "test": %s,
                  "features": [ { "id": "a", "tests": { "tests/test_a.py": "x = 1" }, "attempts": [ { "files": { "a.py": "A = 1" } } ] } ] }
                """.formatted(test));
        return ManifestLoader.load(manifest).features().get(0).test();
    }
}
