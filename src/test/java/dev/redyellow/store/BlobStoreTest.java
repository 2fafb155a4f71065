package dev.redyellow.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
    @TempDir
    Path dir;

    private static byte[] bytes(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return content;
    }

    @Test
    void keepsEqualContentOnceAndCountsTheDeduplication() {
        try (BlobStore blobs = new BlobStore(dir, 1 << 20)) {
            byte[] text = "class Slugify {}".getBytes(StandardCharsets.UTF_8);
            String first = blobs.put(text);
            String second = blobs.put(text.clone());
            String third = blobs.put("other".getBytes(StandardCharsets.UTF_8));

            assertEquals(first, second);
            assertTrue(first.matches("[0-9a-f]{64}"));
            BlobMetrics metrics = blobs.metrics();
            assertEquals(2, metrics.blobs());
            assertEquals(2L * text.length + 5, metrics.logicalBytes());
            assertEquals(text.length + 5L, metrics.storedBytes());
            assertEquals((2.0 * text.length + 5) / (text.length + 5), metrics.dedupRatio(), 1e-9);
            assertArrayEquals("other".getBytes(StandardCharsets.UTF_8), blobs.get(third));
        }
    }

    @Test
    void neverHoldsMoreThanTheBudgetInMemoryAfterAPut() {
        long budget = 10_000;
        try (BlobStore blobs = new BlobStore(dir, budget)) {
            Random sizes = new Random(7);
            for (int i = 0; i < 200; i++) {
                blobs.put(bytes(1 + sizes.nextInt(3_000), i));
                assertTrue(blobs.metrics().bytesInMemory() <= budget, "over budget after put " + i);
            }
            BlobMetrics metrics = blobs.metrics();
            assertTrue(metrics.spills() > 0);
            assertEquals(metrics.storedBytes(), metrics.bytesInMemory() + metrics.bytesOnDisk());
        }
    }

    @Test
    void readsSpilledBlobsBackTransparentlyFromDisk() throws IOException {
        try (BlobStore blobs = new BlobStore(dir, 2_500)) {
            List<String> hashes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                hashes.add(blobs.put(bytes(1_000, i)));
            }
            for (int i = 0; i < 10; i++) {
                assertArrayEquals(bytes(1_000, i), blobs.get(hashes.get(i)));
                assertTrue(blobs.metrics().bytesInMemory() <= 2_500);
            }
            BlobMetrics metrics = blobs.metrics();
            assertTrue(metrics.diskReads() >= 8, metrics.toString());
            assertEquals(10, metrics.diskReads() + metrics.memoryReads());
            try (Stream<Path> files = Files.walk(dir)) {
                assertTrue(files.anyMatch(p -> p.getFileName().toString().equals(hashes.get(0))));
            }
        }
    }

    @Test
    void spillsTheLeastRecentlyUsedBlobFirst() {
        try (BlobStore blobs = new BlobStore(dir, 2_000)) {
            String a = blobs.put(bytes(1_000, 1));
            String b = blobs.put(bytes(1_000, 2));
            blobs.get(a);
            blobs.put(bytes(1_000, 3));

            blobs.get(a);
            assertEquals(0, blobs.metrics().diskReads(), "a was used recently and stayed in memory");
            blobs.get(b);
            assertEquals(1, blobs.metrics().diskReads(), "b was the least recently used and went to disk");
        }
    }

    @Test
    void keepsABlobLargerThanTheWholeBudgetOnDiskOnly() {
        try (BlobStore blobs = new BlobStore(dir, 100)) {
            String big = blobs.put(bytes(1_000, 1));
            assertEquals(0, blobs.metrics().bytesInMemory());
            assertArrayEquals(bytes(1_000, 1), blobs.get(big));
            assertEquals(0, blobs.metrics().bytesInMemory());
        }
    }

    @Test
    void deletesItsSpilledFilesOnClose() throws IOException {
        BlobStore blobs = new BlobStore(dir, 10);
        blobs.put(bytes(100, 1));
        blobs.close();
        try (Stream<Path> left = Files.walk(dir)) {
            assertEquals(List.of(dir), left.toList());
        }
    }

    @Test
    void refusesAnUnknownHash() {
        try (BlobStore blobs = new BlobStore(dir, 10)) {
            assertThrows(IllegalArgumentException.class, () -> blobs.get("00".repeat(32)));
        }
    }

    @Test
    void aBlobPutByItsKnownHashIsNotAskedForAgainAndASnapshotCarriesItsHashesBack() {
        try (BlobStore blobs = new BlobStore(dir, 1 << 20)) {
            dev.redyellow.manifest.FileSet files = dev.redyellow.manifest.FileSet.ofText(
                    java.util.Map.of("a.txt", "alpha", "b.txt", "beta"));
            Snapshot first = Snapshot.take(files, blobs);
            assertEquals(dev.redyellow.files.Sha256.hex("alpha"), first.hash("a.txt"));
            java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
            assertEquals(first.hash("a.txt"), blobs.put(first.hash("a.txt"), () -> {
                asked.incrementAndGet();
                return "alpha".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }));
            assertEquals(0, asked.get(), "the store has it");
            assertEquals(9, blobs.metrics().storedBytes(), "alpha and beta, each once");
            assertEquals(14, blobs.metrics().logicalBytes(), "every put counts");

            dev.redyellow.manifest.FileSet restored = first.restore(blobs);
            assertEquals(files, restored);
            assertEquals(files.hash("b.txt"), restored.hash("b.txt"));
            assertEquals(first, Snapshot.take(restored, blobs));
        }
    }

    @Test
    void nothingHandedOutOrTakenInCanChangeWhatTheStoreKeeps() {
        // a budget of 8 bytes: "alpha" and "gamma!" cannot both stay in memory, so restores read from disk too
        try (BlobStore blobs = new BlobStore(dir, 8)) {
            byte[] mine = "alpha".getBytes(StandardCharsets.UTF_8);
            String alpha = blobs.put(mine);
            mine[0] = 'X';
            assertArrayEquals("alpha".getBytes(StandardCharsets.UTF_8), blobs.get(alpha), "the caller's array was copied");
            blobs.get(alpha)[0] = 'Y';
            assertArrayEquals("alpha".getBytes(StandardCharsets.UTF_8), blobs.get(alpha), "get hands out a copy");

            dev.redyellow.manifest.FileSet files = dev.redyellow.manifest.FileSet.ofText(
                    java.util.Map.of("a.txt", "alpha", "g.txt", "gamma!"));
            Snapshot snapshot = Snapshot.take(files, blobs);
            dev.redyellow.manifest.FileSet first = snapshot.restore(blobs);
            dev.redyellow.manifest.FileSet second = snapshot.restore(blobs);
            first.bytes("a.txt")[0] = 'Z';
            first.bytes("g.txt")[0] = 'Z';
            assertEquals("alpha", second.text("a.txt"));
            assertEquals("gamma!", first.text("g.txt"), "a set restored from the store hands out copies");
            assertEquals(files, first);
            assertEquals(files, second);
            assertArrayEquals("gamma!".getBytes(StandardCharsets.UTF_8), blobs.get(snapshot.hash("g.txt")));
            assertTrue(blobs.metrics().diskReads() > 0, "some restore read a spilled blob back");
        }
    }
}
