package tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevenshteinTest {

    @ParameterizedTest(name = "{0} -> {1} takes {2} edits")
    @CsvSource({
            "kitten, sitting, 3",
            "flaw, lawn, 2",
            "gumbo, gambol, 2",
            "book, back, 2",
            "same, same, 0"
    })
    void countsTheFewestEdits(String a, String b, int expected) {
        assertEquals(expected, Levenshtein.distance(a, b));
    }

    @Test
    void distanceToTheEmptyStringIsTheLength() {
        assertEquals(5, Levenshtein.distance("hello", ""));
        assertEquals(5, Levenshtein.distance("", "hello"));
        assertEquals(0, Levenshtein.distance("", ""));
    }

    @Test
    void deletingAPrefixCostsOneEditPerCharacter() {
        assertEquals(3, Levenshtein.distance("unhappy", "appy"));
    }

    @Test
    void isSymmetric() {
        assertEquals(Levenshtein.distance("saturday", "sunday"), Levenshtein.distance("sunday", "saturday"));
    }

    @Test
    void isCaseSensitive() {
        assertEquals(1, Levenshtein.distance("Java", "java"));
    }
}
