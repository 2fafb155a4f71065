package dev.redyellow.exec;

import dev.redyellow.files.Sha256;
import dev.redyellow.manifest.FileSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a workspace holds, known without making it: every file and link by {@code /}-separated path,
 * with the hash the test cache keys on (the SHA-256 of a file's content; of a link, the SHA-256 of
 * {@code "symlink\0" + target}, the link never read through) and whether the file is executable by
 * its owner. The base snapshot's entries are hashed once per run; each layer's files are hashed from
 * their bytes. Folders are not entries: an empty folder changes nothing a test can tell by content.
 */
public record WorkspaceContent(SortedMap<String, Entry> entries) {

    /** One file or link. */
    public record Entry(String hash, boolean link, boolean executable) {
    }

    public WorkspaceContent {
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }

    /** The content of the folder {@code root} as it is on disk (links kept as links, special files left out). */
    public static WorkspaceContent scan(Path root) throws IOException {
        SortedMap<String, Entry> entries = new TreeMap<>();
        boolean posix = Files.getFileAttributeView(root, PosixFileAttributeView.class) != null;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String relative = TreeCopy.relative(root, file);
                if (attrs.isSymbolicLink()) {
                    entries.put(relative, new Entry(linkHash(Files.readSymbolicLink(file).toString()), true, false));
                } else if (attrs.isRegularFile()) {
                    entries.put(relative, new Entry(contentHash(Files.readAllBytes(file)), false,
                            posix && isExecutable(file)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new WorkspaceContent(entries);
    }

    /**
     * This content with {@code links} (path -> link target text) added and then each layer written
     * over it, as {@link Workspace#write} writes them; empty when a layer's path cannot be known
     * without the folder: one that runs through a link or an existing file, or lands on a folder.
     */
    public Optional<WorkspaceContent> with(Map<String, String> links, List<FileSet> layers) {
        SortedMap<String, Entry> result = new TreeMap<>(entries);
        links.forEach((path, target) -> result.put(path, new Entry(linkHash(target), true, false)));
        for (FileSet layer : layers) {
            for (String path : layer.paths()) {
                if (dev.redyellow.manifest.WorkspacePath.problem(path).isPresent() || !writable(result, path)) {
                    return Optional.empty();
                }
                // Workspace#write deletes what is there and writes a new file: never executable.
                result.put(path, new Entry(contentHash(layer.bytes(path)), false, false));
            }
        }
        return Optional.of(new WorkspaceContent(result));
    }

    /**
     * One hash of the whole content (every path, entry hash, link and executable flag, in path
     * order): equal hashes mean equal content.
     */
    public String hash() {
        StringBuilder all = new StringBuilder();
        entries.forEach((path, e) -> all.append(path).append('\0').append(e.hash()).append('\0')
                .append(e.link() ? 'l' : 'f').append(e.executable() ? 'x' : '-').append('\n'));
        return contentHash(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The paths whose entry here is exactly the entry {@code base} has at the same path. */
    public java.util.Set<String> unchangedFrom(WorkspaceContent base) {
        java.util.Set<String> same = new java.util.HashSet<>();
        entries.forEach((path, e) -> {
            if (e.equals(base.entries().get(path))) {
                same.add(path);
            }
        });
        return same;
    }

    /** Whether writing {@code path} creates or replaces exactly the entry {@code path}. */
    private static boolean writable(SortedMap<String, Entry> entries, String path) {
        // a folder at the path: some entry lies below it
        String below = path + "/";
        String next = entries.tailMap(below).isEmpty() ? null : entries.tailMap(below).firstKey();
        if (next != null && next.startsWith(below)) {
            return false;
        }
        // a file or link on the way: the write would go through a link or fail on a file
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (entries.containsKey(path.substring(0, slash))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isExecutable(Path file) throws IOException {
        return Files.getPosixFilePermissions(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                .contains(PosixFilePermission.OWNER_EXECUTE);
    }

    /** The hex SHA-256 of the bytes, as the test cache hashes a file. */
    public static String contentHash(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    /** The hash of a link with this target text, as the test cache hashes a link. */
    public static String linkHash(String target) {
        return contentHash(("symlink\0" + target).getBytes(StandardCharsets.UTF_8));
    }
}
