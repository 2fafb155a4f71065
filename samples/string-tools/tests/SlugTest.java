package tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugTest {

    @ParameterizedTest(name = "\"{0}\" becomes {1}")
    @CsvSource(delimiter = '|', value = {
            "Hello World|hello-world",
            "Crème Brûlée for Two|creme-brulee-for-two",
            "  Release 2.0: What's New?  |release-2-0-what-s-new",
            "C++ & Java|c-java",
            "already-a-slug|already-a-slug"
    })
    void turnsTitlesIntoSlugs(String title, String expected) {
        assertEquals(expected, Slug.of(title));
    }

    @Test
    void neverStartsOrEndsWithAHyphen() {
        assertEquals("draft", Slug.of("--- Draft! ---"));
    }

    @Test
    void titleWithoutLettersOrDigitsGivesTheEmptySlug() {
        assertEquals("", Slug.of(" ?!- "));
    }

    @ParameterizedTest(name = "slug of \"{0}\" uses only a-z, 0-9 and single hyphens")
    @ValueSource(strings = {"Ünïcödé Tëxt", "tabs\tand\nnewlines", "MiXeD CaSe 123", "a  --  b"})
    void usesOnlyUrlSafeCharacters(String title) {
        String slug = Slug.of(title);
        assertTrue(slug.matches("[a-z0-9]+(-[a-z0-9]+)*"), () -> "not a clean slug: " + slug);
    }
}
