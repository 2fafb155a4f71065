package dev.redyellow.cluster;

import dev.redyellow.files.Sha256;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A workspace as it travels to a member: every file by its content hash (the bytes go through the
 * cluster's blob map, once per content), symbolic links as links (a run's shared dependency folders
 * are links to the same path on every member of one machine), and empty folders.
 *
 * @param files       workspace path ({@code /}-separated) to hex SHA-256
 * @param executables the paths of files with the owner's execute bit
 * @param links       workspace path to the link's target, as written
 * @param folders     every folder, so empty ones are there too
 */
record WorkspaceFiles(Map<String, String> files, Set<String> executables, Map<String, String> links,
                      List<String> folders) implements Serializable {

    WorkspaceFiles {
        files = new TreeMap<>(files);
        executables = new TreeSet<>(executables);
        links = new TreeMap<>(links);
        folders = List.copyOf(folders);
    }

    /** The workspace at {@code root}; puts the bytes of every content {@code needed} says so into {@code contents}. */
    static WorkspaceFiles take(Path root, Predicate<String> needed, Map<String, byte[]> contents) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Set<String> executables = new TreeSet<>();
        Map<String, String> links = new TreeMap<>();
        List<String> folders = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root)) {
                    folders.add(relative(root, dir));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String path = relative(root, file);
                if (attrs.isSymbolicLink()) {
                    links.put(path, Files.readSymbolicLink(file).toString());
                } else if (attrs.isRegularFile()) {
                    byte[] bytes = Files.readAllBytes(file);
                    String hash = sha256(bytes);
                    files.put(path, hash);
                    if (Files.isExecutable(file)) {
                        executables.add(path);
                    }
                    if (needed.test(hash)) {
                        contents.put(hash, bytes);
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new WorkspaceFiles(files, executables, links, folders);
    }

    /** The distinct contents this workspace needs. */
    Set<String> hashes() {
        return new TreeSet<>(files.values());
    }

    /** Writes the workspace under {@code target} (an empty folder) from {@code blobs}. */
    void materialise(Path target, Map<String, byte[]> blobs) throws IOException {
        for (String folder : folders) {
            Files.createDirectories(inside(target, folder));
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = inside(target, file.getKey());
            Files.createDirectories(path.getParent());
            byte[] bytes = blobs.get(file.getValue());
            if (bytes == null) {
                throw new IOException("no content " + file.getValue() + " for " + file.getKey());
            }
            Files.write(path, bytes);
            if (executables.contains(file.getKey())) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
                mode.add(PosixFilePermission.OWNER_EXECUTE);
                Files.setPosixFilePermissions(path, mode);
            }
        }
        for (Map.Entry<String, String> link : links.entrySet()) {
            Path path = inside(target, link.getKey());
            Files.createDirectories(path.getParent());
            Files.createSymbolicLink(path, Path.of(link.getValue()));
        }
    }

    /** A path from the coordinator is checked: nothing it names lands outside the member's folder. */
    private static Path inside(Path root, String relative) throws IOException {
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root) || path.equals(root) || Files.exists(path.getParent(), LinkOption.NOFOLLOW_LINKS)
                && Files.isSymbolicLink(path.getParent())) {
            throw new IOException("workspace path \"" + relative + "\" leads outside the workspace");
        }
        return path;
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
