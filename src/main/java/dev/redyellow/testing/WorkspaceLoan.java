package dev.redyellow.testing;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A workspace's content lent to a warm worker for one run: every entry of the workspace folder is
 * renamed into the worker's working directory, and renamed back after the run.
 *
 * <p>Why: a JVM cannot change its working directory, and relative paths ({@code Path.of("data/x")},
 * {@code new File("x")}) are resolved by the operating system against it. A per-run JVM starts in
 * the workspace; a warm worker started once cannot follow each run there. So the run comes to the
 * worker instead: for the run's length the worker's directory holds exactly the workspace's files,
 * relative reads and writes (new files included) act on them, and everything comes back when the
 * run ends. Renames within one file system are cheap whatever the files' size, and the worker's
 * directory is made beside the workspace so they are on the same one. Each run has a workspace of
 * its own that nothing else reads while its tests run.
 */
final class WorkspaceLoan {

    private static final System.Logger LOG = System.getLogger(WorkspaceLoan.class.getName());

    private final Path workspace;
    private final Path home;

    private WorkspaceLoan(Path workspace, Path home) {
        this.workspace = workspace;
        this.home = home;
    }

    /** Moves the workspace's content into {@code home}, which must be empty; all or nothing. */
    static WorkspaceLoan lend(Path workspace, Path home) throws IOException {
        List<Path> leftover = entries(home);
        if (!leftover.isEmpty()) {
            throw new IOException("the warm worker's folder " + home + " is not empty: " + leftover.get(0).getFileName());
        }
        List<Path> moved = new ArrayList<>();
        try {
            for (Path entry : entries(workspace)) {
                Path target = home.resolve(entry.getFileName().toString());
                Files.move(entry, target, StandardCopyOption.ATOMIC_MOVE);
                moved.add(target);
            }
        } catch (IOException e) {
            for (Path target : moved) {
                Files.move(target, workspace.resolve(target.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
            }
            throw new IOException("cannot move the workspace " + workspace + " into the warm worker's folder " + home
                    + " (" + e + ")", e);
        }
        return new WorkspaceLoan(workspace, home);
    }

    /**
     * Moves everything in the worker's folder back to the workspace, what the tests created included.
     *
     * @return "" when the worker's folder was left empty, else why it was not (the worker must then
     *         not serve another run)
     */
    String giveBack() {
        try {
            for (Path entry : entries(home)) {
                Path target = workspace.resolve(entry.getFileName().toString());
                if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    // Written into the workspace by its absolute path during the run; keep both.
                    Path aside = workspace.resolve(entry.getFileName() + ".outside-run-" + System.nanoTime());
                    Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
                    LOG.log(Level.WARNING, "a test wrote " + target + " by its absolute path during a warm run; kept as " + aside);
                }
                Files.move(entry, target, StandardCopyOption.ATOMIC_MOVE);
            }
            List<Path> left = entries(home);
            return left.isEmpty() ? "" : "files appeared in the worker's folder after the run: " + left.get(0).getFileName();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "moving the workspace back from " + home + " to " + workspace + " failed", e);
            return "the workspace could not be moved back from the worker's folder: " + e.getMessage();
        }
    }

    private static List<Path> entries(Path folder) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            stream.forEach(entries::add);
        }
        entries.sort(null);
        return entries;
    }
}
