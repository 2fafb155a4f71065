package dev.redyellow.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redyellow.testing.TestResult;

/**
 * A {@link TestResult} as JSON and back into the same record type (never a map: an earlier
 * version of this tool returned a dictionary after a restart).
 */
final class ResultJson {
    /** One for the process: a mapper is thread-safe once made, and learns a record's form once. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Teaches the mapper the result's form (a first decode of a record costs Jackson's introspection of
     * it), so a thread can do it while the command line reads the manifest.
     */
    static void learn() {
        ResultJson json = new ResultJson();
        json.decode(json.encode(new TestResult(dev.redyellow.testing.TestOutcome.PASSED, 1, 0, 0,
                java.util.List.of(new dev.redyellow.testing.TestCase("t", dev.redyellow.testing.TestCase.Status.PASSED, "", 1)),
                1, "", "")));
    }

    String encode(TestResult result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a test result always has a JSON form", e);
        }
    }

    TestResult decode(String json) {
        try {
            return MAPPER.readValue(json, TestResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored test result cannot be read back: " + e.getOriginalMessage(), e);
        }
    }
}
