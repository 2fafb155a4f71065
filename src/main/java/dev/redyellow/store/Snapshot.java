package dev.redyellow.store;

import dev.redyellow.manifest.FileSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of a workspace or an attempt as an immutable map path -> content hash in a
 * {@link BlobStore}: cheap to take (the content is deduplicated), to compare and to restore.
 */
public record Snapshot(SortedMap<String, String> files) {
    private static final Snapshot EMPTY = new Snapshot(new TreeMap<>());

    public Snapshot {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public static Snapshot empty() {
        return EMPTY;
    }

    /** Puts every file's content into {@code blobs} and remembers its hash. */
    public static Snapshot take(FileSet fileSet, BlobStore blobs) {
        SortedMap<String, String> hashes = new TreeMap<>();
        for (String path : fileSet.paths()) {
            hashes.put(path, blobs.put(fileSet.hash(path), () -> fileSet.bytes(path)));
        }
        return new Snapshot(hashes);
    }

    /**
     * The files again, read from {@code blobs} (from memory or disk). The set holds the store's own
     * arrays, not copies: neither ever changes them (a {@link FileSet} hands out copies), so each
     * content is in memory once however many features restore it.
     */
    public FileSet restore(BlobStore blobs) {
        Map<String, byte[]> content = new LinkedHashMap<>();
        files.forEach((path, hash) -> content.put(path, blobs.shared(hash)));
        return FileSet.withHashes(content, files);
    }

    public String hash(String path) {
        String hash = files.get(path);
        if (hash == null) {
            throw new IllegalArgumentException("no file " + path);
        }
        return hash;
    }

    public boolean contains(String path) {
        return files.containsKey(path);
    }

    public int size() {
        return files.size();
    }
}
