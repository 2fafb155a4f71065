package dev.redyellow.exec;

import dev.redyellow.files.FileStat;
import dev.redyellow.files.KnownHashes;
import dev.redyellow.files.Sha256;
import dev.redyellow.manifest.SharedFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dependency folders of a run's base ({@code node_modules}, a virtualenv, {@code vendor}, and
 * the manifest's {@code sharedDirs}): copied once per run under {@code shared/}, made read-only, and
 * linked from every workspace instead of copied into each, so a 30 MB {@code node_modules} costs one
 * link per workspace.
 *
 * <p>Root ignores permission bits, so read-only is a courtesy; what guards the folders is
 * {@link #verify()}: it compares every entry's size, times, mode and link target with what was
 * recorded when the copy was made, hashes only the files whose figures changed, and when content
 * differs it records a tampering event naming the path and restores the folder from the base, so
 * later attempts run on the real dependencies again. Every workspace alive when a change is seen
 * reports it ({@link Workspace#tampering()}): its run may have used the changed files.
 */
public final class SharedDirs {
    private static final System.Logger LOG = System.getLogger(SharedDirs.class.getName());
    private static final Set<PosixFilePermission> WRITE = EnumSet.of(PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    /** What was recorded of one entry: kind (f, d or l), size, modification time, mode, link target, content hash. */
    private record Entry(char kind, long size, FileTime modified, FileTime changed, String mode, String link, String hash) {
        boolean sameFigures(Entry o) {
            return kind == o.kind && size == o.size && modified.equals(o.modified) && changed.equals(o.changed)
                    && mode.equals(o.mode) && link.equals(o.link);
        }
    }

    /**
     * One shared folder: its workspace path, the base folder it came from, the read-only copy, and
     * where workspaces link to: the copy itself, or a link in the run's folder to a kept copy.
     */
    private record Folder(String path, Path source, Path copy, Path linked, String fingerprint, Map<String, Entry> entries,
                          Map<String, Entry> byPath) {
        /** {@code byPath}: the entries again, hashed by path for {@link #unchanged}'s look-ups. */
        Folder(String path, Path source, Path copy, Path linked, String fingerprint, Map<String, Entry> entries) {
            this(path, source, copy, linked, fingerprint, entries, new HashMap<>(entries));
        }

        Folder with(Map<String, Entry> now) {
            return new Folder(path, source, copy, linked, fingerprint, now);
        }
    }

    /** A kept copy no run has used for this long is removed when a run keeps its own. */
    static final java.time.Duration KEPT_UNUSED = java.time.Duration.ofDays(14);
    /** The file whose modification time says when a run last used a kept copy. */
    private static final String USED = ".used";

    private final Path runDir;
    private final List<Folder> folders = new ArrayList<>();
    /** The locks of the kept copies this run uses, held until {@link #release()}. */
    private final List<KeptLock> locks = new ArrayList<>();
    /** Read without the lock: making a workspace must not wait for a check in progress. */
    private final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();

    private SharedDirs(Path runDir) {
        this.runDir = runDir;
    }

    /** No shared folders (a run without a base). */
    static SharedDirs none(Path runDir) {
        return new SharedDirs(runDir);
    }

    /** Whether {@code relative} (a folder of the base, {@code /}-separated) is shared by default or by {@code named}. */
    static boolean isShared(String relative, Set<String> named) {
        return SharedFolders.isShared(relative, named);
    }

    /**
     * Copies each of {@code paths} (folders of {@code baseDir}) once under {@code runDir/shared/},
     * read-only, recording what every entry looks like.
     */
    static SharedDirs materialise(Path runDir, Path baseDir, List<String> paths) throws IOException {
        return materialise(runDir, baseDir, paths, KnownHashes.READ_EACH_TIME);
    }

    /**
     * As {@link #materialise(Path, Path, List)}, a copied file's hash taken from {@code hashes} for its
     * source in the base when the copy has the source's size and modification time (the copy keeps
     * them): a dependency folder unchanged since an earlier run is copied, not read and hashed again.
     */
    static SharedDirs materialise(Path runDir, Path baseDir, List<String> paths, KnownHashes hashes) throws IOException {
        SharedDirs shared = new SharedDirs(runDir);
        for (String path : paths) {
            shared.folders.add(copyForRun(runDir, baseDir.resolve(path), path, hashes));
        }
        return shared;
    }

    /** A read-only copy of {@code source} in the run's own folder, {@code shared/FINGERPRINT/PATH}. */
    private static Folder copyForRun(Path runDir, Path source, String path, KnownHashes hashes) throws IOException {
        Path staging = Files.createDirectories(runDir.resolve("shared").resolve(".staging"));
        Path copy = staging.resolve(path);
        TreeCopy.copy(source, copy);
        Map<String, Entry> entries = scan(copy, Map.of(), false, (relative, copied) -> {
            Path original = source.resolve(relative);
            FileStat was;
            try {
                was = FileStat.of(original);
            } catch (IOException gone) {
                return sha256(copy.resolve(relative));
            }
            return was.isRegularFile() && was.size() == copied.size()
                    && was.lastModifiedTime().equals(copied.lastModifiedTime())
                    ? hashes.hash(original, was) : sha256(copy.resolve(relative));
        });
        // The folder's name carries a fingerprint of its content, so the link text a workspace holds
        // (and a cache key made from it) is the same for the same dependencies in every run.
        String fingerprint = fingerprint(entries);
        Path finalCopy = runDir.resolve("shared").resolve(fingerprint).resolve(path);
        if (Files.exists(finalCopy, LinkOption.NOFOLLOW_LINKS)) {
            RunFolder.delete(finalCopy);
        }
        Files.createDirectories(finalCopy.getParent());
        Files.move(copy, finalCopy);
        RunFolder.delete(staging);
        makeReadOnly(finalCopy);
        // Re-record: the move and chmod changed times and modes; content hashes carry over.
        return new Folder(path, source, finalCopy, finalCopy, fingerprint, scan(finalCopy, entries, true));
    }

    /** Where read-only copies of dependency folders are kept from one run to the next: {@code ~/.redyellow/shared}. */
    public static Path defaultKept() {
        return Path.of(System.getProperty("user.home"), ".redyellow", "shared");
    }

    /**
     * As {@link #materialise(Path, Path, List, KnownHashes)}, but each copy is kept under {@code kept}
     * by the fingerprint of its content ({@code kept/FINGERPRINT/node_modules}) and used again by later
     * runs, so a run with the same dependencies copies nothing. The run's {@code shared/FINGERPRINT/PATH}
     * is then a link to the kept copy, so the link text workspaces hold (and the cache keys) stay as
     * they were. A kept copy is used only when its content, checked by its files' stamps (a file whose
     * stamp changed is hashed), equals the base's; else it is made again.
     *
     * <p>A run holds a kept copy alone: it locks it ({@code FINGERPRINT/.lock}) until {@link #release()},
     * so tampering is seen and repaired by the run whose tests did it, as with a copy of its own, and no
     * other run can change or prune the copy meanwhile. A run that cannot have the lock (another run, in
     * this or another process, holds it) or cannot write {@code kept} copies into its own folder as
     * before. Copies no run used for {@link #KEPT_UNUSED} are removed.
     */
    static SharedDirs materialise(Path runDir, Path baseDir, List<String> paths, KnownHashes hashes, Path kept)
            throws IOException {
        SharedDirs shared = new SharedDirs(runDir);
        try {
            for (String path : paths) {
                Path source = baseDir.resolve(path);
                Map<String, Entry> wanted = scan(source, Map.of(), false, (relative, attrs) -> hashes.hash(source.resolve(relative), attrs));
                String fingerprint = fingerprint(wanted);
                Optional<KeptLock> lock = lockKept(kept, fingerprint);
                if (lock.isEmpty()) {
                    shared.folders.add(copyForRun(runDir, source, path, hashes));
                    continue;
                }
                shared.locks.add(lock.get());
                Path home = kept.resolve(fingerprint);
                Path copy = home.resolve(path);
                Map<String, Entry> entries;
                try {
                    touch(home.resolve(USED));
                    entries = keptCopy(source, copy, wanted, hashes, kept);
                } catch (IOException | UncheckedIOException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not keep " + path + " in " + home + " (" + e.getMessage()
                            + "); the run copies it into its own folder");
                    shared.folders.add(copyForRun(runDir, source, path, hashes));
                    continue;
                }
                Path linked = runDir.resolve("shared").resolve(fingerprint).resolve(path);
                Files.createDirectories(linked.getParent());
                Files.createSymbolicLink(linked, copy.toAbsolutePath());
                shared.folders.add(new Folder(path, source, copy, linked, fingerprint, entries));
            }
        } catch (IOException | RuntimeException e) {
            shared.release();
            throw e;
        }
        pruneKept(kept);
        return shared;
    }

    /**
     * The lock files of kept copies a run of this JVM holds. A run asks here before it opens a lock file: on
     * Linux (POSIX record locks) closing any channel of a file drops every lock the process holds on it, so
     * a second run's failed try, closing its own channel, let go of the first run's lock for other processes.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    /** A held lock of a kept copy; closing lets go of it. */
    private record KeptLock(Path file, java.nio.channels.FileChannel channel) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                channel.close();
            } finally {
                HELD_HERE.remove(file);
            }
        }
    }

    /** The lock of the kept copy with this fingerprint, if this run can have it now. */
    private static Optional<KeptLock> lockKept(Path kept, String fingerprint) {
        Path file = kept.resolve(fingerprint).resolve(".lock").toAbsolutePath().normalize();
        if (!HELD_HERE.add(file)) {
            return Optional.empty(); // another run of this JVM holds it: no channel of ours may touch the file
        }
        java.nio.channels.FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE);
            if (channel.tryLock() != null) {
                return Optional.of(new KeptLock(file, channel));
            }
        } catch (java.nio.channels.OverlappingFileLockException inThisProcess) {
            // held through a channel HELD_HERE does not know (none is opened elsewhere)
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot keep dependency folders in " + kept + ": " + e.getMessage());
        }
        try {
            if (channel != null) {
                channel.close(); // this JVM held no lock on the file (HELD_HERE): closing drops nothing of another run's
            }
        } catch (IOException ignored) {
            // nothing was locked
        } finally {
            HELD_HERE.remove(file);
        }
        return Optional.empty();
    }

    private static void touch(Path file) throws IOException {
        try {
            Files.createFile(file);
        } catch (java.nio.file.FileAlreadyExistsException known) {
            Files.setLastModifiedTime(file, FileTime.from(java.time.Instant.now()));
        }
    }

    /** The kept copy of {@code source} at {@code copy}, checked against {@code wanted}, or made anew; its entries. */
    private static Map<String, Entry> keptCopy(Path source, Path copy, Map<String, Entry> wanted, KnownHashes hashes, Path kept)
            throws IOException {
        if (Files.isDirectory(copy, LinkOption.NOFOLLOW_LINKS)) {
            hashes.prefetch(copy);
            Map<String, Entry> now = scan(copy, Map.of(), false, (relative, attrs) -> hashes.hash(copy.resolve(relative), attrs));
            // What a copy reproduces: no FIFO or socket (TreeCopy leaves them out), folders made with this process's umask.
            Map<String, Entry> copyable = new TreeMap<>(wanted);
            copyable.values().removeIf(e -> e.kind() == 'o');
            List<String> changes = differences(new Folder("", source, copy, copy, "", copyable), now, false);
            if (changes.isEmpty()) {
                return now;
            }
            LOG.log(System.Logger.Level.WARNING, "the kept copy " + copy + " differs from the base (" + changes.get(0)
                    + "); it is made again");
        }
        if (Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
            // a copy that differs, or whatever else is in its place (a link, a file): the lock says no run uses it
            makeWritable(copy);
            RunFolder.delete(copy);
        }
        Path staging = Files.createTempDirectory(kept, ".staging-");
        try {
            Path made = staging.resolve(copy.getFileName().toString());
            TreeCopy.copy(source, made);
            Files.createDirectories(copy.getParent());
            Files.move(made, copy, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            RunFolder.delete(staging);
        }
        makeReadOnly(copy);
        // The copy keeps sizes and modification times; content hashes carry over from the base's scan.
        return scan(copy, wanted, true);
    }

    /**
     * Removes kept copies that no run used for {@link #KEPT_UNUSED} and that no run holds now (their
     * lock is taken first), and staging folders left for an hour (a copy cut short).
     */
    private static void pruneKept(Path kept) {
        java.time.Instant now = java.time.Instant.now();
        List<Path> folders;
        try (java.util.stream.Stream<Path> list = Files.list(kept)) {
            folders = list.filter(f -> Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)).toList();
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not prune the kept dependency folders in " + kept + ": " + e.getMessage());
            return;
        }
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            try {
                if (name.startsWith(".staging-")) {
                    if (Files.getLastModifiedTime(folder, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(now.minus(java.time.Duration.ofHours(1)))) {
                        makeWritable(folder);
                        RunFolder.delete(folder);
                    }
                    continue;
                }
                Path used = folder.resolve(USED);
                FileTime last = Files.exists(used, LinkOption.NOFOLLOW_LINKS) ? Files.getLastModifiedTime(used, LinkOption.NOFOLLOW_LINKS)
                        : Files.getLastModifiedTime(folder, LinkOption.NOFOLLOW_LINKS);
                if (!last.toInstant().isBefore(now.minus(KEPT_UNUSED))) {
                    continue;
                }
                Optional<KeptLock> lock = lockKept(kept, name);
                if (lock.isPresent()) {
                    try (KeptLock held = lock.get()) {
                        makeWritable(folder);
                        RunFolder.delete(folder);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not prune " + folder + ": " + e.getMessage());
            }
        }
    }

    /** Lets go of the kept copies this run holds (see the kept {@link #materialise}); idempotent. */
    public synchronized void release() {
        for (KeptLock lock : locks) {
            try {
                lock.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not release a kept dependency folder: " + e.getMessage());
            }
        }
        locks.clear();
    }

    /** The workspace paths of the shared folders, e.g. {@code node_modules}, {@code web/node_modules}. */
    public synchronized List<String> paths() {
        return folders.stream().map(Folder::path).toList();
    }

    /** How many tampering events have been seen so far (a workspace notes it when made). */
    int eventCount() {
        return events.size();
    }

    /**
     * The links {@link #linkInto} makes in a workspace folder of {@code workspacesDir}: workspace
     * path -> link target text (relative, so the same for every workspace of the run).
     */
    synchronized Map<String, String> linkTargets(Path workspacesDir) {
        Map<String, String> targets = new java.util.LinkedHashMap<>();
        Path workspace = workspacesDir.toAbsolutePath().normalize().resolve("planned");
        for (Folder folder : folders) {
            Path link = workspace.resolve(folder.path());
            targets.put(folder.path(), link.getParent().relativize(folder.linked()).toString());
        }
        return targets;
    }

    /** Links each shared folder into {@code workspace} by a relative link to the run's copy. */
    synchronized void linkInto(Path workspace) throws IOException {
        for (Folder folder : folders) {
            Path link = workspace.resolve(folder.path());
            Files.createDirectories(link.getParent());
            Path target = link.getParent().relativize(folder.linked());
            Files.createSymbolicLink(link, target);
        }
    }

    /**
     * Checks every shared folder against its record; a change is recorded as an event (and repaired).
     * Returns the first event at or after {@code since}, as {@code tampering: ...}.
     */
    synchronized Optional<String> tamperingSince(int since) {
        verify();
        return events.size() > since ? Optional.of(events.get(since)) : Optional.empty();
    }

    /** Checks every shared folder now; returns the changes found (empty when none) after repairing them. */
    public synchronized List<String> verify() {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            Folder folder = folders.get(i);
            List<String> changes;
            Map<String, Entry> now;
            try {
                if (unchanged(folder) && (folder.linked().equals(folder.copy()) || linksToCopy(folder))) {
                    continue; // every entry as the last check left it: nothing to compare or remember
                }
                now = scan(folder.copy(), folder.entries(), false);
                changes = new ArrayList<>(differences(folder, now, true));
                if (!folder.linked().equals(folder.copy()) && !linksToCopy(folder)) {
                    changes.add(0, "the run's link to the kept copy of " + folder.path() + " was replaced");
                }
            } catch (IOException | UncheckedIOException e) {
                changes = List.of("could not be read (" + e.getMessage() + ")");
                now = Map.of();
            }
            if (changes.isEmpty()) {
                // Figures can change without content (a touch): remember the new ones so the next check is cheap.
                folders.set(i, folder.with(now));
                continue;
            }
            String event = "tampering: " + changes.get(0) + (changes.size() > 1 ? " (and " + (changes.size() - 1)
                    + " more changes)" : "") + " in the shared folder " + folder.path()
                    + ", which implementers and tests may only read";
            LOG.log(System.Logger.Level.WARNING, event + ": " + String.join("; ", changes));
            events.add(event);
            found.add(event);
            folders.set(i, restore(folder));
        }
        return found;
    }

    /**
     * Whether every entry of the copy still has the figures the last check saw (kind, size,
     * modification and change time, mode, link target) and none was added or removed: one stat per
     * entry, as {@link #scan}, but no entry, map or hash made, and no comparison after it. Tests run
     * after each other on an unchanged copy, so this is what the check after nearly every run costs;
     * any difference, a touch included, and the full scan says what changed.
     */
    private static boolean unchanged(Folder folder) throws IOException {
        int[] seen = {0};
        return unchanged(folder.byPath(), folder.copy(), "", FileStat.of(folder.copy()), seen)
                && seen[0] == folder.byPath().size();
    }

    private static boolean unchanged(Map<String, Entry> byPath, Path path, String relative, FileStat stat, int[] seen)
            throws IOException {
        Entry was = byPath.get(relative);
        if (was == null || was.kind() != kind(stat) || was.size() != stat.size() || !was.modified().equals(stat.modified())
                || !was.changed().equals(stat.changed()) || !was.mode().equals(rwx(stat.mode()))
                || (was.kind() == 'l' && !was.link().equals(Files.readSymbolicLink(path).toString()))) {
            return false;
        }
        seen[0]++;
        if (stat.kind() != FileStat.Kind.DIRECTORY) {
            return true;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (!unchanged(byPath, child, relative.isEmpty() ? name : relative + "/" + name, FileStat.of(child), seen)) {
                    return false;
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause(); // as scan: a folder that cannot be read is an IOException
        }
        return true;
    }

    /** What differs, content first (removed, retargeted, changed, added), then modes. */
    private static List<String> differences(Folder folder, Map<String, Entry> now, boolean folderModes) {
        List<String> changes = new ArrayList<>();
        List<String> modes = new ArrayList<>();
        for (Map.Entry<String, Entry> was : folder.entries().entrySet()) {
            Entry is = now.get(was.getKey());
            String change = is == null ? " was removed"
                    : is.kind() != was.getValue().kind() ? " changed kind"
                    : !is.link().equals(was.getValue().link()) ? " now links elsewhere"
                    : !is.hash().equals(was.getValue().hash()) ? " changed" : null;
            if (change != null) {
                // named only for a change: the check runs after every test run, over every entry
                changes.add(display(folder.path(), was.getKey()) + change);
            } else if (!is.mode().equals(was.getValue().mode()) && !onlyWriteBits(is.mode(), was.getValue().mode())
                    && (folderModes || is.kind() != 'd')) {
                modes.add(display(folder.path(), was.getKey()) + " changed mode from " + was.getValue().mode() + " to "
                        + is.mode());
            }
        }
        for (String path : now.keySet()) {
            if (!folder.entries().containsKey(path)) {
                changes.add(display(folder.path(), path) + " was added");
            }
        }
        changes.addAll(modes);
        return changes;
    }

    /** A chmod u+w alone changes nothing a test sees; a changed execute or read bit does. */
    private static boolean onlyWriteBits(String a, String b) {
        return a.replace('w', '-').equals(b.replace('w', '-'));
    }

    private static String display(String folder, String relative) {
        return relative.isEmpty() ? folder : folder + "/" + relative;
    }

    /** Whether the run's link to a kept copy is still that link. */
    private static boolean linksToCopy(Folder folder) {
        try {
            return Files.isSymbolicLink(folder.linked())
                    && Files.readSymbolicLink(folder.linked()).equals(folder.copy().toAbsolutePath());
        } catch (IOException e) {
            return false;
        }
    }

    /** Puts the base's content back in place of a changed copy and records it afresh. */
    private Folder restore(Folder folder) {
        try {
            if (!folder.linked().equals(folder.copy()) && !linksToCopy(folder)) {
                if (Files.exists(folder.linked(), LinkOption.NOFOLLOW_LINKS)) {
                    makeWritable(folder.linked());
                    RunFolder.delete(folder.linked());
                }
                Files.createDirectories(folder.linked().getParent());
                Files.createSymbolicLink(folder.linked(), folder.copy().toAbsolutePath());
            }
            makeWritable(folder.copy());
            RunFolder.delete(folder.copy());
            TreeCopy.copy(folder.source(), folder.copy());
            makeReadOnly(folder.copy());
            Map<String, Entry> entries = scan(folder.copy(), Map.of(), false);
            if (!fingerprint(entries).equals(folder.fingerprint())) {
                LOG.log(System.Logger.Level.WARNING, "the base's " + folder.path() + " changed during the run;"
                        + " the shared copy now holds its new content");
            }
            return folder.with(entries);
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.ERROR, "could not restore the shared folder " + folder.path(), e);
            return folder;
        }
    }

    /** How the hash of a file not known by its figures is found: relative path, its attributes. */
    @FunctionalInterface
    private interface Hasher {
        String hash(String relative, BasicFileAttributes attrs) throws IOException;
    }

    private static Map<String, Entry> scan(Path root, Map<String, Entry> known, boolean ownChange) throws IOException {
        return scan(root, known, ownChange, (relative, attrs) -> sha256(root.resolve(relative)));
    }

    /**
     * Every entry under {@code root} by relative path ({@code ""} for the root itself). A file whose
     * figures equal those in {@code known} keeps its known hash; any other file is read and hashed.
     * {@code ownChange}: the only change since {@code known} was our own move and chmod, which keep
     * size and modification time but not the change time, so those two decide.
     */
    private static Map<String, Entry> scan(Path root, Map<String, Entry> known, boolean ownChange, Hasher hasher)
            throws IOException {
        Walk walk = new Walk(known, ownChange, hasher, new TreeMap<>());
        walk.visit(root, "", FileStat.of(root));
        return walk.entries();
    }

    /**
     * One scan's walk: one stat per entry, links never followed (the JDK's tree walk stats each entry,
     * and its mode and change time took a second).
     */
    private record Walk(Map<String, Entry> known, boolean ownChange, Hasher hasher, Map<String, Entry> entries) {
        void visit(Path path, String relative, FileStat stat) throws IOException {
            entries.put(relative, entry(path, stat, known.get(relative), ownChange, () -> hasher.hash(relative, stat)));
            if (stat.kind() != FileStat.Kind.DIRECTORY) {
                return;
            }
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                for (Path child : children) {
                    String name = child.getFileName().toString();
                    visit(child, relative.isEmpty() ? name : relative + "/" + name, FileStat.of(child));
                }
            } catch (DirectoryIteratorException e) {
                throw e.getCause(); // as the tree walk did: a folder that cannot be read is an IOException
            }
        }
    }

    /** A hash worked out only when needed. */
    @FunctionalInterface
    private interface LazyHash {
        String get() throws IOException;
    }

    private static Entry entry(Path path, FileStat stat, Entry known, boolean ownChange, LazyHash content)
            throws IOException {
        char kind = kind(stat);
        String mode = rwx(stat.mode());
        String link = kind == 'l' ? Files.readSymbolicLink(path).toString() : "";
        Entry figures = new Entry(kind, stat.size(), stat.modified(), stat.changed(), mode, link, "");
        String hash;
        if (kind != 'f') {
            hash = "";
        } else if (known != null && (ownChange ? known.kind() == kind && known.size() == figures.size()
                && known.modified().equals(figures.modified()) : known.sameFigures(figures))) {
            hash = known.hash();
        } else {
            hash = content.get();
        }
        return new Entry(kind, stat.size(), stat.modified(), stat.changed(), mode, link, hash);
    }

    private static char kind(FileStat stat) {
        return switch (stat.kind()) {
            case LINK -> 'l';
            case DIRECTORY -> 'd';
            case FILE -> 'f';
            case OTHER -> 'o';
        };
    }

    /** {@link #rwx} of each mode met so far: a folder holds a few modes, each entry of it is checked after every run. */
    private static final String[] RWX = new String[010000];

    /** {@code rwxr-xr-x}, with the set-id and sticky bits as {@code +} at the end. */
    private static String rwx(int mode) {
        int bits = mode & 07777;
        String known = RWX[bits];
        if (known == null) {
            known = rwxOf(bits);
            RWX[bits] = known; // a String is immutable: a race writes the same text twice
        }
        return known;
    }

    private static String rwxOf(int mode) {
        StringBuilder s = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int bit = 8; bit >= 0; bit--) {
            s.append((mode & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
        }
        return (mode & 07000) != 0 ? s + "+" + Integer.toOctalString((mode >> 9) & 7) : s.toString();
    }

    /**
     * A short hash over every entry's path, kind, mode (write bits aside; a folder's not at all, since
     * a copy's folders get this process's umask), link target and content; FIFOs and sockets, which no
     * copy holds, are left out, so the base and its copy have the same fingerprint.
     */
    private static String fingerprint(Map<String, Entry> entries) {
        MessageDigest digest = Sha256.digest();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry v = e.getValue();
            if (v.kind() == 'o') {
                continue;
            }
            String mode = v.kind() == 'd' ? "" : v.mode().replace('w', '-');
            String line = e.getKey() + '\0' + v.kind() + '\0' + mode + '\0' + v.link() + '\0'
                    + v.hash() + '\n';
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(digest).substring(0, 16);
    }

    private static String sha256(Path file) {
        try {
            return Sha256.hex(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** chmod a-w on every file and folder (links have no mode of their own). */
    private static void makeReadOnly(Path root) throws IOException {
        List<Path> folders = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                folders.add(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    removeWrite(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        // Folders last, deepest first: a read-only folder cannot have its entries changed afterwards.
        for (int i = folders.size() - 1; i >= 0; i--) {
            removeWrite(folders.get(i));
        }
    }

    private static void removeWrite(Path path) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (permissions.removeAll(WRITE)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    /** Gives the owner write access to every folder again, so the tree can be removed. */
    static void makeWritable(Path root) throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
                if (permissions.add(PosixFilePermission.OWNER_WRITE) | permissions.add(PosixFilePermission.OWNER_EXECUTE)
                        | permissions.add(PosixFilePermission.OWNER_READ)) {
                    Files.setPosixFilePermissions(dir, permissions);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** For messages and benches: the shared folders with their fingerprints. */
    @Override
    public synchronized String toString() {
        Map<String, String> shown = new LinkedHashMap<>();
        folders.forEach(f -> shown.put(f.path(), f.fingerprint()));
        return "SharedDirs" + shown + " in " + runDir;
    }
}
