package dev.redyellow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redyellow.graph.CriticalPath;
import dev.redyellow.graph.DependencyEdge;
import dev.redyellow.graph.EdgeKind;
import dev.redyellow.graph.FeatureGraph;
import dev.redyellow.graph.GraphWarning;
import dev.redyellow.cache.CacheLocation;
import dev.redyellow.cache.OpenedCache;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.run.DiscoveryMemory;
import dev.redyellow.store.DiscoveryStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code redyellow plan MANIFEST}: the graph, its levels and critical path; runs nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Shows the feature graph (explicit and inferred edges), its levels and the critical path. Runs nothing.")
final class PlanCommand implements Callable<Integer> {

    @Parameters(paramLabel = "MANIFEST", description = "the feature manifest (JSON)")
    Path manifestFile;

    @Option(names = "--json", description = "print the plan as JSON")
    boolean json;

    @Option(names = "--cache-db", paramLabel = "FILE",
            description = "the RedYellow file whose remembered (discovered) edges to show "
                    + "(default: $REDYELLOW_DB or ~/.redyellow/redyellow.db; never created by plan)")
    Path cacheDb;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Optional<Manifest> loaded = ManifestArgument.load(manifestFile, spec.commandLine().getErr());
        if (loaded.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        Manifest manifest = loaded.get();
        FeatureGraph graph = FeatureGraph.of(manifest, rememberedEdges(manifest));
        CriticalPath critical = graph.criticalPath(id -> FeatureGraph.DEFAULT_ESTIMATE_SECONDS);
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(toJson(manifest, graph, critical)));
        } else {
            printText(out, manifest, graph, critical);
        }
        out.flush();
        return ExitCodes.ALL_GREEN;
    }

    /** The edges earlier runs discovered, from the RedYellow file if there is one. */
    private List<DependencyEdge> rememberedEdges(Manifest manifest) {
        Path file = CacheLocation.resolve(cacheDb, System.getenv());
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (OpenedCache opened = CacheFile.open(cacheDb, spec.commandLine().getErr())) {
            return opened.database().map(d -> DiscoveryMemory.stored(new DiscoveryStore(d), manifest.name(),
                    Clock.systemUTC()).edges()).orElse(List.of());
        }
    }

    private static void printText(PrintWriter out, Manifest manifest, FeatureGraph graph, CriticalPath critical) {
        List<DependencyEdge> edges = graph.edges();
        long inferred = edges.stream().filter(e -> e.kind() == EdgeKind.INFERRED).count();
        long discovered = edges.stream().filter(e -> e.kind() == EdgeKind.DISCOVERED).count();
        out.printf("%s: %d features, %d edges (%d inferred, %d discovered), %d levels%n", manifest.name(),
                graph.ids().size(), edges.size(), inferred, discovered, graph.levels().size());
        out.println();
        out.println("Levels");
        List<List<String>> levels = graph.levels();
        for (int i = 0; i < levels.size(); i++) {
            out.printf("  %d: %s%n", i, String.join(", ", levels.get(i)));
        }
        out.println();
        out.println("Edges (dependency -> dependent)");
        for (DependencyEdge e : edges) {
            out.printf("  %-32s %-10s %s%n", e.dependency() + " -> " + e.dependent(), e.kind().label(), e.reason());
        }
        out.println();
        out.printf("Critical path (%.0f s at the default estimate of %.0f s per feature): %s%n", critical.totalSeconds(),
                FeatureGraph.DEFAULT_ESTIMATE_SECONDS, String.join(" -> ", critical.ids()));
        if (!graph.warnings().isEmpty()) {
            out.println();
            out.println("Warnings");
            for (GraphWarning w : graph.warnings()) {
                out.println("  " + w.message());
            }
        }
    }

    private static ObjectNode toJson(Manifest manifest, FeatureGraph graph, CriticalPath critical) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("manifest", manifest.file().toString());
        root.put("name", manifest.name());
        ArrayNode features = root.putArray("features");
        manifest.features().forEach(f -> features.addObject().put("id", f.id()).put("title", f.title()));
        ArrayNode levels = root.putArray("levels");
        graph.levels().forEach(level -> {
            ArrayNode l = levels.addArray();
            level.forEach(l::add);
        });
        ArrayNode edges = root.putArray("edges");
        for (DependencyEdge e : graph.edges()) {
            edges.addObject().put("from", e.dependency()).put("to", e.dependent())
                    .put("kind", e.kind().label()).put("reason", e.reason());
        }
        ObjectNode cp = root.putObject("criticalPath");
        cp.put("seconds", critical.totalSeconds());
        ArrayNode ids = cp.putArray("features");
        critical.ids().forEach(ids::add);
        ArrayNode warnings = root.putArray("warnings");
        graph.warnings().forEach(w -> warnings.add(w.message()));
        return root;
    }

}
