package tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PadTest {

    @Test
    void leftFillsBeforeTheText() {
        assertEquals("00042", Pad.left("42", 5, '0'));
    }

    @Test
    void rightFillsAfterTheText() {
        assertEquals("ab...", Pad.right("ab", 5, '.'));
    }

    @ParameterizedTest(name = "centre \"{0}\" in {1} gives \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "ab|6|**ab**",
            "ab|5|*ab**",
            "abc|3|abc",
            "''|2|**"
    })
    void centreGivesTheOddFillToTheRight(String text, int width, String expected) {
        assertEquals(expected, Pad.center(text, width, '*'));
    }

    @ParameterizedTest(name = "width {0} leaves the text unchanged")
    @CsvSource({"0", "3", "4"})
    void neverCutsTextThatIsAlreadyWideEnough(int width) {
        assertEquals("wide", Pad.left("wide", width, ' '));
        assertEquals("wide", Pad.right("wide", width, ' '));
        assertEquals("wide", Pad.center("wide", width, ' '));
    }
}
