package dev.redyellow.store;

import dev.redyellow.files.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Content-addressed blobs (SHA-256), each distinct content kept once however many files, attempts
 * and features hold it. The bytes in memory never exceed a TOTAL budget: the least recently used
 * blobs are spilled to files in a folder of this store's own and read back transparently (a read
 * brings a blob back into memory). Thread-safe; {@link #close} deletes the spilled files.
 */
public final class BlobStore implements AutoCloseable {
    private final Path spillParent;
    private final long memoryBudget;
    private final Map<String, Integer> sizes = new HashMap<>();
    private final LinkedHashMap<String, byte[]> inMemory = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<String> onDisk = new HashSet<>();
    private Path spillFolder;
    private long logicalBytes;
    private long storedBytes;
    private long bytesInMemory;
    private long bytesOnDisk;
    private long spills;
    private long memoryReads;
    private long diskReads;

    /**
     * @param spillParent  the folder under which this store makes its own spill folder (created on
     *                     the first spill), e.g. beside the database
     * @param memoryBudget the most bytes of blob content held in memory at any time
     */
    public BlobStore(Path spillParent, long memoryBudget) {
        if (memoryBudget < 0) {
            throw new IllegalArgumentException("memory budget must not be negative: " + memoryBudget);
        }
        this.spillParent = spillParent;
        this.memoryBudget = memoryBudget;
    }

    /** Keeps {@code content} (a copy) and returns its hex SHA-256. */
    public String put(byte[] content) {
        // hashed outside the lock: workers storing their attempts at once do not wait on each other's digests
        return put(sha256(content), content::clone);
    }

    /**
     * As {@link #put(byte[])} for content whose SHA-256 (lower-case hex) the caller knows: a blob the
     * store has is not asked for again. The array {@code content} gives is kept as it is, so it must
     * be one nobody else holds (a fresh copy).
     */
    public String put(String hash, java.util.function.Supplier<byte[]> content) {
        synchronized (this) {
            Integer size = sizes.get(hash);
            if (size != null) {
                logicalBytes += size;
                inMemory.get(hash); // a put is a use: refresh recency
                return hash;
            }
        }
        return store(hash, content.get());
    }

    private synchronized String store(String hash, byte[] content) {
        logicalBytes += content.length;
        if (sizes.containsKey(hash)) {
            inMemory.get(hash);
            return hash;
        }
        sizes.put(hash, content.length);
        storedBytes += content.length;
        if (content.length > memoryBudget) {
            writeToDisk(hash, content);
            spills++;
        } else {
            keepInMemory(hash, content);
        }
        return hash;
    }

    /** The content of {@code hash} (a copy); throws when it was never put. */
    public byte[] get(String hash) {
        return shared(hash).clone();
    }

    /**
     * The content of {@code hash} as this store keeps it, not a copy: for callers in this package
     * that never change it and hand out only copies ({@link Snapshot#restore}). Throws when it was
     * never put. A holder may keep an array after the store spilled it: the budget bounds what the
     * store itself holds.
     */
    synchronized byte[] shared(String hash) {
        byte[] content = inMemory.get(hash);
        if (content != null) {
            memoryReads++;
            return content;
        }
        if (!onDisk.contains(hash)) {
            throw new IllegalArgumentException("no blob " + hash);
        }
        content = readFromDisk(hash);
        diskReads++;
        if (content.length <= memoryBudget) {
            keepInMemory(hash, content);
        }
        return content;
    }

    public synchronized boolean contains(String hash) {
        return sizes.containsKey(hash);
    }

    public synchronized int size(String hash) {
        Integer size = sizes.get(hash);
        if (size == null) {
            throw new IllegalArgumentException("no blob " + hash);
        }
        return size;
    }

    public synchronized BlobMetrics metrics() {
        double ratio = storedBytes == 0 ? 1.0 : (double) logicalBytes / storedBytes;
        return new BlobMetrics(sizes.size(), logicalBytes, storedBytes, ratio, bytesInMemory, bytesOnDisk, spills,
                memoryReads, diskReads);
    }

    private void keepInMemory(String hash, byte[] content) {
        inMemory.put(hash, content);
        bytesInMemory += content.length;
        Iterator<Map.Entry<String, byte[]>> eldest = inMemory.entrySet().iterator();
        while (bytesInMemory > memoryBudget) {
            Map.Entry<String, byte[]> spilled = eldest.next();
            if (!onDisk.contains(spilled.getKey())) {
                writeToDisk(spilled.getKey(), spilled.getValue());
            }
            bytesInMemory -= spilled.getValue().length;
            eldest.remove();
            spills++;
        }
    }

    private void writeToDisk(String hash, byte[] content) {
        try {
            if (spillFolder == null) {
                Files.createDirectories(spillParent);
                spillFolder = Files.createTempDirectory(spillParent, "blobs-");
            }
            Path temporary = Files.createTempFile(spillFolder, hash, ".part");
            Files.write(temporary, content);
            Files.move(temporary, spillFolder.resolve(hash), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill a blob to " + spillParent, e);
        }
        onDisk.add(hash);
        bytesOnDisk += content.length;
    }

    private byte[] readFromDisk(String hash) {
        try {
            return Files.readAllBytes(spillFolder.resolve(hash));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spilled blob " + hash, e);
        }
    }

    static String sha256(byte[] content) {
        return Sha256.hex(content);
    }

    /** Forgets every blob and deletes the spilled files; the counters stay for a last report. */
    @Override
    public synchronized void close() {
        sizes.clear();
        inMemory.clear();
        bytesInMemory = 0;
        if (spillFolder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(spillFolder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the spill folder " + spillFolder, e);
        }
        onDisk.clear();
        bytesOnDisk = 0;
        spillFolder = null;
    }
}
