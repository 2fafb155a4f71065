package dev.redyellow.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NearestNameTest {
    private static final List<String> FIELDS = List.of("id", "dependsOn", "description", "tests", "title");

    @Test
    void suggestsTheNameAFewEditsAway() {
        assertEquals(Optional.of("dependsOn"), NearestName.among(FIELDS, "dependOn"));
        assertEquals(Optional.of("dependsOn"), NearestName.among(FIELDS, "depends_on"));
        assertEquals(Optional.of("tests"), NearestName.among(FIELDS, "test"));
        assertEquals(Optional.of("title"), NearestName.among(FIELDS, "tilte"));
    }

    @Test
    void suggestsNothingForAnUnrelatedName() {
        assertEquals(Optional.empty(), NearestName.among(FIELDS, "colour"));
        assertEquals(Optional.empty(), NearestName.among(List.of("a", "b"), "zz"));
    }

    @Test
    void countsAnAdjacentSwapAsOneEdit() {
        assertEquals(1, NearestName.distance("tilte", "title"));
        assertEquals(3, NearestName.distance("kitten", "sitting"));
    }
}
