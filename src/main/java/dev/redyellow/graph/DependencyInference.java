package dev.redyellow.graph;

import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.FileSet;
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
     * reference found. A feature's test files are read first, then the files of its replayed
     * attempts (code an implementer will write is known up front only there). Deterministic:
     * dependents in manifest order, each one's test files then attempts' files sorted by path,
     * references in order of appearance, writers in manifest order. Never a self-edge. Ignores
     * {@link Manifest#inferDependencies()}; the caller decides whether to ask.
     */
    public List<DependencyEdge> inferredEdges() {
        WrittenFiles written = WrittenFiles.of(manifest);
        List<SourceReferences> languages = List.of(
                new JavaReferences(written), new PythonReferences(written), new ScriptReferences(written));
        List<DependencyEdge> edges = new ArrayList<>();
        Set<List<String>> pairs = new HashSet<>();
        for (Feature feature : manifest.features()) {
            List<Source> sources = new ArrayList<>();
            feature.tests().paths().forEach(p -> sources.add(new Source(p, p, feature.tests().text(p))));
            for (int i = 0; i < feature.attempts().size(); i++) {
                FileSet attempt = feature.attempts().get(i);
                String label = "attempt " + (i + 1) + "'s ";
                attempt.paths().forEach(p -> sources.add(new Source(p, label + p, attempt.text(p))));
            }
            for (Source source : sources) {
                for (FileReference reference : references(languages, source.path(), source.text())) {
                    for (String writer : written.writersOf(reference.target())) {
                        if (!writer.equals(feature.id()) && pairs.add(List.of(writer, feature.id()))) {
                            edges.add(new DependencyEdge(writer, feature.id(), EdgeKind.INFERRED, source.label() + " "
                                    + reference.description() + ", written by " + writer + " (" + reference.target() + ")"));
                        }
                    }
                }
            }
        }
        return List.copyOf(edges);
    }

    /** A file whose references are read: its workspace path, how a reason names it, its text. */
    private record Source(String path, String label, String text) {
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
