package tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleCaseTest {

    @ParameterizedTest(name = "\"{0}\" becomes \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "war and peace|War and Peace",
            "gone with the wind|Gone with the Wind",
            "userAccountSettings|User Account Settings",
            "a tale of two cities|A Tale of Two Cities",
            "the lord of the rings|The Lord of the Rings"
    })
    void capitalisesEveryWordButMinorOnesInTheMiddle(String input, String expected) {
        assertEquals(expected, TitleCase.of(input));
    }

    @Test
    void capitalisesAMinorWordAtTheEnd() {
        assertEquals("What It Stands For", TitleCase.of("what it stands for"));
    }

    @Test
    void keepsAcronyms() {
        assertEquals("Using HTTP in the Browser", TitleCase.of("using HTTP in the browser"));
    }

    @Test
    void lowerCasesAShoutedMinorWord() {
        assertEquals("Stop the Press", TitleCase.of("stop THE press"));
    }

    @Test
    void emptyInputGivesAnEmptyTitle() {
        assertEquals("", TitleCase.of(""));
    }
}
