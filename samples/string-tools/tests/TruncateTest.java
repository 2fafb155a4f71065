package tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TruncateTest {

    @Test
    void keepsTextThatFits() {
        assertEquals("short", Truncate.ellipsis("short", 5));
        assertEquals("short", Truncate.ellipsis("short", 80));
    }

    @Test
    void cutsLongTextAndEndsWithAnEllipsis() {
        assertEquals("Hello w\u2026", Truncate.ellipsis("Hello world", 8));
    }

    @ParameterizedTest(name = "max {0}")
    @ValueSource(ints = {1, 2, 5, 10, 20})
    void neverReturnsMoreThanMaxCharacters(int max) {
        String result = Truncate.ellipsis("The quick brown fox jumps over the lazy dog", max);
        assertTrue(result.length() <= max, () -> "\"" + result + "\" is longer than " + max);
    }

    @Test
    void dropsWhitespaceBeforeTheEllipsis() {
        assertEquals("Hello\u2026", Truncate.ellipsis("Hello world", 7));
    }

    @Test
    void rejectsAMaximumBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> Truncate.ellipsis("text", 0));
    }
}
