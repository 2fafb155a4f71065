package dev.redyellow.implement;

import dev.redyellow.files.Sha256;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.WorkspacePath;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The files of a workspace by path and content hash, taken before and after an external program
 * ran in it, so that what the program added or changed becomes the attempt. Our own folder
 * ({@code .redyellow/}), version-control folders and the caches that tools and test runners leave
 * behind are not code and are never part of an attempt.
 *
 * @param hashes  workspace path to SHA-256 of its content
 * @param skipped files left out, each with the reason (an unusable path, too large)
 */
record WorkspaceSnapshot(Map<String, String> hashes, List<String> skipped) {
    /** A single file larger than this is not source code an attempt should carry. */
    static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    private static final Set<String> IGNORED_FOLDERS = Set.of(".redyellow", ".git", ".hg", ".svn", "__pycache__",
            ".pytest_cache", ".mypy_cache", ".ruff_cache", ".tox", ".venv", "node_modules", ".gradle", ".idea",
            ".aider.tags.cache.v3", ".aider.tags.cache.v4");
    private static final List<String> IGNORED_SUFFIXES = List.of(".pyc", ".pyo", ".class");
    private static final Set<String> IGNORED_FILES = Set.of(".DS_Store", ".aider.chat.history.md",
            ".aider.input.history", ".aider.llm.history");

    WorkspaceSnapshot {
        hashes = Map.copyOf(hashes);
        skipped = List.copyOf(skipped);
    }

    /** What changed between {@code before} and this snapshot. */
    record Changes(Set<String> written, Set<String> deleted) {
        boolean isEmpty() {
            return written.isEmpty() && deleted.isEmpty();
        }
    }

    static WorkspaceSnapshot take(Path root) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && ignored(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (!attrs.isRegularFile() || ignoredFile(name)) {
                    return FileVisitResult.CONTINUE;
                }
                String path = relative(root, file);
                var problem = WorkspacePath.problem(path);
                if (problem.isPresent()) {
                    skipped.add(path + ": " + problem.get());
                } else if (attrs.size() > MAX_FILE_BYTES) {
                    skipped.add(path + ": larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB");
                } else {
                    hashes.put(path, sha256(Files.readAllBytes(file)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new WorkspaceSnapshot(hashes, skipped);
    }

    Changes changesSince(WorkspaceSnapshot before) {
        Set<String> written = new TreeSet<>();
        hashes.forEach((path, hash) -> {
            if (!hash.equals(before.hashes.get(path))) {
                written.add(path);
            }
        });
        Set<String> deleted = new TreeSet<>(before.hashes.keySet());
        deleted.removeAll(hashes.keySet());
        return new Changes(written, deleted);
    }

    /** The current content of {@code paths} under {@code root}. */
    static FileSet read(Path root, Set<String> paths) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String path : paths) {
            files.put(path, Files.readAllBytes(root.resolve(path)));
        }
        return FileSet.of(files);
    }

    private static boolean ignored(String folder) {
        return IGNORED_FOLDERS.contains(folder);
    }

    private static boolean ignoredFile(String name) {
        return IGNORED_FILES.contains(name) || IGNORED_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static String relative(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        root.relativize(file).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    private static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
