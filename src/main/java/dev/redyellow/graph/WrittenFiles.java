package dev.redyellow.graph;

import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.Manifest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every workspace path some feature writes, with who writes it: any attempt's files, the test files
 * (a dependent's tests may extend them) and the declared {@code provides} paths.
 */
final class WrittenFiles {

    /**
     * One feature writing one path; {@code content} is empty for a {@code provides} path, whose
     * content is not known before the feature runs.
     */
    record WrittenFile(String feature, String path, Optional<String> content) {
    }

    private final List<WrittenFile> files;
    private final Map<String, Set<String>> writersByPath;

    private WrittenFiles(List<WrittenFile> files) {
        this.files = List.copyOf(files);
        Map<String, Set<String>> writers = new TreeMap<>();
        for (WrittenFile file : files) {
            writers.computeIfAbsent(file.path(), p -> new LinkedHashSet<>()).add(file.feature());
        }
        this.writersByPath = writers;
    }

    static WrittenFiles of(Manifest manifest) {
        List<WrittenFile> files = new ArrayList<>();
        for (Feature feature : manifest.features()) {
            Set<WrittenFile> ofFeature = new LinkedHashSet<>();
            for (FileSet attempt : feature.attempts()) {
                addAll(ofFeature, feature.id(), attempt);
            }
            addAll(ofFeature, feature.id(), feature.tests());
            for (String path : feature.provides()) {
                ofFeature.add(new WrittenFile(feature.id(), path, Optional.empty()));
            }
            files.addAll(ofFeature);
        }
        return new WrittenFiles(files);
    }

    private static void addAll(Set<WrittenFile> into, String feature, FileSet set) {
        for (String path : set.paths()) {
            into.add(new WrittenFile(feature, path, Optional.of(set.text(path))));
        }
    }

    /** Each (feature, path, content) once, in manifest order. */
    List<WrittenFile> all() {
        return files;
    }

    boolean isWritten(String path) {
        return writersByPath.containsKey(path);
    }

    /** Sorted. */
    Set<String> paths() {
        return writersByPath.keySet();
    }

    /** The features writing {@code path}, in manifest order; empty when none does. */
    Set<String> writersOf(String path) {
        return writersByPath.getOrDefault(path, Set.of());
    }
}
