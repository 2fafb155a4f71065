package dev.redyellow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.cache.CacheInput;
import dev.redyellow.cache.CacheKey;
import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheViewModelTest {
    @TempDir
    Path dir;
    private LocalData data;
    private CacheViewModel cache;

    private static CacheKey key(String file, String hash) {
        return CacheKey.of(List.of(new CacheInput("settings", "s"), CacheInput.file(file, hash)));
    }

    private void fill() {
        data = new LocalData(dir.resolve("redyellow.db"));
        cache = new CacheViewModel(new InlineTasks(), data);
        TestResult passed = new TestResult(TestOutcome.PASSED, 1, 0, 0,
                List.of(new TestCase("t", TestCase.Status.PASSED, "", 1)), 1200, "", "");
        data.cache().store(key("a.py", "1"), "alpha", Set.of(), passed);
        data.cache().store(key("a.py", "2"), "alpha", Set.of(), passed);
        data.cache().store(key("b.py", "1"), "beta", Set.of("alpha"), passed);
    }

    @AfterEach
    void close() {
        data.close();
    }

    @Test
    void showsEntriesPerFeature() {
        fill();
        cache.refresh();
        assertEquals(List.of("alpha", "beta"), cache.features().stream().map(f -> f.featureId()).toList());
        assertEquals(3, cache.totalsProperty().get().entries());
    }

    @Test
    void invalidatingAFeatureDropsTheEntriesThatContainedIt() {
        fill();
        cache.invalidate("alpha");
        assertEquals(0, cache.totalsProperty().get().entries());
        assertTrue(cache.answerProperty().get().startsWith("Dropped 3 entries"), cache.answerProperty().get());
    }

    @Test
    void explainsWhichInputChanged() {
        fill();
        cache.why("alpha");
        assertTrue(cache.answerProperty().get().contains("changed file:a.py"), cache.answerProperty().get());
    }

    @Test
    void clearEmptiesTheFile() {
        fill();
        cache.clear();
        assertTrue(cache.features().isEmpty());
        assertEquals(0, data.cache().stats().entries());
    }
}
