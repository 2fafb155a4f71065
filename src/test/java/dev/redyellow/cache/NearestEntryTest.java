package dev.redyellow.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code why} compares the feature's current key with its nearest earlier entry, not merely the one before. */
class NearestEntryTest {
    @TempDir
    Path dir;
    private OpenedCache opened;

    @AfterEach
    void close() {
        opened.close();
    }

    private static CacheKey key(String testHash, String codeHash) {
        List<CacheInput> inputs = new java.util.ArrayList<>(List.of(new CacheInput("kind", "command"),
                CacheInput.file("tests/test_words.py", testHash)));
        if (codeHash != null) {
            inputs.add(CacheInput.file("words.py", codeHash));
        }
        return CacheKey.of(inputs);
    }

    @Test
    void theRedProofOfTheSameRunIsNotTheNearestEntry() {
        opened = TestCaches.open(dir.resolve("c.db"), CacheSettings.defaults());
        TestCache cache = opened.cache();
        // run 1: RED proof (tests only), then the attempt; run 2: a changed test, its RED proof, its attempt
        cache.store(key("t1", null), "words", Set.of(), Results.failed(100));
        cache.store(key("t1", "c1"), "words", Set.of(), Results.passed(100));
        cache.store(key("t2", null), "words", Set.of(), Results.failed(100));
        cache.store(key("t2", "c1"), "words", Set.of(), Results.passed(100));

        MissExplanation why = cache.why("words").orElseThrow();
        assertEquals(List.of("file:tests/test_words.py"), why.changed(), why.describe());
        assertEquals(List.of(), why.added(), "words.py did not change and is not named: " + why.describe());
        assertEquals(key("t1", "c1").sha256(), why.earlierKey());
        assertTrue(why.describe().contains("1 input(s) differ from the nearest earlier entry"), why.describe());

        MissExplanation current = cache.why("words", key("t2", "c2")).orElseThrow();
        assertEquals(List.of("file:words.py"), current.changed(), current.describe());
        assertEquals(key("t2", "c1").sha256(), current.earlierKey());
    }
}
