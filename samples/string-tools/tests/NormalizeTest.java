package tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizeTest {

    @ParameterizedTest(name = "\"{0}\" becomes \"{1}\"")
    @CsvSource({
            "Crème brûlée, Creme brulee",
            "Ångström, Angstrom",
            "naïve café, naive cafe",
            "Señor, Senor"
    })
    void removesAccents(String input, String expected) {
        assertEquals(expected, Normalize.text(input));
    }

    @Test
    void collapsesEveryKindOfWhitespaceIntoOneSpace() {
        assertEquals("one two three four", Normalize.text("one \t two\n\nthree\u00A0\u00A0four"));
    }

    @Test
    void trimsBothEnds() {
        assertEquals("padded", Normalize.text("  \n padded \t "));
    }

    @Test
    void leavesPlainTextAlone() {
        assertEquals("Already clean, 42!", Normalize.text("Already clean, 42!"));
    }

    @Test
    void blankTextBecomesEmpty() {
        assertEquals("", Normalize.text(" \t\n "));
    }
}
