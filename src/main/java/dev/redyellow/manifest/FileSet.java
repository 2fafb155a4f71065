package dev.redyellow.manifest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable set of files keyed by their workspace-relative path ({@code /}-separated), sorted by
 * path. Used for a feature's tests, each replayed attempt, and the files an implementer produced.
 * Paths are validated by whoever builds the set (the manifest loader, the workspace); the set
 * itself only stores them.
 */
public final class FileSet {
    private static final FileSet EMPTY = new FileSet(new TreeMap<>());

    private final SortedMap<String, byte[]> files;
    /** Each file's SHA-256, worked out once: a run keys the same tests and dependencies' files many times. */
    private final java.util.concurrent.ConcurrentMap<String, String> hashes = new java.util.concurrent.ConcurrentHashMap<>();

    private FileSet(SortedMap<String, byte[]> files) {
        this.files = files;
    }

    public static FileSet empty() {
        return EMPTY;
    }

    /** Copies the map (and each byte array), so later changes to the arguments are not seen. */
    public static FileSet of(Map<String, byte[]> files) {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((path, bytes) -> copy.put(Objects.requireNonNull(path), bytes.clone()));
        return new FileSet(copy);
    }

    /**
     * The files handed over, with each one's SHA-256 (lower-case hex, as {@link #hash} gives it) already
     * known, e.g. from the content-addressed store the files come from. The caller vouches for the
     * hashes, and hands the arrays over: they are kept as they are, not copied, so the caller must
     * hold no other reference to them (the store's reads are fresh copies; copying each again was
     * half of what restoring every dependency's code cost a cached re-run).
     */
    public static FileSet withHashes(Map<String, byte[]> files, Map<String, String> sha256) {
        TreeMap<String, byte[]> kept = new TreeMap<>();
        files.forEach((path, bytes) -> kept.put(Objects.requireNonNull(path), Objects.requireNonNull(bytes)));
        FileSet set = new FileSet(kept);
        sha256.forEach((path, hash) -> {
            if (set.files.containsKey(path)) {
                set.hashes.put(path, hash);
            }
        });
        return set;
    }

    public static FileSet ofText(Map<String, String> files) {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((path, text) -> copy.put(Objects.requireNonNull(path), text.getBytes(StandardCharsets.UTF_8)));
        return new FileSet(copy);
    }

    /** The paths, sorted. */
    public java.util.Set<String> paths() {
        return Collections.unmodifiableSet(files.keySet());
    }

    public boolean contains(String path) {
        return files.containsKey(path);
    }

    /** A copy of the content of {@code path}; throws if absent. */
    public byte[] bytes(String path) {
        byte[] bytes = files.get(path);
        if (bytes == null) {
            throw new IllegalArgumentException("no file " + path);
        }
        return bytes.clone();
    }

    /** The hex SHA-256 of the content of {@code path} (as the test cache hashes a file); throws if absent. */
    public String hash(String path) {
        return hashes.computeIfAbsent(path, p -> {
            byte[] bytes = files.get(p);
            if (bytes == null) {
                throw new IllegalArgumentException("no file " + p);
            }
            return dev.redyellow.files.Sha256.hex(bytes);
        });
    }

    /** The content of {@code path} decoded as UTF-8; throws if absent. */
    public String text(String path) {
        byte[] bytes = files.get(path);
        if (bytes == null) {
            throw new IllegalArgumentException("no file " + path);
        }
        return new String(bytes, StandardCharsets.UTF_8); // decoding copies: no clone needed first
    }

    public int size() {
        return files.size();
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    public long totalBytes() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }

    /** This set with the files of {@code other} added; {@code other} wins on equal paths. */
    public FileSet overlay(FileSet other) {
        TreeMap<String, byte[]> merged = new TreeMap<>(files);
        merged.putAll(other.files);
        FileSet set = new FileSet(merged);
        // the hashes known of either set hold for the same bytes: a dependency's layer, made anew for
        // each workspace of its dependents, is not hashed again each time
        hashes.forEach((path, hash) -> {
            if (!other.files.containsKey(path)) {
                set.hashes.put(path, hash);
            }
        });
        set.hashes.putAll(other.hashes);
        return set;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FileSet other) || other.files.size() != files.size()) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            byte[] theirs = other.files.get(e.getKey());
            if (theirs == null || !Arrays.equals(e.getValue(), theirs)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            h = 31 * h + e.getKey().hashCode();
            h = 31 * h + Arrays.hashCode(e.getValue());
        }
        return h;
    }

    @Override
    public String toString() {
        return "FileSet" + files.keySet();
    }
}
