package dev.redyellow.cache;

import dev.redyellow.files.Sha256;
import static dev.redyellow.cache.Results.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteTestCacheTest {
    @TempDir
    Path dir;
    private final List<OpenedCache> opened = new ArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(OpenedCache::close);
    }

    private TestCache local(String name) {
        OpenedCache cache = TestCaches.open(dir.resolve(name), CacheSettings.defaults());
        opened.add(cache);
        assertTrue(cache.enabled(), () -> "cache disabled: " + cache.warnings());
        return cache.cache();
    }

    private TestCache tiered(TestCache local, RemoteCacheSettings settings) {
        return tiered(local, settings, Map.of());
    }

    private TestCache tiered(TestCache local, RemoteCacheSettings settings, Map<String, String> env) {
        TestCache cache = RemoteCaches.wrap(local, Optional.of(settings), CacheSettings.defaults(), env, warnings::add);
        assertTrue(cache instanceof RemoteTestCache, "a remote tier is put behind the local cache");
        return cache;
    }

    private static RemoteCacheStats remote(TestCache cache) {
        return cache.remoteStats().orElseThrow();
    }

    @Test
    void aTeammateGetsResultsFromNginxAndKeepsThemLocally() throws Exception {
        try (NginxWebDav nginx = NginxWebDav.start(dir.resolve("nginx"), Optional.empty())) {
            TestCache writer = tiered(local("writer.db"), RemoteCacheSettings.of(nginx.url()));
            writer.store(key("a"), "slugify", Set.of("base"), Results.passed(1500));
            writer.store(key("large"), "slugify", Set.of(), Results.withOutput(RemoteEntry.INLINE_LIMIT + 1));
            writer.store(key("timeout"), "slugify", Set.of(), Results.of(dev.redyellow.testing.TestOutcome.TIMEOUT));
            writer.flush();
            assertEquals(2, remote(writer).uploads(), "a TIMEOUT says nothing about the content and is not shared");
            assertEquals(3, remote(writer).requests(), "a small result travels in its entry, a large one as a blob");
            assertTrue(remote(writer).bytesUp() > RemoteEntry.INLINE_LIMIT);
            assertTrue(Files.isRegularFile(nginx.data().resolve("ac").resolve(key("a").sha256())));
            try (Stream<Path> blobs = Files.list(nginx.data().resolve("cas"))) {
                List<Path> all = blobs.toList();
                assertEquals(1, all.size(), all.toString());
                assertEquals(all.get(0).getFileName().toString(), Sha256.hex(Files.readAllBytes(all.get(0))),
                        "a blob is named by the SHA-256 of its content");
            }

            TestCache reader = tiered(local("reader.db"), RemoteCacheSettings.of(nginx.url()));
            assertEquals(Optional.of(Results.passed(1500)), reader.lookup(key("a")));
            assertEquals(1, remote(reader).hits());
            assertEquals(1, remote(reader).requests(), "the entry holds the small result");
            assertTrue(remote(reader).bytesDown() > 0);
            assertEquals(Optional.of(Results.passed(1500)), reader.lookup(key("a")));
            assertEquals(1, remote(reader).requests(), "the second lookup is answered by the local file");
            assertEquals(Optional.of(Results.withOutput(RemoteEntry.INLINE_LIMIT + 1)), reader.lookup(key("large")));
            assertEquals(3, remote(reader).requests(), "the entry, then its result blob");
            assertEquals(Optional.empty(), reader.lookup(key("b")));
            assertEquals(1, remote(reader).misses());
            CacheStats session = reader.sessionStats();
            assertEquals(3, session.hits(), "a remote hit counts as a hit of the run");
            assertEquals(1, session.misses());
            assertEquals(3.5, session.savedSeconds(), 1e-9);
            assertEquals(List.of(), warnings);
        }
    }

    @Test
    void readOnlyReadsButNeverWrites() throws Exception {
        try (NginxWebDav nginx = NginxWebDav.start(dir.resolve("nginx"), Optional.empty())) {
            TestCache main = tiered(local("main.db"), RemoteCacheSettings.of(nginx.url()));
            main.store(key("main"), "slugify", Set.of(), Results.passed(800));
            main.flush();

            TestCache pullRequest = tiered(local("pr.db"), RemoteCacheSettings.of(nginx.url()).withReadOnly(true));
            pullRequest.store(key("pr"), "slugify", Set.of(), Results.passed(900));
            pullRequest.flush();
            assertEquals(0, remote(pullRequest).requests(), "nothing is written");
            assertFalse(Files.exists(nginx.data().resolve("ac").resolve(key("pr").sha256())));
            assertEquals(Optional.of(Results.passed(900)), pullRequest.lookup(key("pr")), "it is kept locally");
            assertEquals(Optional.of(Results.passed(800)), pullRequest.lookup(key("main")));
            assertEquals(1, remote(pullRequest).hits());
            assertTrue(remote(pullRequest).readOnly());
        }
    }

    @Test
    void basicCredentialsComeFromTheNamedVariableAndAreRefusedWithoutIt() throws Exception {
        try (NginxWebDav nginx = NginxWebDav.start(dir.resolve("nginx"), Optional.of("team:{PLAIN}pa55word-xyz"))) {
            RemoteCacheSettings settings = RemoteCacheSettings.of(nginx.url()).withAuth("basic:TEAM_CACHE");
            TestCache writer = tiered(local("writer.db"), settings, Map.of("TEAM_CACHE", "team:pa55word-xyz"));
            writer.store(key("a"), "slugify", Set.of(), Results.passed(100));
            writer.flush();
            assertEquals(1, remote(writer).uploads(), () -> "warnings: " + warnings);

            TestCache anonymous = tiered(local("anonymous.db"), RemoteCacheSettings.of(nginx.url()));
            assertEquals(Optional.empty(), anonymous.lookup(key("a")));
            assertEquals(1, warnings.size(), () -> "warnings: " + warnings);
            assertTrue(warnings.get(0).contains("HTTP 401"), warnings.get(0));
            assertFalse(String.join("\n", warnings).contains("pa55word"));
        }
    }

    @Test
    void aRefusedConnectionWarnsOnceAndTheRunGoesOnLocally() throws Exception {
        int port = NginxWebDav.freePort();
        TestCache cache = tiered(local("local.db"), RemoteCacheSettings.of("http://127.0.0.1:" + port));
        assertEquals(Optional.empty(), cache.lookup(key("a")));
        assertEquals(Optional.empty(), cache.lookup(key("b")));
        assertEquals(1, remote(cache).requests(), "after the first failure the remote is off for the run");
        assertEquals(1, remote(cache).errors());
        assertEquals(1, warnings.size(), () -> "warnings: " + warnings);
        assertTrue(warnings.get(0).contains("cannot connect") && warnings.get(0).contains("local cache only"),
                warnings.get(0));
        cache.store(key("a"), "slugify", Set.of(), Results.passed(100));
        cache.flush();
        assertEquals(Optional.of(Results.passed(100)), cache.lookup(key("a")), "the local tier still works");
        assertEquals(1, remote(cache).uploadsLost());
        assertTrue(remote(cache).offReason().isPresent());
        assertEquals(1, warnings.size());
    }

    @Test
    void aServerThatHangsTimesOut() throws Exception {
        try (FaultServer server = new FaultServer(FaultServer::hang)) {
            TestCache cache = tiered(local("local.db"),
                    RemoteCacheSettings.of(server.url()).withTimeout(Duration.ofMillis(300)));
            assertEquals(Optional.empty(), cache.lookup(key("a")));
            assertEquals(1, warnings.size(), () -> "warnings: " + warnings);
            assertTrue(warnings.get(0).contains("timed out after 300 ms"), warnings.get(0));
            cache.store(key("a"), "slugify", Set.of(), Results.passed(100));
            cache.flush();
            assertEquals(1, server.requests.size(), "nothing more is sent to a remote that timed out");
        }
    }

    @Test
    void aServerThatStallsInsideTheBodyTimesOutToo() throws Exception {
        try (FaultServer server = new FaultServer(FaultServer::stallInBody)) {
            TestCache cache = tiered(local("local.db"),
                    RemoteCacheSettings.of(server.url()).withTimeout(Duration.ofMillis(300)));
            assertEquals(Optional.empty(), cache.lookup(key("a")));
            assertEquals(1, warnings.size(), () -> "warnings: " + warnings);
            assertTrue(warnings.get(0).contains("timed out after 300 ms"), warnings.get(0));
        }
    }

    @Test
    void serverErrorsTurnTheRemoteOff() throws Exception {
        try (FaultServer server = new FaultServer(FaultServer::unavailable)) {
            TestCache cache = tiered(local("local.db"), RemoteCacheSettings.of(server.url()));
            cache.store(key("a"), "slugify", Set.of(), Results.passed(100));
            cache.flush();
            assertEquals(1, warnings.size(), () -> "warnings: " + warnings);
            assertTrue(warnings.get(0).contains("HTTP 503"), warnings.get(0));
            assertEquals(1, remote(cache).uploadsLost());
            assertEquals(Optional.empty(), cache.lookup(key("b")));
            assertEquals(1, server.requests.size());
            assertEquals("PUT", server.requests.get(0).method());
            assertEquals("/ac/" + key("a").sha256(), server.requests.get(0).path());
        }
    }

    @Test
    void anInlineResultWithTheWrongHashIsNeverServed() throws Exception {
        try (FaultServer server = new FaultServer(FaultServer::store)) {
            TestCache writer = tiered(local("writer.db"), RemoteCacheSettings.of(server.url()));
            writer.store(key("a"), "slugify", Set.of(), Results.passed(100));
            writer.flush();
            String path = "/ac/" + key("a").sha256();
            String entry = new String(server.bodies.get(path), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(entry.contains("\\\"PASSED\\\""), entry);
            server.bodies.put(path, entry.replace("\\\"PASSED\\\"", "\\\"FAILED\\\"")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));

            TestCache local = local("reader.db");
            TestCache reader = tiered(local, RemoteCacheSettings.of(server.url()));
            assertEquals(Optional.empty(), reader.lookup(key("a")));
            assertEquals(1, warnings.size(), () -> "warnings: " + warnings);
            assertTrue(warnings.get(0).contains("SHA-256"), warnings.get(0));
            assertEquals(Optional.empty(), local.lookup(key("a")), "nothing wrong is kept locally");
        }
    }

    @Test
    void aBlobWithTheWrongHashIsNeverServed() throws Exception {
        try (FaultServer server = new FaultServer(FaultServer::store)) {
            TestCache writer = tiered(local("writer.db"), RemoteCacheSettings.of(server.url()));
            writer.store(key("a"), "slugify", Set.of(), Results.withOutput(RemoteEntry.INLINE_LIMIT + 1));
            writer.flush();
            assertEquals(1, remote(writer).uploads());
            String blob = server.bodies.keySet().stream().filter(p -> p.startsWith("/cas/")).findFirst().orElseThrow();
            server.bodies.put(blob, new ResultJson().encode(Results.failed(100)).getBytes(java.nio.charset.StandardCharsets.UTF_8));

            TestCache local = local("reader.db");
            TestCache reader = tiered(local, RemoteCacheSettings.of(server.url()));
            assertEquals(Optional.empty(), reader.lookup(key("a")));
            assertEquals(1, warnings.size(), () -> "warnings: " + warnings);
            assertTrue(warnings.get(0).contains("SHA-256"), warnings.get(0));
            assertEquals(Optional.empty(), local.lookup(key("a")), "nothing wrong is kept locally");
        }
    }

    @Test
    void anEntryOfAnotherKeyIsNeverServed() throws Exception {
        try (FaultServer server = new FaultServer(FaultServer::store)) {
            TestCache writer = tiered(local("writer.db"), RemoteCacheSettings.of(server.url()));
            writer.store(key("a"), "slugify", Set.of(), Results.passed(100));
            writer.flush();
            server.bodies.put("/ac/" + key("b").sha256(), server.bodies.get("/ac/" + key("a").sha256()));

            TestCache reader = tiered(local("reader.db"), RemoteCacheSettings.of(server.url()));
            assertEquals(Optional.empty(), reader.lookup(key("b")));
            assertTrue(warnings.get(0).contains("another key"), warnings.get(0));
        }
    }

    @Test
    void credentialsNeverReachWarningsStatsOrLogs() throws Exception {
        String token = "tok-3x4mpl3-s3cr3t";
        List<String> logged = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(RemoteTestCache.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringWriter trace = new StringWriter();
                if (record.getThrown() != null) {
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                }
                logged.add(record.getMessage() + "\n" + trace);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level before = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
        try (FaultServer server = new FaultServer(FaultServer::store)) {
            RemoteCacheSettings settings = RemoteCacheSettings.of(server.url()).withAuth("bearer:CACHE_TOKEN");
            TestCache cache = tiered(local("local.db"), settings, Map.of("CACHE_TOKEN", token));
            cache.store(key("a"), "slugify", Set.of(), Results.passed(100));
            cache.flush();
            assertEquals(Optional.of(Results.passed(100)),
                    tiered(local("other.db"), settings, Map.of("CACHE_TOKEN", token)).lookup(key("a")));
            assertEquals(2, server.requests.size());
            server.requests.forEach(r -> assertEquals("Bearer " + token, r.authorization()));
            server.close();
            assertEquals(Optional.empty(), cache.lookup(key("gone")));
            assertEquals(1, warnings.size(), () -> "the closed server gives one warning: " + warnings);
            assertFalse(logged.isEmpty(), "the failure's trace is logged");
            String everything = String.join("\n", warnings) + logged + remote(cache) + remote(cache).describe()
                    + settings + settings.describe();
            assertFalse(everything.contains(token), everything);
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(before);
        }
    }

    @Test
    void anUnsetCredentialsVariableLeavesTheLocalCacheAlone() {
        TestCache local = local("local.db");
        TestCache cache = RemoteCaches.wrap(local, Optional.of(RemoteCacheSettings.of("http://127.0.0.1:9")
                .withAuth("bearer:NOT_SET_ANYWHERE")), CacheSettings.defaults(), Map.of(), warnings::add);
        assertTrue(cache == local);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("NOT_SET_ANYWHERE is not set"), warnings.get(0));
    }

    @Test
    void aFullQueueKeepsResultsLocallyAndCountsThem() throws Exception {
        try (FaultServer server = new FaultServer(FaultServer::hang)) {
            TestCache cache = tiered(local("local.db"), RemoteCacheSettings.of(server.url())
                    .withTimeout(Duration.ofSeconds(5)).withQueueCapacity(1).withFlushLimit(Duration.ofMillis(200)));
            for (int i = 0; i < 5; i++) {
                cache.store(key("k" + i), "slugify", Set.of(), Results.passed(100));
            }
            cache.flush();
            // two uploads hang in the server, one waits in the queue, two found it full
            assertEquals(3, remote(cache).uploadsLost());
            assertTrue(warnings.stream().anyMatch(w -> w.contains("did not take 1 result")), () -> "warnings: " + warnings);
            for (int i = 0; i < 5; i++) {
                assertTrue(cache.lookup(key("k" + i)).isPresent(), "kept locally");
            }
        }
    }
}
