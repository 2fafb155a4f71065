package tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestTest {

    private static final List<String> COLOURS = List.of("red", "green", "blue", "yellow", "purple");

    @ParameterizedTest(name = "\"{0}\" suggests {1}")
    @CsvSource({"gren, green", "yelow, yellow", "purpel, purple", "bleu, blue", "rad, red"})
    void suggestsTheClosestCandidate(String typo, String expected) {
        assertEquals(Optional.of(expected), Suggest.closest(typo, COLOURS, 2));
    }

    @Test
    void ignoresCase() {
        assertEquals(Optional.of("green"), Suggest.closest("GREEN", COLOURS, 0));
    }

    @Test
    void suggestsNothingWhenEveryCandidateIsTooFar() {
        assertEquals(Optional.empty(), Suggest.closest("magenta", COLOURS, 2));
    }

    @Test
    void suggestsNothingWithoutCandidates() {
        assertEquals(Optional.empty(), Suggest.closest("red", List.of(), 5));
    }

    @Test
    void prefersTheEarlierCandidateOnATie() {
        assertEquals(Optional.of("bat"), Suggest.closest("cat", List.of("bat", "hat"), 1));
        assertEquals(Optional.of("hat"), Suggest.closest("cat", List.of("hat", "bat"), 1));
    }
}
