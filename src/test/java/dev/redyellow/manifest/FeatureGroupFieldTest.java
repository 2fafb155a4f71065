package dev.redyellow.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional {@code group} of a feature: read when given, empty when not, refused when not a non-empty string. */
class FeatureGroupFieldTest {
    @TempDir
    Path dir;

    private static String manifest(String groupField) {
        return "{\"version\": 1, \"name\": \"n\", \"features\": [\n"
                + "{\"id\": \"a\", " + groupField + "\"tests\": {\"src/test/java/x/ATest.java\": \"class ATest {}\"}},\n"
                + "{\"id\": \"b\", \"tests\": {\"src/test/java/x/BTest.java\": \"class BTest {}\"}}]}";
    }

    @Test
    void aGivenGroupIsReadAndAMissingOneIsEmpty() throws Exception {
        Manifest m = ManifestLoader.load(ManifestFixture.write(dir, manifest("\"group\": \"sorting\", ")).file());
        assertEquals("sorting", m.features().get(0).group());
        assertEquals("", m.features().get(1).group());
    }

    @Test
    void anEmptyGroupIsAnErrorAtItsField() {
        ManifestFixture fixture = ManifestFixture.write(dir, manifest("\"group\": \"\", "));
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.load(fixture.file()));
        assertEquals(1, e.errors().size(), e.errors().toString());
        assertTrue(e.errors().get(0).toString().contains("group"), e.errors().toString());
        assertTrue(e.errors().get(0).toString().contains("non-empty string"), e.errors().toString());
        assertEquals(2, e.errors().get(0).location().line(), e.errors().toString());
    }
}
