package tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WordsTest {

    @ParameterizedTest(name = "\"{0}\" has the words parse, http, response")
    @ValueSource(strings = {"parse http response", "parse_http_response", "parse-http-response",
            "parseHttpResponse", "  parse,  http; response! "})
    void splitsEveryNamingStyleIntoTheSameWords(String input) {
        assertEquals(List.of("parse", "http", "response"), lowerCased(Words.split(input)));
    }

    @Test
    void keepsAnAcronymTogetherBeforeACapitalisedWord() {
        assertEquals(List.of("parse", "HTTP", "Response"), Words.split("parseHTTPResponse"));
    }

    @Test
    void keepsAnAcronymAtTheEndTogether() {
        assertEquals(List.of("user", "ID"), Words.split("userID"));
    }

    @Test
    void keepsDigitsWithTheLettersBeforeThem() {
        assertEquals(List.of("utf8", "Decoder"), Words.split("utf8Decoder"));
    }

    @Test
    void findsNoWordsInPunctuation() {
        assertEquals(List.of(), Words.split(" -_- ... "));
    }

    private static List<String> lowerCased(List<String> words) {
        return words.stream().map(String::toLowerCase).toList();
    }
}
