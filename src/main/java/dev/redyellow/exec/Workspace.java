package dev.redyellow.exec;

import dev.redyellow.files.FileStat;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.WorkspacePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One isolated folder for one attempt (or one RED proof) of one feature. Every write re-checks its
 * path, so nothing lands outside the folder whatever a manifest or an implementer asks for.
 */
public final class Workspace {
    private final Path root;
    private final SharedDirs shared;
    private final int sharedEvents;
    private volatile boolean foundUntampered;
    /** Where the folder goes when done with, to be made over for another workspace; null: removed. */
    private final WorkspaceRecycler recycler;
    /** The figures of the folder's entries before its layers, for the recycler. */
    private final Map<String, FileStat> stamps;
    private volatile long handedOut;

    Workspace(Path root, SharedDirs shared) {
        this(root, shared, null, null);
    }

    Workspace(Path root, SharedDirs shared, WorkspaceRecycler recycler, Map<String, FileStat> stamps) {
        this.root = root.toAbsolutePath().normalize();
        this.shared = shared;
        this.sharedEvents = shared.eventCount();
        this.recycler = recycler;
        this.stamps = stamps;
    }

    /** Marks the workspace ready for its occupant (an implementer, a test run): what it changes from now on counts. */
    void handOut() {
        handedOut = System.currentTimeMillis();
    }

    public Path root() {
        return root;
    }

    /**
     * The absolute path of a workspace-relative path; throws {@link IllegalArgumentException} when the
     * path is not a plain relative path inside this workspace (absolute, {@code ..}, backslashes,
     * drive letters, or through a symbolic link that leads outside).
     */
    public Path resolve(String relative) {
        WorkspacePath.problem(relative).ifPresent(problem -> {
            throw new IllegalArgumentException("invalid workspace path \"" + relative + "\": " + problem);
        });
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("workspace path '" + relative + "' escapes the workspace");
        }
        // A symbolic link inside the workspace (a base folder may hold one) must not lead writes out.
        Path existing = target;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null) {
            try {
                if (!existing.toRealPath().startsWith(root.toRealPath())) {
                    throw new IllegalArgumentException("workspace path '" + relative + "' leads outside the workspace through a link");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return target;
    }

    /** Writes every file of the set, replacing what is there (a link is replaced, never written through). */
    public void write(FileSet files) throws IOException {
        for (String path : files.paths()) {
            Path target = resolve(path);
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            Files.write(target, files.bytes(path));
        }
    }

    /**
     * Whether the run's shared dependency folders (see {@link SharedDirs}) were changed since this
     * workspace was made: checks them now (sizes and times, then hashes of what changed) and returns
     * the reason, {@code tampering: ...}, of the first change seen since. Works after {@link #delete()}.
     */
    public Optional<String> tampering() {
        return shared.tamperingSince(sharedEvents);
    }

    /**
     * Throws {@link TamperingException} with the reason when {@link #tampering()} finds one. A
     * workspace serves one step (an implementer's turn, a test run): once a check after it found
     * nothing, a second check (the test cache's before it keeps a result, then the conductor's) does
     * not walk the shared folders again.
     */
    public void checkUntampered() {
        if (foundUntampered) {
            return;
        }
        Optional<String> reason = tampering();
        if (reason.isPresent()) {
            throw new TamperingException(reason.get());
        }
        foundUntampered = true;
    }

    /**
     * Done with: the folder is kept for the run to make over into a later workspace
     * ({@link WorkspaceRecycler}) or, where it cannot be, removed. Nothing may use it afterwards.
     */
    public void release() throws IOException {
        if (recycler == null || !recycler.retire(root, stamps, handedOut)) {
            delete();
        }
    }

    /** Removes the folder and everything in it. */
    public void delete() throws IOException {
        RunFolder.delete(root);
    }
}
