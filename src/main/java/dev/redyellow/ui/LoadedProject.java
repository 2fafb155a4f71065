package dev.redyellow.ui;

import dev.redyellow.graph.DependencyEdge;
import dev.redyellow.graph.CriticalPath;
import dev.redyellow.graph.FeatureGraph;
import dev.redyellow.graph.LayeredLayout;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestException;
import dev.redyellow.manifest.ManifestLoader;
import dev.redyellow.run.FeatureKinds;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** A manifest with everything the window derives from it, all computed off the FX thread. */
public record LoadedProject(Manifest manifest, FeatureGraph graph, LayeredLayout.Result layout, CriticalPath criticalPath) {

    /** Loads, builds the graph and lays it out; a manifest this version cannot run is refused like a bad one. */
    public static LoadedProject load(Path file) throws ManifestException, UnrunnableManifestException {
        return of(ManifestLoader.load(file));
    }

    /** As {@link #load(Path)}, with the edges earlier runs of the manifest discovered. */
    public static LoadedProject load(Path file, Function<Manifest, List<DependencyEdge>> remembered)
            throws ManifestException, UnrunnableManifestException {
        Manifest manifest = ManifestLoader.load(file);
        return of(manifest, remembered.apply(manifest));
    }

    public static LoadedProject of(Manifest manifest) throws UnrunnableManifestException {
        return of(manifest, List.of());
    }

    /** This project laid out again with {@code found} (edges discovered while running) in its graph. */
    public LoadedProject with(List<DependencyEdge> found) {
        FeatureGraph more = graph;
        for (DependencyEdge edge : found) {
            if (more.cycleIfAdded(edge.dependency(), edge.dependent()).isEmpty()) {
                more = more.plus(edge);
            }
        }
        return new LoadedProject(manifest, more, LayeredLayout.layout(more.graph()),
                more.criticalPath(id -> FeatureGraph.DEFAULT_ESTIMATE_SECONDS));
    }

    public static LoadedProject of(Manifest manifest, List<DependencyEdge> remembered) throws UnrunnableManifestException {
        List<String> unsupported = FeatureKinds.unsupported(manifest);
        if (!unsupported.isEmpty()) {
            throw new UnrunnableManifestException(manifest.file(), unsupported);
        }
        FeatureGraph graph = FeatureGraph.of(manifest, remembered);
        return new LoadedProject(manifest, graph, LayeredLayout.layout(graph.graph()),
                graph.criticalPath(id -> FeatureGraph.DEFAULT_ESTIMATE_SECONDS));
    }
}
