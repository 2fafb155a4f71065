package dev.redyellow.exec;

import dev.redyellow.files.FileStat;
import dev.redyellow.files.KnownHashes;
import dev.redyellow.manifest.FileSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the workspaces of one run under one folder. The manifest's base folder is copied once into
 * a private snapshot of the run, and each workspace gets its own copy of the snapshot's files (with
 * their modes; links stay links), so an implementer or a test that writes a base file in place
 * changes its own workspace only, never another feature's nor the user's project. The dependency
 * folders ({@link SharedDirs}) are the exception: copied once per run, read-only, linked from every
 * workspace, and checked for changes after each implementer and test run.
 *
 * <p>The snapshot is made when the first workspace is, not before: a plan's content (what the test
 * cache keys on) comes from a scan of the base itself, so a re-run the cache answers whole copies
 * nothing (issue 19). The snapshot is checked against that scan when it is made; a base changed in
 * between fails the run with what changed, rather than testing other files than those keyed.
 */
public final class WorkspaceFactory {
    private final Path workspacesDir;
    private final Path baseSnapshot;
    /** The manifest's base folder as it really is (links on the way resolved), or {@code null}. */
    private final Path baseDir;
    private final Set<String> namedShared;
    private final KnownHashes hashes;
    private final SharedDirs shared;
    private final AtomicInteger counter = new AtomicInteger();
    /** The cp option that clones the snapshot's files into a workspace, "" for a Java copy per file; null until asked. */
    private volatile String cloneWith;
    /** The base's content, scanned at the first plan: what every workspace holds before its layers. */
    private WorkspaceContent baseContent;
    private String baseHash;
    private final Object snapshotLock = new Object();
    private boolean snapshotMade;
    /** Makes finished workspaces' folders over into new ones; null where there is no base or it cannot. */
    private final WorkspaceRecycler recycler;

    /**
     * @param runDir  the run's own folder (created if absent)
     * @param baseDir the manifest's base folder, or {@code null}
     */
    public WorkspaceFactory(Path runDir, Path baseDir) throws IOException {
        this(runDir, baseDir, List.of());
    }

    /**
     * @param sharedDirs base folders to share besides {@code node_modules} (anywhere), {@code .venv},
     *                   {@code venv} and {@code vendor} (at the top); the manifest's {@code sharedDirs}
     */
    public WorkspaceFactory(Path runDir, Path baseDir, List<String> sharedDirs) throws IOException {
        this(runDir, baseDir, sharedDirs, KnownHashes.READ_EACH_TIME);
    }

    /**
     * @param hashes the content hashes of the base's files and dependency folders, known by their
     *               stamps from earlier runs where they did not change
     */
    public WorkspaceFactory(Path runDir, Path baseDir, List<String> sharedDirs, KnownHashes hashes) throws IOException {
        this(runDir, baseDir, sharedDirs, hashes, null);
    }

    /**
     * @param keptShared where the read-only copies of the dependency folders are kept for later runs
     *                   ({@link SharedDirs#defaultKept()}); null: copied into this run's folder
     */
    public WorkspaceFactory(Path runDir, Path baseDir, List<String> sharedDirs, KnownHashes hashes, Path keptShared)
            throws IOException {
        runDir = runDir.toAbsolutePath().normalize(); // the workspaces' links to shared/ are relative to it
        this.hashes = hashes;
        this.workspacesDir = Files.createDirectories(runDir.resolve("workspaces"));
        this.namedShared = Set.copyOf(sharedDirs);
        if (baseDir == null) {
            this.baseSnapshot = null;
            this.baseDir = null;
            this.shared = SharedDirs.none(runDir);
            this.cloneWith = "";
            this.recycler = null;
        } else {
            this.baseSnapshot = runDir.resolve("base");
            // The base itself may be reached through a link the manifest loader checked; what is inside is never followed.
            this.baseDir = baseDir.toRealPath();
            hashes.prefetch(this.baseDir);
            // A named folder inside one shared anyway (or one that is a link, kept as a link) needs nothing more.
            List<String> folders = TreeCopy.sharedFolders(this.baseDir, this::isShared);
            this.shared = keptShared == null || folders.isEmpty() ? SharedDirs.materialise(runDir, this.baseDir, folders, hashes)
                    : SharedDirs.materialise(runDir, this.baseDir, folders, hashes, keptShared);
            this.recycler = WorkspaceRecycler.usable(workspacesDir)
                    ? new WorkspaceRecycler(baseSnapshot, () -> shared.linkTargets(workspacesDir)) : null;
        }
    }

    /** For tests: folders made over so far, entries copied again into them, entries kept; zeros when none can be. */
    long[] recycled() {
        return recycler == null ? new long[3] : recycler.counts();
    }

    /** Lets go of the kept dependency folders this run holds ({@link SharedDirs#release()}); the workspaces stay. */
    public void release() {
        shared.release();
    }

    private boolean isShared(String relative) {
        return SharedDirs.isShared(relative, namedShared);
    }

    /** The folder every workspace of this run lives in. */
    public Path workspacesDir() {
        return workspacesDir;
    }

    /** Whether workspaces are made by cloning the base snapshot's files (copy-on-write) rather than copying them. */
    public boolean clones() {
        return !cloneOption().isEmpty();
    }

    /** For tests: make workspaces with {@code cp -a} and this reflink option, e.g. {@code --reflink=auto}. */
    void cloneWith(String reflinkOption) {
        this.cloneWith = reflinkOption;
    }

    private String cloneOption() {
        String option = cloneWith;
        if (option == null) {
            // Where the file system can clone (copy-on-write), a workspace costs about what hard links did.
            option = TreeCopy.canClone(workspacesDir) ? "--reflink=always" : "";
            cloneWith = option;
        }
        return option;
    }

    /** The run's shared dependency folders. */
    public SharedDirs shared() {
        return shared;
    }

    /**
     * A workspace to be made only if it is needed: its folder's name and, where it can be known
     * without the folder, its {@linkplain WorkspaceContent content} (the base snapshot hashed once
     * per run, the layers from their bytes), so a test result known for that content needs no folder.
     */
    public WorkspacePlan plan(String featureId, String purpose, List<FileSet> layers) throws IOException {
        Path dir = workspacesDir.resolve(featureId + "-" + purpose + "-" + counter.incrementAndGet());
        WorkspaceContent base = baseContent();
        Optional<WorkspaceContent> content = base.with(shared.linkTargets(workspacesDir), layers);
        Optional<BaseFiles> baseFiles = baseSnapshot == null ? Optional.empty()
                : content.map(c -> BaseFiles.of(this::snapshot, baseHash(), c, base));
        return new WorkspacePlan(dir, content, () -> make(dir, layers), baseFiles);
    }

    /** Whether the base holds a file at {@code path} with exactly {@code bytes} (not a link). */
    public boolean baseHas(String path, byte[] bytes) throws IOException {
        WorkspaceContent.Entry entry = baseContent().entry(path);
        return entry != null && !entry.link() && entry.hash().equals(WorkspaceContent.contentHash(bytes));
    }

    /**
     * The bytes of the base's file at {@code path} (from the run's copy of the base), or {@code null} where
     * the base has no such file (none, a folder, a link, or one in a shared dependency folder).
     */
    public byte[] baseBytes(String path) throws IOException {
        WorkspaceContent.Entry entry = baseContent().entry(path);
        if (entry == null || entry.link() || isShared(path)) {
            return null;
        }
        try {
            return Files.readAllBytes(snapshot().resolve(path));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** What every workspace holds before its layers: the base snapshot's files and the shared links. */
    private WorkspaceContent baseContent() throws IOException {
        synchronized (counter) {
            if (baseContent == null) {
                baseContent = baseDir == null ? new WorkspaceContent(new java.util.TreeMap<>())
                        : WorkspaceContent.scan(baseDir, this::isShared, hashes);
            }
            return baseContent;
        }
    }

    /**
     * The run's private copy of the base, made the first time it is needed (at the latest with the
     * first workspace) and checked to hold exactly what the plans were keyed on.
     *
     * @throws UncheckedIOException when it cannot be made, or the base changed since it was scanned
     */
    Path snapshot() {
        // a lock of its own: the copy takes a while, and plans (the cache's hits) need not wait for it
        synchronized (snapshotLock) {
            if (!snapshotMade) {
                try {
                    WorkspaceContent scanned = baseContent();
                    TreeCopy.copy(baseDir, baseSnapshot, this::isShared);
                    // the copy keeps each file's size and mtime: where they are the source's, its hash is the
                    // source's as the stamps know it (a file changed since moved its change time), else read
                    WorkspaceContent copied = WorkspaceContent.scan(baseSnapshot, this::isShared, (file, attrs) -> {
                        Path source = baseDir.resolve(baseSnapshot.relativize(file).toString());
                        java.nio.file.attribute.BasicFileAttributes was;
                        try {
                            was = Files.readAttributes(source, java.nio.file.attribute.BasicFileAttributes.class,
                                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
                        } catch (IOException gone) {
                            return KnownHashes.READ_EACH_TIME.hash(file, attrs);
                        }
                        return was.isRegularFile() && was.size() == attrs.size()
                                && was.lastModifiedTime().equals(attrs.lastModifiedTime())
                                ? hashes.hash(source, was) : KnownHashes.READ_EACH_TIME.hash(file, attrs);
                    });
                    Optional<String> changed = scanned.firstDifference(copied);
                    if (changed.isPresent()) {
                        throw new IOException("the base folder " + baseDir + " changed while the run was using it ("
                                + changed.get() + "); run again once it is left alone");
                    }
                } catch (IOException e) {
                    // no half copy is left for the next workspace to copy over and fail on for another reason
                    try {
                        RunFolder.delete(baseSnapshot);
                    } catch (IOException cleanup) {
                        e.addSuppressed(cleanup);
                    }
                    throw new UncheckedIOException("cannot make the run's copy of the base: " + e.getMessage(), e);
                }
                snapshotMade = true;
            }
            return baseSnapshot;
        }
    }

    /** The base snapshot's content hash, computed once per run. */
    private String baseHash() {
        synchronized (counter) {
            if (baseHash == null) {
                baseHash = baseContent.hash();
            }
            return baseHash;
        }
    }

    /**
     * A new workspace named after the feature and purpose (e.g. {@code slugify-red}, {@code slugify-2})
     * holding the base and then each layer in order (later layers win on equal paths).
     */
    public Workspace create(String featureId, String purpose, List<FileSet> layers) throws IOException {
        return make(workspacesDir.resolve(featureId + "-" + purpose + "-" + counter.incrementAndGet()), layers);
    }

    private Workspace make(Path dir, List<FileSet> layers) throws IOException {
        Workspace ws;
        if (baseSnapshot == null) {
            ws = new Workspace(Files.createDirectories(dir), shared);
        } else {
            Path snapshot;
            try {
                snapshot = snapshot();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            // a finished workspace's folder made over costs a stat per entry; a copy, a file made per entry
            Optional<Map<String, FileStat>> madeOver = recycler == null ? Optional.empty() : recycler.takeInto(dir);
            Map<String, FileStat> stamps;
            if (madeOver.isPresent()) {
                stamps = madeOver.get();
            } else {
                Files.createDirectories(dir);
                String clone = cloneOption();
                if (!clone.isEmpty()) {
                    TreeCopy.cloneTree(snapshot, dir, clone);
                } else {
                    TreeCopy.copy(snapshot, dir);
                }
                shared.linkInto(dir);
                stamps = recycler == null ? null : recycler.record(dir);
            }
            ws = new Workspace(dir, shared, recycler, stamps);
        }
        for (FileSet layer : layers) {
            ws.write(layer);
        }
        ws.handOut();
        return ws;
    }
}
