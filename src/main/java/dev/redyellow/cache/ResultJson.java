package dev.redyellow.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redyellow.testing.TestResult;

/**
 * A {@link TestResult} as JSON and back into the same record type (never a map: an earlier
 * version of this tool returned a dictionary after a restart).
 */
final class ResultJson {
    private final ObjectMapper mapper = new ObjectMapper();

    String encode(TestResult result) {
        try {
            return mapper.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a test result always has a JSON form", e);
        }
    }

    TestResult decode(String json) {
        try {
            return mapper.readValue(json, TestResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored test result cannot be read back: " + e.getOriginalMessage(), e);
        }
    }
}
