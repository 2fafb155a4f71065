package dev.redyellow.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line run three times on one cache file, each a new process with another environment, as a
 * user who changes their time zone or a variable the tests read would run it. A result kept under one
 * time zone used to be served under another, where the same tests fail.
 */
class InheritedEnvironmentRunTest {
    @TempDir
    Path dir;

    private static final String MANIFEST = """
            {
              "version": 1,
              "name": "inherited-env",
              "test": { "kind": "junit", "timeoutSeconds": 120 },
              "maxAttempts": 1,
              "features": [
                {
                  "id": "zone",
                  "tests": { "src/test/java/tz/ZoneTest.java": "package tz; import org.junit.jupiter.api.Test; import static org.junit.jupiter.api.Assertions.assertEquals; class ZoneTest { @Test void utc() { assertEquals(\\"UTC\\", Zone.id()); } }" },
                  "attempts": [ { "files": { "src/main/java/tz/Zone.java": "package tz; public class Zone { public static String id() { return java.util.TimeZone.getDefault().getID(); } }" } } ]
                },
                {
                  "id": "flag",
                  "test": { "kind": "junit", "timeoutSeconds": 120, "inheritedEnv": ["REDYELLOW_TEST_FLAG"] },
                  "tests": { "src/test/java/tz/FlagTest.java": "package tz; import org.junit.jupiter.api.Test; import static org.junit.jupiter.api.Assertions.assertEquals; class FlagTest { @Test void on() { assertEquals(\\"on\\", Flag.value()); } }" },
                  "attempts": [ { "files": { "src/main/java/tz/Flag.java": "package tz; public class Flag { public static String value() { return System.getenv(\\"REDYELLOW_TEST_FLAG\\"); } }" } } ]
                }
              ]
            }
            """;

    @Test
    void aResultIsServedOnlyUnderTheEnvironmentItWasKeptIn() throws Exception {
        Path manifest = Files.writeString(dir.resolve("manifest.json"), MANIFEST);

        Map<String, JsonNode> first = run(manifest, "UTC", "on", 1);
        assertEquals("GREEN", state(first, "zone"));
        assertEquals("GREEN", state(first, "flag"));

        // Another zone: both keys differ (the zone is keyed for every feature); the zone's test fails as a plain run's does.
        Map<String, JsonNode> tokyo = run(manifest, "Asia/Tokyo", "on", 2);
        assertEquals("FAILED", state(tokyo, "zone"), tokyo.toString());
        assertEquals("GREEN", state(tokyo, "flag"));
        assertEquals(0, hits(tokyo, "zone") + hits(tokyo, "flag"), tokyo.toString());

        // The first run's zone again, the named variable changed: the zone's results are served, the flag's are not.
        Map<String, JsonNode> flagOff = run(manifest, "UTC", "off", 3);
        assertEquals("GREEN", state(flagOff, "zone"));
        assertTrue(hits(flagOff, "zone") > 0, flagOff.toString());
        assertEquals("FAILED", state(flagOff, "flag"), flagOff.toString());
        assertEquals(0, hits(flagOff, "flag"), flagOff.toString());
    }

    /** The features of the report of one {@code run} in a new JVM with {@code TZ} and the flag set so. */
    private Map<String, JsonNode> run(Path manifest, String zone, String flag, int n) throws Exception {
        Path report = dir.resolve("report-" + n + ".json");
        Path out = dir.resolve("out-" + n + ".txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Duser.home=" + Files.createDirectories(dir.resolve("home")),
                "-cp", System.getProperty("java.class.path"), "dev.redyellow.Main", "run", manifest.toString(),
                "--workers", "2", "--report", report.toString(), "--cache-db", dir.resolve("redyellow.db").toString())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().remove("REDYELLOW_DB");
        builder.environment().put("TZ", zone);
        builder.environment().put("REDYELLOW_TEST_FLAG", flag);
        Process process = builder.start();
        assertTrue(process.waitFor(170, TimeUnit.SECONDS), "run " + n + " did not end");
        assertTrue(Files.exists(report), () -> "run " + n + " wrote no report: " + read(out));
        Map<String, JsonNode> features = new TreeMap<>();
        new ObjectMapper().readTree(report.toFile()).get("features").forEach(f -> features.put(f.get("id").asText(), f));
        return features;
    }

    private static String state(Map<String, JsonNode> features, String id) {
        return features.get(id).get("state").asText();
    }

    private static int hits(Map<String, JsonNode> features, String id) {
        return features.get(id).get("cacheHits").asInt();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "unreadable: " + e;
        }
    }
}
