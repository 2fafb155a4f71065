package dev.redyellow.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder of one run. Its logs stay after the run (that is where the full output lives); its
 * workspaces and base snapshot go, unless the user keeps them. Old run folders are pruned so the
 * folder of runs does not grow without end.
 */
public record RunFolder(Path path) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** The default parent of run folders: ~/.redyellow/runs. */
    public static Path defaultRoot() {
        return Path.of(System.getProperty("user.home"), ".redyellow", "runs");
    }

    /**
     * A new folder under {@code root} named by time and manifest name, keeping at most {@code keep}
     * older run folders there; under the temporary folder when {@code root} cannot be written.
     */
    public static RunFolder create(Path root, String name, Instant now, int keep) throws IOException {
        RunFolder folder = create(root, name, now);
        folder.pruneOlder(root, keep);
        return folder;
    }

    /**
     * As {@link #create(Path, String, Instant, int)} without removing older run folders: the caller
     * does that with {@link #pruneOlder} (a run does it beside its work, as deleting a run's
     * hundreds of log files took a cached re-run a good part of its time).
     */
    public static RunFolder create(Path root, String name, Instant now) throws IOException {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Files.createDirectories(root);
            return new RunFolder(Files.createTempDirectory(root, STAMP.format(now) + "-" + safe + "-"));
        } catch (IOException notWritable) {
            return new RunFolder(Files.createTempDirectory("redyellow-run-" + safe + "-"));
        }
    }

    /** A run folder's name: the time it was made, then the manifest's name. */
    private static final java.util.regex.Pattern RUN_NAME = java.util.regex.Pattern.compile("\\d{8}-\\d{6}-.+");

    /**
     * Removes the run folders of {@code root} but the {@code keep} newest (by name, which starts with
     * the time) and this one. Only folders named as run folders are touched; nothing is, when this
     * one is not in {@code root} (made in the temporary folder because {@code root} could not be
     * written: its neighbours there are other programs').
     */
    public void pruneOlder(Path root, int keep) throws IOException {
        Path parent = path.toAbsolutePath().normalize().getParent();
        if (parent == null || !parent.equals(root.toAbsolutePath().normalize()) || !Files.isDirectory(parent)) {
            return;
        }
        List<Path> runs;
        try (Stream<Path> list = Files.list(parent)) {
            runs = list.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().equals(path.getFileName()))
                    .filter(p -> RUN_NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(Path::getFileName).reversed()).toList();
        }
        for (Path old : runs.stream().skip(Math.max(0, keep)).toList()) {
            delete(old);
        }
    }

    /** A new, empty folder under the system's temporary folder. */
    public static RunFolder createTemp() throws IOException {
        return new RunFolder(Files.createTempDirectory("redyellow-run-"));
    }

    /**
     * Removes what only the run needed (workspaces, the base snapshot and its compiled classes, the
     * shared folders); logs stay.
     */
    public void removeWorkspaces() throws IOException {
        delete(path.resolve("workspaces"));
        delete(path.resolve("base"));
        // the base's classes per hash, made by the junit kind next to the snapshot (testing.worker.BaseCompile)
        delete(path.resolve("base-classes"));
        delete(path.resolve("dependency-classes"));
        delete(path.resolve("shared"));
    }

    /** Removes the folder and everything under it. */
    public void delete() throws IOException {
        delete(path);
    }

    static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try {
            dev.redyellow.files.Folders.deleteTree(root);
        } catch (java.nio.file.AccessDeniedException readOnly) {
            // The shared dependency folders are made read-only (SharedDirs); give the owner write access back.
            SharedDirs.makeWritable(root);
            dev.redyellow.files.Folders.deleteTree(root);
        }
    }

}
