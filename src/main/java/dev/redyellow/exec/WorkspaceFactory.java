package dev.redyellow.exec;

import dev.redyellow.manifest.FileSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 */
public final class WorkspaceFactory {
    private final Path workspacesDir;
    private final Path baseSnapshot;
    private final SharedDirs shared;
    private final AtomicInteger counter = new AtomicInteger();
    /** The cp option that clones the snapshot's files into a workspace; {@code null}: a Java copy per file. */
    private volatile String cloneWith;
    /** The base snapshot's content, scanned at the first plan: the snapshot does not change during a run. */
    private WorkspaceContent baseContent;
    private String baseHash;

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
        runDir = runDir.toAbsolutePath().normalize(); // the workspaces' links to shared/ are relative to it
        this.workspacesDir = Files.createDirectories(runDir.resolve("workspaces"));
        if (baseDir == null) {
            this.baseSnapshot = null;
            this.shared = SharedDirs.none(runDir);
        } else {
            this.baseSnapshot = runDir.resolve("base");
            Set<String> named = Set.copyOf(sharedDirs);
            // The base itself may be reached through a link the manifest loader checked; what is inside is never followed.
            Path base = baseDir.toRealPath();
            TreeCopy.Skipped skipped = TreeCopy.copy(base, baseSnapshot, relative -> SharedDirs.isShared(relative, named));
            // A named folder inside one shared anyway (or one that is a link, kept as a link) needs nothing more.
            this.shared = SharedDirs.materialise(runDir, base, skipped.sharedFolders());
            // Where the file system can clone (copy-on-write), a workspace costs about what hard links did.
            this.cloneWith = TreeCopy.canClone(runDir) ? "--reflink=always" : null;
        }
    }

    /** The folder every workspace of this run lives in. */
    public Path workspacesDir() {
        return workspacesDir;
    }

    /** Whether workspaces are made by cloning the base snapshot's files (copy-on-write) rather than copying them. */
    public boolean clones() {
        return cloneWith != null;
    }

    /** For tests: make workspaces with {@code cp -a} and this reflink option, e.g. {@code --reflink=auto}. */
    void cloneWith(String reflinkOption) {
        this.cloneWith = reflinkOption;
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
                : content.map(c -> BaseFiles.of(baseSnapshot, baseHash(), c, base));
        return new WorkspacePlan(dir, content, () -> make(dir, layers), baseFiles);
    }

    /** What every workspace holds before its layers: the base snapshot's files and the shared links. */
    private WorkspaceContent baseContent() throws IOException {
        synchronized (counter) {
            if (baseContent == null) {
                baseContent = baseSnapshot == null ? new WorkspaceContent(new java.util.TreeMap<>())
                        : WorkspaceContent.scan(baseSnapshot);
            }
            return baseContent;
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
        Workspace ws = new Workspace(Files.createDirectories(dir), shared);
        if (baseSnapshot != null) {
            String clone = cloneWith;
            if (clone != null) {
                TreeCopy.cloneTree(baseSnapshot, ws.root(), clone);
            } else {
                TreeCopy.copy(baseSnapshot, ws.root());
            }
            shared.linkInto(ws.root());
        }
        for (FileSet layer : layers) {
            ws.write(layer);
        }
        return ws;
    }
}
