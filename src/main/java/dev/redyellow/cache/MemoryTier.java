package dev.redyellow.cache;

import dev.redyellow.testing.TestResult;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decoded results in memory in front of the file, least recently used first out, bounded both by
 * entries and by bytes. A lookup refreshes recency. Thread-safe.
 */
final class MemoryTier {

    record Entry(TestResult result, long bytes, long createdMillis) {
    }

    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    MemoryTier(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    synchronized Optional<Entry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized void put(String key, Entry entry) {
        remove(key);
        if (entry.bytes() > maxBytes) {
            return;
        }
        entries.put(key, entry);
        bytes += entry.bytes();
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (entries.size() > maxEntries || bytes > maxBytes) {
            bytes -= eldest.next().getValue().bytes();
            eldest.remove();
        }
    }

    synchronized void remove(String key) {
        Entry gone = entries.remove(key);
        if (gone != null) {
            bytes -= gone.bytes();
        }
    }

    synchronized void removeAll(Collection<String> keys) {
        keys.forEach(this::remove);
    }

    synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized boolean contains(String key) {
        return entries.containsKey(key);
    }
}
