package dev.redyellow.files;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Merkle digest of a tree of files, as git hashes its trees: a folder's digest is the SHA-256 of its
 * children in name order (each child's name, kind and digest, length-prefixed so no field can run
 * into the next), a file's is its content hash. Two trees have the same digest exactly when they hold
 * the same paths with the same hashes and executable flags.
 *
 * <p>Why a tree and not one list of every path: a test cache keys hundreds of runs a run on the same
 * base with a few files written over it. Kept as a tree, the base's folders are hashed once, and a
 * workspace's digest ({@link #digestWith}) hashes only the folders on the way to its own files.
 * Immutable and thread-safe.
 */
public final class FileTree {

    /** A file (or link, by its own hash) of the tree. */
    public record Leaf(String hash, boolean executable) {
    }

    private static final char FILE = 'f';
    private static final char EXECUTABLE = 'x';
    private static final char FOLDER = 'd';

    private record Child(char kind, String digest) {
    }

    /** Every folder ("" is the top) with its children by name. */
    private final Map<String, SortedMap<String, Child>> folders;
    private final String digest;

    private FileTree(Map<String, SortedMap<String, Child>> folders, String digest) {
        this.folders = folders;
        this.digest = digest;
    }

    /**
     * The tree of these files by {@code /}-separated path.
     *
     * @throws IllegalArgumentException when a path is both a file and a folder ({@code a} and {@code a/b})
     */
    public static FileTree of(Map<String, Leaf> files) {
        Map<String, SortedMap<String, Child>> listing = new HashMap<>();
        listing.put("", new TreeMap<>());
        files.forEach((path, leaf) -> {
            String folder = parent(path);
            for (String f = folder; !f.isEmpty(); f = parent(f)) {
                listing.computeIfAbsent(f, k -> new TreeMap<>());
            }
            listing.computeIfAbsent(folder, k -> new TreeMap<>()).put(name(path), leafChild(leaf));
        });
        for (String path : files.keySet()) {
            if (listing.containsKey(path)) {
                throw new IllegalArgumentException(path + " is both a file and a folder");
            }
        }
        Map<String, String> digests = digestFolders(listing, listing.keySet());
        Map<String, SortedMap<String, Child>> folders = new HashMap<>();
        listing.forEach((folder, children) -> folders.put(folder, Collections.unmodifiableSortedMap(children)));
        return new FileTree(folders, digests.get(""));
    }

    /** The digest of the whole tree. */
    public String digest() {
        return digest;
    }

    /**
     * The digest of this tree with {@code over} written over it (a path here replaced, a new one
     * added, with its folders), the same as {@code of(merged).digest()} but hashing only the folders
     * {@code over} reaches.
     *
     * @throws IllegalArgumentException when a path of {@code over} is a folder here, or runs through a file here
     */
    public String digestWith(Map<String, Leaf> over) {
        if (over.isEmpty()) {
            return digest;
        }
        Map<String, SortedMap<String, Child>> touched = new HashMap<>();
        over.forEach((path, leaf) -> {
            if (folders.containsKey(path)) {
                throw new IllegalArgumentException(path + " is a folder of the tree");
            }
            String folder = parent(path);
            listingOf(folder, touched).put(name(path), leafChild(leaf));
            for (String f = folder; !f.isEmpty(); f = parent(f)) {
                SortedMap<String, Child> up = listingOf(parent(f), touched);
                Child existing = up.get(name(f));
                if (existing != null && existing.kind() != FOLDER) {
                    throw new IllegalArgumentException(path + " runs through the file " + f);
                }
            }
        });
        for (String path : over.keySet()) {
            if (touched.containsKey(path)) {
                throw new IllegalArgumentException(path + " is both a file and a folder");
            }
        }
        return digestFolders(touched, touched.keySet()).get("");
    }

    private SortedMap<String, Child> listingOf(String folder, Map<String, SortedMap<String, Child>> touched) {
        return touched.computeIfAbsent(folder, f -> {
            SortedMap<String, Child> known = folders.get(f);
            return known == null ? new TreeMap<>() : new TreeMap<>(known);
        });
    }

    /** Digests {@code which} folders of {@code listing}, deepest first, each parent told its new digest. */
    private static Map<String, String> digestFolders(Map<String, SortedMap<String, Child>> listing,
                                                     java.util.Collection<String> which) {
        List<String> order = new ArrayList<>(which);
        order.sort(Comparator.comparingInt(FileTree::depth).reversed().thenComparing(Comparator.naturalOrder()));
        Map<String, String> digests = new HashMap<>();
        MessageDigest sha = Sha256.digest();
        Fields fields = new Fields(sha);
        for (String folder : order) {
            for (Map.Entry<String, Child> child : listing.get(folder).entrySet()) {
                fields.add(child.getKey());
                fields.add(child.getValue().kind());
                fields.add(child.getValue().digest());
            }
            String d = Sha256.hex(sha);
            digests.put(folder, d);
            if (!folder.isEmpty()) {
                listing.get(parent(folder)).put(name(folder), new Child(FOLDER, d));
            }
        }
        return digests;
    }

    private static Child leafChild(Leaf leaf) {
        return new Child(leaf.executable() ? EXECUTABLE : FILE, leaf.hash());
    }

    /**
     * Writes length-prefixed fields ({@code <UTF-8 length>:<UTF-8 bytes>}) into a digest through one
     * reused buffer: a cache key digests three fields per child of every folder it touches, and
     * names and hashes are almost always ASCII, written without encoding or allocating.
     */
    private static final class Fields {
        private final MessageDigest digest;
        private byte[] buffer = new byte[96];

        Fields(MessageDigest digest) {
            this.digest = digest;
        }

        /** A one-character field: the kinds are ASCII letters. */
        void add(char kind) {
            int at = prefix(1);
            buffer[at] = (byte) kind;
            digest.update(buffer, 0, at + 1);
        }

        void add(String text) {
            int length = text.length();
            for (int i = 0; i < length; i++) {
                if (text.charAt(i) >= 0x80) {
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    int at = prefix(bytes.length);
                    digest.update(buffer, 0, at);
                    digest.update(bytes);
                    return;
                }
            }
            int at = prefix(length);
            if (buffer.length < at + length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.max(at + length, 2 * buffer.length));
            }
            for (int i = 0; i < length; i++) {
                buffer[at + i] = (byte) text.charAt(i);
            }
            digest.update(buffer, 0, at + length);
        }

        /** Writes the decimal length and ':' at the buffer's start; returns where the field goes. */
        private int prefix(int length) {
            int digits = 1;
            for (int n = length; n >= 10; n /= 10) {
                digits++;
            }
            for (int i = digits - 1, n = length; i >= 0; i--, n /= 10) {
                buffer[i] = (byte) ('0' + n % 10);
            }
            buffer[digits] = ':';
            return digits + 1;
        }
    }

    private static int depth(String folder) {
        if (folder.isEmpty()) {
            return 0;
        }
        int n = 1;
        for (int i = 0; i < folder.length(); i++) {
            if (folder.charAt(i) == '/') {
                n++;
            }
        }
        return n;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
