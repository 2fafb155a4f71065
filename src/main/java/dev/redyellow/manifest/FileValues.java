package dev.redyellow.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;

/**
 * Reads file values: inline text, or {@code {"from": "path"}} relative to the manifest's folder.
 * A {@code from} path may not leave that folder, neither by its spelling nor through a symbolic
 * link, because a manifest someone sent you must not be able to pull in arbitrary files.
 */
final class FileValues {
    /** The largest file a manifest may reference (and the largest manifest). */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private final Path directory;
    private final Path realDirectory;
    /** The real paths of the folders files were found in (the loader's thread and the read-ahead threads). */
    private final Map<Path, Path> realFolders = new ConcurrentHashMap<>();

    /**
     * The features' files read ahead ({@link #readAhead}), by their {@code from} spelling: a task each,
     * run by the read-ahead threads from the last file back and by the loader from the first on, so
     * neither waits for what the other could do.
     */
    private final Map<String, FutureTask<Early>> early = new LinkedHashMap<>();

    /**
     * A file as a read ahead found it: its attributes (links not followed) and, for a regular file of
     * at most {@link #MAX_BYTES}, its bytes; null for anything else, which the loader looks at itself.
     */
    private record Early(BasicFileAttributes attributes, byte[] bytes) {
    }

    /** @param directory the manifest's folder, absolute and normalised */
    FileValues(Path directory) {
        this.directory = directory;
        this.realDirectory = realPathOr(directory);
    }

    /**
     * Starts reading, on {@code threads} threads, the regular files that {@code fileValues} name with
     * {@code {"from": ...}} (a 261-feature manifest names 612; read one after another they were half of
     * its load, issue 19). Nothing is decided here: {@link #read} still checks each value, path and
     * link as before, and only takes the bytes of a file that is, unfollowed, the regular file read.
     * Only regular files inside the manifest's folder are opened, so a FIFO named here blocks nothing and
     * a link out of the folder is never followed to read.
     */
    void readAhead(List<JsonNode> fileValues, int threads) {
        for (JsonNode value : fileValues) {
            JsonNode from = value.isObject() ? value.get("from") : null;
            if (from != null && from.isTextual() && !early.containsKey(from.textValue())
                    && escapeProblem(from.textValue()).isEmpty()) {
                try {
                    Path file = directory.resolve(from.textValue()).normalize();
                    early.put(from.textValue(), new FutureTask<>(() -> readEarly(file)));
                } catch (java.nio.file.InvalidPathException e) {
                    // not a path here (a NUL in it): the loader meets it in its turn and says so
                }
            }
        }
        if (early.size() < 2 || threads < 1) {
            return; // the loader reads them as it goes
        }
        ExecutorService readers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "redyellow-manifest-files");
            t.setDaemon(true);
            return t;
        });
        List<FutureTask<Early>> tasks = new ArrayList<>(early.values());
        for (int i = tasks.size() - 1; i >= 0; i--) {
            readers.execute(tasks.get(i)); // from the back: the loader starts at the front
        }
        readers.shutdown();
    }

    private Early readEarly(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile() || attributes.size() > MAX_BYTES || file.getParent() == null
                    || !realFolder(file.getParent()).resolve(file.getFileName()).startsWith(realDirectory)) {
                return null; // not a plain file inside the folder: never opened here
            }
            byte[] bytes = Files.readAllBytes(file);
            return bytes.length > MAX_BYTES ? null : new Early(attributes, bytes); // it grew: the loader says so
        } catch (IOException | RuntimeException e) {
            return null; // the loader looks again, and says what is wrong
        }
    }

    /** The read ahead of {@code path}, run here if no read-ahead thread has started it; null when there is none. */
    private Early early(String path) {
        FutureTask<Early> task = early.get(path);
        if (task == null) {
            return null;
        }
        task.run(); // nothing when a read-ahead thread runs or ran it
        try {
            return task.get();
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The bytes of the file value at {@code name} in {@code fields}, or {@code null} after an error. */
    byte[] read(ObjectFields fields, String name, JsonNode value) {
        if (value.isTextual()) {
            return value.textValue().getBytes(StandardCharsets.UTF_8);
        }
        String pointer = fields.pointerOf(name);
        Optional<ObjectFields> object = ObjectFields.of(fields.json(), fields.problems(), pointer, value,
                "file content: a string, or {\"from\": \"path relative to the manifest\"}");
        if (object.isEmpty()) {
            return null;
        }
        ObjectFields from = object.get();
        from.rejectUnknown(Set.of("from"));
        if (!from.has("from")) {
            from.missing("from", "a path relative to the manifest's folder");
            return null;
        }
        String path = from.optionalString("from", null, false);
        if (path == null) {
            return null;
        }
        Optional<String> problem = escapeProblem(path);
        if (problem.isPresent()) {
            from.error("from", "\"from\" path \"" + path + "\" " + problem.get());
            return null;
        }
        return readInside(from, path);
    }

    /**
     * Why {@code path}, spelt relative to the manifest's folder, could leave it; empty when it cannot
     * (symbolic links are checked separately, once the file is found).
     */
    static Optional<String> escapeProblem(String path) {
        if (path.indexOf('\\') >= 0) {
            return Optional.of("contains a backslash; separate folders with \"/\"");
        }
        if (path.length() >= 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0))) {
            return Optional.of("starts with a drive letter; write a path relative to the manifest's folder");
        }
        if (path.startsWith("/")) {
            return Optional.of("is absolute; write a path relative to the manifest's folder");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("contains \"..\"; it must stay inside the manifest's folder");
            }
        }
        return Optional.empty();
    }

    /**
     * {@code path} resolved against the manifest's folder when it names something inside it
     * (following symbolic links); otherwise reports why not and returns empty.
     */
    Optional<Path> resolveInside(ObjectFields fields, String name, String path, String what) {
        return findInside(fields, name, path, what).map(Found::file);
    }

    /** A file or folder found inside the manifest's folder, with its attributes (links followed). */
    private record Found(Path file, BasicFileAttributes attributes) {
    }

    /**
     * As {@link #resolveInside}, with the attributes. A path that is no symbolic link itself is read
     * with one stat, and its real path is its folder's, worked out once per folder: a manifest names
     * hundreds of files in a few dozen folders, and resolving each one's real path stats every folder
     * above it again.
     */
    private Optional<Found> findInside(ObjectFields fields, String name, String path, String what) {
        return findInside(fields, name, path, what, null);
    }

    /** As above, with the unfollowed attributes of the path when a read ahead already has them. */
    private Optional<Found> findInside(ObjectFields fields, String name, String path, String what,
                                       BasicFileAttributes unfollowed) {
        Path resolved = directory.resolve(path).normalize();
        BasicFileAttributes attributes = unfollowed;
        if (attributes == null) {
            try {
                attributes = Files.readAttributes(resolved, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                attributes = null; // not there, or not readable: as the followed look below says
            }
        }
        Path real;
        if (attributes != null && !attributes.isSymbolicLink() && resolved.getParent() != null) {
            real = realFolder(resolved.getParent()).resolve(resolved.getFileName());
        } else {
            try {
                attributes = Files.readAttributes(resolved, BasicFileAttributes.class);
            } catch (IOException e) {
                fields.error(name, what + " \"" + path + "\" not found (looked in the manifest's folder)");
                return Optional.empty();
            }
            real = realPathOr(resolved);
        }
        if (!real.startsWith(realDirectory)) {
            fields.error(name, what + " \"" + path + "\" is a symbolic link that resolves outside the manifest's folder");
            return Optional.empty();
        }
        return Optional.of(new Found(resolved, attributes));
    }

    private Path realFolder(Path folder) {
        return realFolders.computeIfAbsent(folder, FileValues::realPathOr);
    }

    private byte[] readInside(ObjectFields from, String path) {
        Early read = early(path);
        Optional<Found> found = findInside(from, "from", path, "file", read == null ? null : read.attributes());
        if (found.isEmpty()) {
            return null;
        }
        if (read != null) {
            return read.bytes(); // a regular file, not a link, of at most MAX_BYTES, inside the folder (just checked)
        }
        Path file = found.get().file();
        BasicFileAttributes attributes = found.get().attributes();
        try {
            if (attributes.isDirectory()) {
                from.error("from", "\"" + path + "\" is a folder; expected a file");
                return null;
            }
            if (!attributes.isRegularFile()) {
                // A FIFO, socket or device would block the read (a FIFO until something writes to it)
                // or never end; only a regular file's bytes are a fixed content.
                from.error("from", "\"" + path + "\" is not a regular file (a FIFO, socket or device); expected a file");
                return null;
            }
            if (attributes.size() > MAX_BYTES) {
                from.error("from", "file \"" + path + "\" is " + megabytes(attributes.size()) + "; referenced files may be at most 10 MB");
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > MAX_BYTES) {
                // it grew since it was looked at
                from.error("from", "file \"" + path + "\" is " + megabytes(bytes.length) + "; referenced files may be at most 10 MB");
                return null;
            }
            return bytes;
        } catch (AccessDeniedException e) {
            from.error("from", "cannot read \"" + path + "\": permission denied");
        } catch (IOException e) {
            from.error("from", "cannot read \"" + path + "\": " + e.getMessage());
        }
        return null;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static Path realPathOr(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }
}
