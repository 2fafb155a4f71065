package dev.redyellow.graph;

import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.Manifest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the dependencies a manifest does not declare: a feature whose tests refer to a file another
 * feature writes (in any attempt, in its tests, or in its {@code provides}) needs that feature's code.
 * Proposes edges only; {@link FeatureGraph#of} decides which ones fit (no duplicate, no cycle).
 */
public final class DependencyInference {

    private final Manifest manifest;

    public DependencyInference(Manifest manifest) {
        this.manifest = Objects.requireNonNull(manifest);
    }

    /**
     * One {@link EdgeKind#INFERRED} edge per (dependency, dependent) pair, explained by the first
     * reference found. Deterministic: dependents in manifest order, each one's test files sorted by
     * path, references in order of appearance, writers in manifest order. Never a self-edge.
     * Ignores {@link Manifest#inferDependencies()}; the caller decides whether to ask.
     */
    public List<DependencyEdge> inferredEdges() {
        WrittenFiles written = WrittenFiles.of(manifest);
        List<SourceReferences> languages = List.of(
                new JavaReferences(written), new PythonReferences(written), new ScriptReferences(written));
        List<DependencyEdge> edges = new ArrayList<>();
        Set<List<String>> pairs = new HashSet<>();
        for (Feature feature : manifest.features()) {
            for (String testPath : feature.tests().paths()) {
                for (FileReference reference : references(languages, testPath, feature.tests().text(testPath))) {
                    for (String writer : written.writersOf(reference.target())) {
                        if (!writer.equals(feature.id()) && pairs.add(List.of(writer, feature.id()))) {
                            edges.add(new DependencyEdge(writer, feature.id(), EdgeKind.INFERRED, testPath + " "
                                    + reference.description() + ", written by " + writer + " (" + reference.target() + ")"));
                        }
                    }
                }
            }
        }
        return List.copyOf(edges);
    }

    /** What the test at {@code path} refers to; nothing for a file no language reads (data, resources). */
    private static List<FileReference> references(List<SourceReferences> languages, String path, String text) {
        return languages.stream()
                .filter(language -> language.reads(path))
                .findFirst()
                .map(language -> language.find(path, text))
                .orElse(List.of());
    }
}
