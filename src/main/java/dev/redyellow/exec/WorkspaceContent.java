package dev.redyellow.exec;

import dev.redyellow.files.FileTree;
import dev.redyellow.files.KnownHashes;
import dev.redyellow.files.Sha256;
import dev.redyellow.manifest.FileSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a workspace holds, known without making it: every file and link by {@code /}-separated path,
 * with the hash the test cache keys on (the SHA-256 of a file's content; of a link, the SHA-256 of
 * {@code "symlink\0" + target}, the link never read through) and whether the file is executable by
 * its owner. The base snapshot's entries are hashed once per run; each layer's files are hashed from
 * their bytes. Folders are not entries: an empty folder changes nothing a test can tell by content.
 *
 * <p>A workspace's content is the base's with a few entries written over it, and a run plans hundreds
 * of them: it keeps only those entries ({@link #with}), and its {@linkplain #keyDigest digest} hashes
 * only the folders they reach, the base's folders hashed once (issue 19: a re-run answered from the
 * cache pays for each key about what its own files cost, not what the base does).
 */
public final class WorkspaceContent {

    /** Folders never part of a test cache key: RedYellow's own scratch space and Python's byte code. */
    public static final Set<String> UNKEYED_FOLDERS = Set.of(".redyellow", "__pycache__");

    /** One file or link. */
    public record Entry(String hash, boolean link, boolean executable) {
    }

    /** The content this one is written over ({@code null}: this one is whole). */
    private final WorkspaceContent base;
    /** Whole: every entry. Written over {@link #base}: the entries written over it. */
    private final SortedMap<String, Entry> own;
    private volatile SortedMap<String, Entry> merged;
    private volatile FileTree keyTree;

    public WorkspaceContent(SortedMap<String, Entry> entries) {
        this(null, entries);
    }

    private WorkspaceContent(WorkspaceContent base, SortedMap<String, Entry> own) {
        this.base = base;
        this.own = Collections.unmodifiableSortedMap(new TreeMap<>(own));
    }

    /** Every entry by path. */
    public SortedMap<String, Entry> entries() {
        if (base == null) {
            return own;
        }
        SortedMap<String, Entry> m = merged;
        if (m == null) {
            SortedMap<String, Entry> all = new TreeMap<>(base.entries());
            all.putAll(own);
            m = Collections.unmodifiableSortedMap(all);
            merged = m;
        }
        return m;
    }

    /**
     * Each entry, as {@link #entries()} holds them but in no particular order, without making the
     * merged map: what is written over the base is visited once, in place of the base's entry.
     */
    public void forEachEntry(java.util.function.BiConsumer<String, Entry> action) {
        if (base == null) {
            own.forEach(action);
            return;
        }
        base.forEachEntry((path, e) -> {
            if (!own.containsKey(path)) {
                action.accept(path, e);
            }
        });
        own.forEach(action);
    }

    /** The entry at {@code path}, or {@code null}. */
    public Entry entry(String path) {
        Entry e = own.get(path);
        return e != null || base == null ? e : base.entry(path);
    }

    /** The content of the folder {@code root} as it is on disk (links kept as links, special files left out). */
    public static WorkspaceContent scan(Path root) throws IOException {
        return scan(root, folder -> false);
    }

    /** As {@link #scan(Path)}, leaving out each real folder whose {@code /}-separated path {@code skipped} accepts. */
    public static WorkspaceContent scan(Path root, java.util.function.Predicate<String> skipped) throws IOException {
        return scan(root, skipped, KnownHashes.READ_EACH_TIME);
    }

    /** As {@link #scan(Path, java.util.function.Predicate)}, each file's hash from {@code hashes}. */
    public static WorkspaceContent scan(Path root, java.util.function.Predicate<String> skipped, KnownHashes hashes)
            throws IOException {
        SortedMap<String, Entry> entries = new TreeMap<>();
        boolean posix = Files.getFileAttributeView(root, PosixFileAttributeView.class) != null;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String relative = TreeCopy.relative(root, dir);
                return !relative.isEmpty() && skipped.test(relative) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String relative = TreeCopy.relative(root, file);
                if (attrs.isSymbolicLink()) {
                    entries.put(relative, new Entry(linkHash(Files.readSymbolicLink(file).toString()), true, false));
                } else if (attrs.isRegularFile()) {
                    entries.put(relative, new Entry(hashes.hash(file, attrs), false, posix && isExecutable(file)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new WorkspaceContent(entries);
    }

    /**
     * This content with {@code links} (path -> link target text) added and then each layer written
     * over it, as {@link Workspace#write} writes them; empty when a layer's path cannot be known
     * without the folder: one that runs through a link or an existing file, or lands on a folder.
     */
    public Optional<WorkspaceContent> with(Map<String, String> links, List<FileSet> layers) {
        if (base != null) {
            return new WorkspaceContent(entries()).with(links, layers);
        }
        SortedMap<String, Entry> written = new TreeMap<>();
        for (Map.Entry<String, String> link : links.entrySet()) {
            if (!writableOver(written, link.getKey())) {
                return Optional.empty();
            }
            written.put(link.getKey(), new Entry(linkHash(link.getValue()), true, false));
        }
        for (FileSet layer : layers) {
            for (String path : layer.paths()) {
                if (dev.redyellow.manifest.WorkspacePath.problem(path).isPresent() || !writableOver(written, path)) {
                    return Optional.empty();
                }
                // Workspace#write deletes what is there and writes a new file: never executable.
                written.put(path, new Entry(layer.hash(path), false, false));
            }
        }
        return Optional.of(new WorkspaceContent(this, written));
    }

    /**
     * One hash of the whole content (every path, entry hash, link and executable flag, in path
     * order): equal hashes mean equal content.
     */
    public String hash() {
        StringBuilder all = new StringBuilder();
        entries().forEach((path, e) -> all.append(path).append('\0').append(e.hash()).append('\0')
                .append(e.link() ? 'l' : 'f').append(e.executable() ? 'x' : '-').append('\n'));
        return contentHash(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@link FileTree} digest of what a test cache keys on: every entry outside the
     * {@link #UNKEYED_FOLDERS} by its hash and executable flag. Written over a whole content, only
     * the folders of the entries written are hashed; the whole content's tree is kept.
     */
    public String keyDigest() {
        if (base == null) {
            return tree().digest();
        }
        Map<String, FileTree.Leaf> over = new TreeMap<>();
        own.forEach((path, e) -> {
            if (keyed(path)) {
                over.put(path, leaf(e));
            }
        });
        return base.tree().digestWith(over);
    }

    private FileTree tree() {
        FileTree t = keyTree;
        if (t == null) {
            Map<String, FileTree.Leaf> leaves = new TreeMap<>();
            own.forEach((path, e) -> {
                if (keyed(path)) {
                    leaves.put(path, leaf(e));
                }
            });
            t = FileTree.of(leaves);
            keyTree = t;
        }
        return t;
    }

    private static FileTree.Leaf leaf(Entry e) {
        return new FileTree.Leaf(e.hash(), e.executable());
    }

    /** Whether a test cache keys on {@code path}: no folder on the way to it is one of the {@link #UNKEYED_FOLDERS}. */
    public static boolean keyed(String path) {
        int from = 0;
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', from)) {
            if (UNKEYED_FOLDERS.contains(path.substring(from, slash))) {
                return false;
            }
            from = slash + 1;
        }
        return true;
    }

    /** The first path (in path order) whose entry differs between this content and {@code other}, said in words; empty when none. */
    public Optional<String> firstDifference(WorkspaceContent other) {
        java.util.Iterator<Map.Entry<String, Entry>> mine = entries().entrySet().iterator();
        java.util.Iterator<Map.Entry<String, Entry>> theirs = other.entries().entrySet().iterator();
        while (mine.hasNext() || theirs.hasNext()) {
            Map.Entry<String, Entry> a = mine.hasNext() ? mine.next() : null;
            Map.Entry<String, Entry> b = theirs.hasNext() ? theirs.next() : null;
            if (a == null || (b != null && b.getKey().compareTo(a.getKey()) < 0)) {
                return Optional.of(b.getKey() + " is new");
            }
            if (b == null || b.getKey().compareTo(a.getKey()) > 0) {
                return Optional.of(a.getKey() + " is gone");
            }
            if (!a.getValue().equals(b.getValue())) {
                return Optional.of(a.getKey() + " changed");
            }
        }
        return Optional.empty();
    }

    /** The paths whose entry here is exactly the entry {@code base} has at the same path. */
    public Set<String> unchangedFrom(WorkspaceContent base) {
        Set<String> same = new HashSet<>();
        if (this.base == base) {
            // everything of the base but what was written over it with another entry
            base.entries().forEach((path, e) -> {
                Entry written = own.get(path);
                if (written == null || written.equals(e)) {
                    same.add(path);
                }
            });
            return same;
        }
        entries().forEach((path, e) -> {
            if (e.equals(base.entry(path))) {
                same.add(path);
            }
        });
        return same;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkspaceContent other && entries().equals(other.entries());
    }

    @Override
    public int hashCode() {
        return entries().hashCode();
    }

    @Override
    public String toString() {
        return "WorkspaceContent[" + entries().size() + " entries]";
    }

    /** Whether writing {@code path} over this content and {@code written} creates or replaces exactly the entry {@code path}. */
    private boolean writableOver(SortedMap<String, Entry> written, String path) {
        return writable(own, path) && writable(written, path);
    }

    /** Whether writing {@code path} creates or replaces exactly the entry {@code path}. */
    private static boolean writable(SortedMap<String, Entry> entries, String path) {
        // a folder at the path: some entry lies below it
        String below = path + "/";
        String next = entries.tailMap(below).isEmpty() ? null : entries.tailMap(below).firstKey();
        if (next != null && next.startsWith(below)) {
            return false;
        }
        // a file or link on the way: the write would go through a link or fail on a file
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (entries.containsKey(path.substring(0, slash))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isExecutable(Path file) throws IOException {
        return Files.getPosixFilePermissions(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                .contains(PosixFilePermission.OWNER_EXECUTE);
    }

    /** The hex SHA-256 of the bytes, as the test cache hashes a file. */
    public static String contentHash(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    /** The hash of a link with this target text, as the test cache hashes a link. */
    public static String linkHash(String target) {
        return contentHash(("symlink\0" + target).getBytes(StandardCharsets.UTF_8));
    }
}
