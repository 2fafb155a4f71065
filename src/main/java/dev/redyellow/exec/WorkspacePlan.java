package dev.redyellow.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A workspace not made yet (see {@link WorkspaceFactory#plan}): the folder it will have, what it
 * will hold where that is known, and the means to make it, at most once. Used by one thread.
 */
public final class WorkspacePlan {

    /** Makes the workspace. */
    @FunctionalInterface
    interface Maker {
        Workspace make() throws IOException;
    }

    private final Path root;
    private final Optional<WorkspaceContent> content;
    private final Maker maker;
    private final Optional<BaseFiles> baseFiles;
    private Workspace made;

    WorkspacePlan(Path root, Optional<WorkspaceContent> content, Maker maker) {
        this(root, content, maker, Optional.empty());
    }

    WorkspacePlan(Path root, Optional<WorkspaceContent> content, Maker maker, Optional<BaseFiles> baseFiles) {
        this.root = root;
        this.content = content;
        this.maker = maker;
        this.baseFiles = baseFiles;
    }

    /**
     * Which of the workspace's files come unchanged from the base snapshot, with the snapshot's
     * hash; empty when there is no base or the content is not known without the folder.
     */
    public Optional<BaseFiles> baseFiles() {
        return baseFiles;
    }

    /** The folder the workspace has once made (absent until then). */
    public Path root() {
        return root;
    }

    /**
     * What the workspace will hold, exactly as it will be on disk when made; empty when a layer's
     * path can only be resolved on the folder itself (through a link, over a folder).
     */
    public Optional<WorkspaceContent> content() {
        return content;
    }

    /** Makes the workspace the first time; later calls return the same one. */
    public Workspace materialise() throws IOException {
        if (made == null) {
            made = maker.make();
        }
        return made;
    }

    /** The workspace if it was made. */
    public Optional<Workspace> made() {
        return Optional.ofNullable(made);
    }
}
