package dev.redyellow.exec;

import dev.redyellow.manifest.FileSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the workspaces of one run under one folder. The manifest's base folder is copied once into
 * a private snapshot of the run, and each workspace hard-links the snapshot's files, so making a
 * workspace costs a link per file, and a test that scribbles over a base file in place can only
 * damage this run's snapshot, never the user's project.
 */
public final class WorkspaceFactory {
    private final Path workspacesDir;
    private final Path baseSnapshot;
    private final AtomicInteger counter = new AtomicInteger();

    /**
     * @param runDir  the run's own folder (created if absent)
     * @param baseDir the manifest's base folder, or {@code null}
     */
    public WorkspaceFactory(Path runDir, Path baseDir) throws IOException {
        this.workspacesDir = Files.createDirectories(runDir.resolve("workspaces"));
        if (baseDir == null) {
            this.baseSnapshot = null;
        } else {
            this.baseSnapshot = runDir.resolve("base");
            TreeCopy.copy(baseDir, baseSnapshot, false);
        }
    }

    /** The folder every workspace of this run lives in. */
    public Path workspacesDir() {
        return workspacesDir;
    }

    /**
     * A new workspace named after the feature and purpose (e.g. {@code slugify-red}, {@code slugify-2})
     * holding the base and then each layer in order (later layers win on equal paths).
     */
    public Workspace create(String featureId, String purpose, List<FileSet> layers) throws IOException {
        Path dir = workspacesDir.resolve(featureId + "-" + purpose + "-" + counter.incrementAndGet());
        Workspace ws = new Workspace(Files.createDirectories(dir));
        if (baseSnapshot != null) {
            ws.linkTree(baseSnapshot);
        }
        for (FileSet layer : layers) {
            ws.write(layer);
        }
        return ws;
    }
}
