package dev.redyellow.exec;

import dev.redyellow.manifest.FileSet;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which files of a workspace come unchanged from the run's base snapshot (issue 19): a runner that
 * compiles may compile the base once per {@code hash} and only the other files per run.
 *
 * @param snapshot  the run's private copy of the base (it does not change during the run)
 * @param hash      the content hash of the whole snapshot ({@link WorkspaceContent#hash()})
 * @param unchanged {@code /}-separated workspace paths whose entry is exactly the snapshot's
 * @param dependencyFiles paths (not the base's) whose file is exactly what a GREEN dependency's layer
 *                  wrote, with its content hash: they too do not change during the run
 */
public record BaseFiles(Path snapshot, String hash, Set<String> unchanged, Map<String, String> dependencyFiles) {
    public BaseFiles {
        unchanged = Set.copyOf(unchanged);
        dependencyFiles = Map.copyOf(dependencyFiles);
    }

    public BaseFiles(Path snapshot, String hash, Set<String> unchanged) {
        this(snapshot, hash, unchanged, Map.of());
    }

    /**
     * These base files with the files of {@code dependencyLayers} (written in order, later ones win)
     * that {@code content}, the whole workspace, holds exactly as written.
     */
    public BaseFiles withDependencies(WorkspaceContent content, List<FileSet> dependencyLayers) {
        Map<String, String> written = new HashMap<>();
        for (FileSet layer : dependencyLayers) {
            for (String path : layer.paths()) {
                written.put(path, WorkspaceContent.contentHash(layer.bytes(path)));
            }
        }
        Map<String, String> kept = new TreeMap<>();
        written.forEach((path, fileHash) -> {
            WorkspaceContent.Entry entry = content.entries().get(path);
            if (entry != null && !entry.link() && entry.hash().equals(fileHash) && !unchanged.contains(path)) {
                kept.put(path, fileHash);
            }
        });
        return new BaseFiles(snapshot, hash, unchanged, kept);
    }
}
