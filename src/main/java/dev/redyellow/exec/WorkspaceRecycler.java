package dev.redyellow.exec;

import dev.redyellow.files.FileStat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The folders of finished workspaces, made over into the run's next workspaces instead of being
 * removed and copied again (issue 19). A workspace of the real-code case holds about 950 base files;
 * on a file system that allocates inodes slowly after many deletions (ext4 without a journal skips
 * every recently freed inode, reading its table block each time) making and removing one cost about
 * 250 ms of system time, half of all the CPU of a run. Made over, a workspace costs one {@code lstat}
 * per entry, and only what its last occupant changed is copied again.
 *
 * <p>What a made-over folder holds must be exactly what a fresh copy of the base snapshot (with the
 * shared folders' links) holds. Each entry's figures ({@link FileStat}: kind, size, modification and
 * change time, mode, owner, inode) are recorded when the folder is handed out; an entry is kept
 * unread only when its figures are still those and its change time lies well before the hand-out
 * ({@link #MARGIN_MILLIS}): every write, truncation, {@code chmod}, {@code chown}, {@code utimes} or
 * extended attribute set by the occupant moves the change time to the clock's time then, which nobody
 * can set back. A file whose change time is recent, or moved by a rename only (a warm worker's loan
 * moves the top-level entries), is kept only when its bytes, extended attributes, owner, mode and
 * modification time are the snapshot's. Anything else is removed and copied again; anything the
 * snapshot lacks (the last occupant's layers, compiled classes, new files) is removed. Folders of a
 * workspace the user keeps ({@code --keep-workspaces}) are never made over.
 *
 * <p>Off where the file system cannot tell change times ({@code unix} attributes), and with
 * {@code -Dredyellow.recycleWorkspaces=false} (to measure it against a copy per workspace).
 * Thread-safe.
 */
final class WorkspaceRecycler {
    private static final System.Logger LOG = System.getLogger(WorkspaceRecycler.class.getName());

    /** The system property that turns making folders over off: {@code -Dredyellow.recycleWorkspaces=false}. */
    static final String PROPERTY = "redyellow.recycleWorkspaces";
    /** Finished folders kept for reuse at most; more are removed. */
    static final int KEPT = 16;
    /**
     * How long before the hand-out an entry's change time must lie for its figures alone to prove it
     * untouched: file systems stamp change times from a clock that ticks every 1 to 10 ms, so a write
     * in the same tick as the copy could keep the copy's change time.
     */
    static final long MARGIN_MILLIS = 100;
    /** The margin where the file system keeps change times in whole seconds (ext3, FAT-like). */
    static final long COARSE_MARGIN_MILLIS = 2_000;

    /** What a made-over folder must hold at one path: the snapshot's entry, or a shared folder's link. */
    private record Wanted(FileStat.Kind kind, Path source, String link) {
    }

    /** A finished workspace's folder, the figures of its entries when it was handed out, and when. */
    private record Retired(Path root, Map<String, FileStat> stamps, long handedOut) {
    }

    private final Path snapshot;
    private final Supplier<Map<String, String>> links;
    private final Deque<Retired> retired = new ArrayDeque<>();
    private Map<String, Wanted> wanted;
    private volatile long margin = MARGIN_MILLIS;
    private volatile boolean marginKnown;
    private final AtomicLong madeOver = new AtomicLong();
    private final AtomicLong copied = new AtomicLong();
    private final AtomicLong kept = new AtomicLong();
    private final AtomicLong compared = new AtomicLong();

    /**
     * @param snapshot the run's base snapshot, made before the first workspace is
     * @param links    the shared folders' links, workspace path to link text
     */
    WorkspaceRecycler(Path snapshot, Supplier<Map<String, String>> links) {
        this.snapshot = snapshot;
        this.links = links;
    }

    /** Whether folders under {@code dir} can be made over: its file system tells change times, and it is not turned off. */
    static boolean usable(Path dir) {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true"))
                && dir.getFileSystem().supportedFileAttributeViews().contains("unix");
    }

    /**
     * The figures of every entry under {@code root} now, by workspace path: recorded for a folder just
     * made by a copy of the snapshot, before the workspace's layers.
     */
    Map<String, FileStat> record(Path root) throws IOException {
        Map<String, FileStat> stamps = new HashMap<>();
        stamps.put("", FileStat.of(root));
        record(root, "", stamps);
        if (!marginKnown && stamps.size() >= 4) {
            boolean wholeSeconds = stamps.values().stream()
                    .allMatch(s -> s.changed().to(TimeUnit.NANOSECONDS) % 1_000_000_000L == 0);
            margin = wholeSeconds ? COARSE_MARGIN_MILLIS : MARGIN_MILLIS;
            marginKnown = true;
        }
        return stamps;
    }

    private static void record(Path dir, String relative, Map<String, FileStat> stamps) throws IOException {
        for (Path child : children(dir)) {
            String path = child(relative, child);
            FileStat stat = FileStat.of(child);
            stamps.put(path, stat);
            if (stat.kind() == FileStat.Kind.DIRECTORY) {
                record(child, path, stamps);
            }
        }
    }

    /**
     * Takes a finished workspace's folder for the workspace {@code dir}: keeps it (bounded) and says
     * so, or says no, and the caller removes it.
     *
     * @param stamps    the figures recorded when it was handed out
     * @param handedOut {@link System#currentTimeMillis()} when it was handed out
     */
    boolean retire(Path dir, Map<String, FileStat> stamps, long handedOut) {
        if (stamps == null || handedOut == 0 || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        synchronized (retired) {
            if (retired.size() >= KEPT) {
                return false;
            }
            retired.add(new Retired(dir, stamps, handedOut));
            return true;
        }
    }

    /**
     * Moves a finished folder to {@code dir} and makes it over into a fresh copy of the snapshot with
     * the shared links; the figures of its entries now. Empty when no folder is kept, or making one
     * over failed (the folder is then removed, and {@code dir} does not exist).
     */
    Optional<Map<String, FileStat>> takeInto(Path dir) {
        Retired was;
        synchronized (retired) {
            was = retired.poll();
        }
        if (was == null) {
            return Optional.empty();
        }
        try {
            Files.move(was.root(), dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not reuse the workspace folder " + was.root() + ": " + e);
            removeQuietly(was.root());
            return Optional.empty();
        }
        try {
            Map<String, FileStat> stamps = makeOver(dir, was);
            madeOver.incrementAndGet();
            return Optional.of(stamps);
        } catch (IOException | RuntimeException e) {
            // a folder the last occupant made unreadable, a full disk: a fresh copy then, as before
            LOG.log(System.Logger.Level.DEBUG, "could not make over the workspace folder " + dir + ": " + e);
            removeQuietly(dir);
            return Optional.empty();
        }
    }

    /**
     * Folders made over, entries copied again into them, entries kept, and files kept after reading
     * their bytes (their figures alone did not prove them untouched), so far (for tests and the bench).
     */
    long[] counts() {
        return new long[] {madeOver.get(), copied.get(), kept.get(), compared.get()};
    }

    private Map<String, FileStat> makeOver(Path root, Retired was) throws IOException {
        Map<String, Wanted> wants = wanted();
        Map<String, FileStat> now = new HashMap<>(wants.size() * 2);
        FileStat top = FileStat.of(root);
        FileStat wasTop = was.stamps().get("");
        if (wasTop == null || top.kind() != FileStat.Kind.DIRECTORY || top.mode() != wasTop.mode()
                || top.uid() != wasTop.uid() || top.gid() != wasTop.gid()
                || !top.changed().equals(wasTop.changed()) && !userAttributes(root).isEmpty()) {
            throw new IOException("the folder itself was changed");
        }
        now.put("", top);
        sweep(root, "", was, wants, now, was.handedOut() - margin);
        kept.addAndGet(now.size() - 1);
        for (Map.Entry<String, Wanted> entry : wants.entrySet()) {
            if (now.containsKey(entry.getKey())) {
                continue;
            }
            Path target = root.resolve(entry.getKey());
            Wanted w = entry.getValue();
            switch (w.kind()) {
                case DIRECTORY -> Files.createDirectory(target);
                case FILE -> TreeCopy.copyFile(w.source(), target);
                case LINK -> Files.createSymbolicLink(target, Path.of(w.link()));
                default -> throw new IllegalStateException("a snapshot holds files, folders and links only");
            }
            now.put(entry.getKey(), FileStat.of(target));
            copied.incrementAndGet();
        }
        return now;
    }

    /** Keeps what still is as wanted (recording it in {@code now}), removes the rest, folder by folder. */
    private void sweep(Path dir, String relative, Retired was, Map<String, Wanted> wants, Map<String, FileStat> now,
                       long trustedBefore) throws IOException {
        for (Path child : children(dir)) {
            String path = child(relative, child);
            FileStat stat = FileStat.of(child);
            Wanted w = wants.get(path);
            if (w != null && fits(w, stat, was.stamps().get(path), child, trustedBefore)) {
                now.put(path, stat);
                if (stat.kind() == FileStat.Kind.DIRECTORY) {
                    sweep(child, path, was, wants, now, trustedBefore);
                }
            } else if (stat.kind() == FileStat.Kind.DIRECTORY) {
                RunFolder.delete(child);
            } else {
                Files.delete(child); // a link itself, never what it leads to
            }
        }
    }

    /** Whether an entry is still what the snapshot has at its path (see the class comment). */
    private boolean fits(Wanted w, FileStat stat, FileStat was, Path path, long trustedBefore) throws IOException {
        if (was == null || stat.kind() != w.kind() || was.kind() != w.kind()) {
            return false;
        }
        return switch (w.kind()) {
            case LINK -> Files.readSymbolicLink(path).toString().equals(w.link());
            // a folder's times move with every entry added or removed; its mode, owner and attributes may not
            case DIRECTORY -> stat.mode() == was.mode() && stat.uid() == was.uid() && stat.gid() == was.gid()
                    && (stat.changed().equals(was.changed()) || userAttributes(path).isEmpty());
            case FILE -> stat.size() == was.size() && stat.modified().equals(was.modified()) && stat.mode() == was.mode()
                    && stat.uid() == was.uid() && stat.gid() == was.gid() && java.util.Objects.equals(stat.fileKey(), was.fileKey())
                    && (stat.changed().equals(was.changed()) && was.changed().toMillis() < trustedBefore
                        || sameAsSnapshot(path, w.source()));
            default -> false;
        };
    }

    private boolean sameAsSnapshot(Path file, Path source) throws IOException {
        boolean same = Files.mismatch(file, source) == -1 && userAttributes(file).equals(userAttributes(source));
        if (same) {
            compared.incrementAndGet();
        }
        return same;
    }

    /** The user-defined extended attributes of a file or folder, by name; none where the file system has none. */
    private static Map<String, ByteBuffer> userAttributes(Path path) throws IOException {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(path, UserDefinedFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return Map.of();
        }
        List<String> names;
        try {
            names = view.list();
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().toLowerCase(java.util.Locale.ROOT).contains("not supported")) {
                return Map.of(); // a file system without them: nobody could have set one
            }
            throw e;
        }
        Map<String, ByteBuffer> values = new TreeMap<>();
        for (String name : names) {
            ByteBuffer value = ByteBuffer.allocate(view.size(name));
            view.read(name, value);
            values.put(name, value.flip());
        }
        return values;
    }

    /** What a made-over folder must hold, in the snapshot's walk order (a folder before what it holds). */
    private synchronized Map<String, Wanted> wanted() throws IOException {
        if (wanted == null) {
            Map<String, Wanted> wants = new LinkedHashMap<>();
            wantedUnder(snapshot, "", wants);
            for (Map.Entry<String, String> link : links.get().entrySet()) {
                wants.put(link.getKey(), new Wanted(FileStat.Kind.LINK, null, link.getValue()));
            }
            wanted = wants;
        }
        return wanted;
    }

    private static void wantedUnder(Path dir, String relative, Map<String, Wanted> wants) throws IOException {
        List<Path> sorted = new ArrayList<>(children(dir));
        sorted.sort(null);
        for (Path child : sorted) {
            String path = child(relative, child);
            FileStat stat = FileStat.of(child);
            switch (stat.kind()) {
                case DIRECTORY -> {
                    wants.put(path, new Wanted(FileStat.Kind.DIRECTORY, child, null));
                    wantedUnder(child, path, wants);
                }
                case FILE -> wants.put(path, new Wanted(FileStat.Kind.FILE, child, null));
                case LINK -> wants.put(path, new Wanted(FileStat.Kind.LINK, child, Files.readSymbolicLink(child).toString()));
                default -> {
                    // the snapshot's copy leaves out FIFOs, sockets and devices
                }
            }
        }
    }

    private static List<Path> children(Path dir) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path child : stream) {
                children.add(child);
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return children;
    }

    private static String child(String relative, Path child) {
        String name = child.getFileName().toString();
        return relative.isEmpty() ? name : relative + "/" + name;
    }

    private static void removeQuietly(Path dir) {
        try {
            RunFolder.delete(dir);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove workspace " + dir + ": " + e);
        }
    }
}
