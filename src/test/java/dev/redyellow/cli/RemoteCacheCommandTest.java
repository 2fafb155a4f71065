package dev.redyellow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redyellow.ProjectFiles;
import dev.redyellow.cache.NginxWebDav;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared cache through the command line: a teammate's first run, a dead remote, bad settings. */
class RemoteCacheCommandTest {
    @TempDir
    Path tmp;

    private CliRun run(String db, String... extra) {
        String[] base = {"run", ProjectFiles.samples().resolve("py-textstats/manifest.json").toString(),
            "--cache-db", tmp.resolve(db).toString(), "--runs-dir", tmp.resolve("runs").toString(),
            "--report", tmp.resolve("r.json").toString()};
        return CliRun.of(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
    }

    private JsonNode cacheMetrics() throws Exception {
        return new ObjectMapper().readTree(tmp.resolve("r.json").toFile()).get("metrics").get("cache");
    }

    @Test
    void aTeammatesFirstRunTakesEveryResultFromTheRemote() throws Exception {
        try (NginxWebDav nginx = NginxWebDav.start(tmp.resolve("nginx"), Optional.empty())) {
            CliRun writer = run("writer.db", "--remote-cache", nginx.url());
            assertEquals(0, writer.exitCode(), writer.out() + writer.err());
            JsonNode written = cacheMetrics().get("remote");
            assertEquals(nginx.url(), written.get("url").asText());
            assertTrue(written.get("uploads").asInt() > 0, written.toString());
            assertEquals(0, written.get("uploadsLost").asInt(), written.toString());
            assertTrue(written.get("offReason").isNull(), written.toString());

            CliRun teammate = run("teammate.db", "--remote-cache", nginx.url(), "--remote-cache-read-only");
            assertEquals(0, teammate.exitCode(), teammate.out() + teammate.err());
            JsonNode cache = cacheMetrics();
            assertEquals(1.0, cache.get("hitRate").asDouble(), cache.toString());
            assertEquals(cache.get("requests").asInt(), cache.get("remote").get("hits").asInt(), cache.toString());
            assertEquals(0, cache.get("remote").get("errors").asInt());
            assertTrue(cache.get("remote").get("readOnly").asBoolean());
            assertTrue(cache.get("remote").get("bytesDown").asLong() > 0);
            assertTrue(teammate.out().contains("Cache remote " + nginx.url() + " (read-only)"), teammate.out());

            CliRun again = run("teammate.db", "--remote-cache", nginx.url());
            assertEquals(0, cacheMetrics().get("remote").get("requests").asInt(),
                    "the results are now local: " + again.out());
        }
    }

    @Test
    void aDeadRemoteWarnsOnceAndTheRunPasses() throws Exception {
        String url = "http://127.0.0.1:" + NginxWebDav.freePort();
        CliRun dead = run("c.db", "--remote-cache", url);
        assertEquals(0, dead.exitCode(), dead.out() + dead.err());
        assertEquals(1, dead.err().split("remote cache", -1).length - 1, dead.err());
        JsonNode remote = cacheMetrics().get("remote");
        // the workers that asked at the same moment each met the refusal; nobody asks after it
        int errors = remote.get("errors").asInt();
        assertTrue(errors >= 1 && errors == remote.get("requests").asInt() && errors <= 4, remote.toString());
        assertTrue(remote.get("offReason").asText().contains("cannot connect"), remote.toString());
        assertTrue(remote.get("uploadsLost").asInt() > 0, remote.toString());
    }

    @Test
    void badCacheSettingsExitTwoBeforeAnythingRuns() {
        CliRun url = run("c.db", "--remote-cache", "ftp://cache.example");
        assertEquals(2, url.exitCode());
        assertTrue(url.err().contains("http://"), url.err());
        CliRun credentials = run("c.db", "--remote-cache", "https://bob:hunter2@cache.example");
        assertEquals(2, credentials.exitCode());
        assertTrue(!credentials.err().contains("hunter2"), credentials.err());
        CliRun auth = run("c.db", "--remote-cache", "http://127.0.0.1:1", "--remote-cache-auth", "token");
        assertEquals(2, auth.exitCode());
        assertTrue(auth.err().contains("bearer:VARIABLE"), auth.err());
        CliRun ttl = run("c.db", "--cache-ttl", "soon");
        assertEquals(2, ttl.exitCode());
        assertTrue(ttl.err().contains("'soon' is not a duration"), ttl.err());
        assertEquals(2, run("c.db", "--remote-cache-timeout", "0s").exitCode());
        assertEquals(2, run("c.db", "--cache-max-entries", "0").exitCode());
        assertTrue(!tmp.resolve("runs").toFile().exists(), "nothing ran");
    }

    @Test
    void sizeLimitsAndFailurePolicyReachTheFile() throws Exception {
        CliRun limited = run("c.db", "--cache-max-entries", "1", "--no-cache-failures", "--cache-ttl", "7d",
                "--remote-cache", "off");
        assertEquals(0, limited.exitCode(), limited.out() + limited.err());
        assertTrue(cacheMetrics().get("remote") == null, "no remote, no remote figures: " + cacheMetrics());
        CliRun stats = CliRun.of("cache", "stats", "--json", "--cache-db", tmp.resolve("c.db").toString());
        JsonNode s = new ObjectMapper().readTree(stats.out());
        assertEquals(1, s.get("entries").asInt(), s.toString());
        assertTrue(s.get("evictions").asInt() > 0, s.toString());
    }

    @Test
    void invalidateByFileDropsTheEntriesThatHeldIt() throws Exception {
        assertEquals(0, run("c.db").exitCode());
        String db = tmp.resolve("c.db").toString();
        CliRun neither = CliRun.of("cache", "invalidate", "--cache-db", db);
        assertEquals(2, neither.exitCode());
        assertTrue(neither.err().contains("either a FEATURE or --file"), neither.err());
        assertEquals(2, CliRun.of("cache", "invalidate", "words", "--file", "x.py", "--cache-db", db).exitCode());
        CliRun none = CliRun.of("cache", "invalidate", "--file", "no/such/file.py", "--cache-db", db);
        assertEquals("dropped 0 entries whose workspace held no/such/file.py", none.out().strip());
        long before = entries(db);
        CliRun dropped = CliRun.of("cache", "invalidate", "--file", "textstats/__init__.py", "--cache-db", db);
        assertEquals(0, dropped.exitCode(), dropped.err());
        assertTrue(entries(db) < before, dropped.out());
        assertTrue(dropped.out().startsWith("dropped " + (before - entries(db)) + " entries whose workspace held"),
                dropped.out());
    }

    private static long entries(String db) throws Exception {
        CliRun stats = CliRun.of("cache", "stats", "--json", "--cache-db", db);
        return new ObjectMapper().readTree(stats.out()).get("entries").asLong();
    }
}
