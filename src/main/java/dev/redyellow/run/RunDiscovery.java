package dev.redyellow.run;

import dev.redyellow.cycle.DependencyDiscovery;
import dev.redyellow.graph.CodeWriters;
import dev.redyellow.graph.DependencyEdge;
import dev.redyellow.graph.FeatureGraph;
import dev.redyellow.testing.MissingNames;
import dev.redyellow.testing.MissingNames.MissingName;
import dev.redyellow.testing.TestResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decides, for a run of the engine, what a failed test run's missing names mean: each name is
 * looked up among the files features write ({@link CodeWriters}); a name another feature writes,
 * whose code the workspace lacked, becomes a discovered edge on the scheduler's graph (unless it
 * would close a cycle), and the feature waits for that feature. A name nobody has written yet makes
 * an attempt wait while other features may still write it.
 */
final class RunDiscovery implements DependencyDiscovery {

    private final DependencyScheduler scheduler;
    private final CodeWriters writers;
    private final Consumer<DependencyEdge> found;

    /** @param found told of each edge once it is in the graph (remembered, shown) */
    RunDiscovery(DependencyScheduler scheduler, CodeWriters writers, Consumer<DependencyEdge> found) {
        this.scheduler = scheduler;
        this.writers = writers;
        this.found = found;
    }

    @Override
    public Finding examine(String featureId, Phase phase, TestResult result, Path workspace) {
        List<MissingName> names = MissingNames.in(result, workspace);
        if (names.isEmpty()) {
            return new Finding.NothingMissing();
        }
        // Another feature's edges may land between reading the graph and adding ours: read again.
        for (int tries = 0; ; tries++) {
            FeatureGraph graph = scheduler.graph();
            Sorted sorted = sort(featureId, names, graph);
            if (!sorted.needed().isEmpty()) {
                Optional<Finding> waiting = wait(featureId, sorted.needed(), graph);
                if (waiting.isPresent() || tries >= 10) {
                    return waiting.orElseThrow(() -> new IllegalStateException("the graph kept changing"));
                }
                continue;
            }
            if (phase == Phase.ATTEMPT && !sorted.unknown().isEmpty() && scheduler.othersMayFinish(featureId)) {
                List<String> shown = sorted.unknown().stream().map(MissingName::name).toList();
                return new Finding.AwaitingWriter(shown, "waiting for a feature to write " + String.join(", ", shown)
                        + ": no feature finished so far writes it");
            }
            if (!sorted.base().isEmpty()) {
                return new Finding.Base(sorted.base().stream().map(MissingName::name).toList());
            }
            List<String> own = new ArrayList<>();
            sorted.own().forEach(n -> own.add(n.name()));
            sorted.unknown().forEach(n -> own.add(n.name()));
            return new Finding.Own(List.copyOf(new LinkedHashSet<>(own)));
        }
    }

    /** The missing names by who writes them. */
    private record Sorted(Map<MissingName, Set<String>> needed, List<MissingName> own, List<MissingName> base,
                          List<MissingName> unknown) {
    }

    private Sorted sort(String featureId, List<MissingName> names, FeatureGraph graph) {
        Set<String> present = new HashSet<>(graph.transitiveDependenciesOf(featureId));
        Map<MissingName, Set<String>> needed = new LinkedHashMap<>();
        List<MissingName> own = new ArrayList<>();
        List<MissingName> base = new ArrayList<>();
        List<MissingName> unknown = new ArrayList<>();
        for (MissingName name : names) {
            Set<String> writing = writers.writersOf(name);
            Set<String> others = new LinkedHashSet<>(writing);
            others.remove(featureId);
            others.removeAll(present);
            if (!others.isEmpty()) {
                needed.put(name, others);
            } else if (!writing.isEmpty()) {
                own.add(name); // its own, or a dependency's whose code was there
            } else if (writers.baseWrites(name)) {
                base.add(name);
            } else {
                unknown.add(name);
            }
        }
        return new Sorted(needed, own, base, unknown);
    }

    /**
     * Adds an edge from every writer of each needed name that closes no cycle; a name whose every
     * writer would close one is a cycle. Empty when the graph changed meanwhile (try again).
     */
    private Optional<Finding> wait(String featureId, Map<MissingName, Set<String>> needed, FeatureGraph graph) {
        Map<String, DependencyEdge> edges = new LinkedHashMap<>();
        for (Map.Entry<MissingName, Set<String>> entry : needed.entrySet()) {
            MissingName name = entry.getKey();
            List<String> fit = entry.getValue().stream()
                    .filter(w -> graph.cycleIfAdded(w, featureId).isEmpty()).toList();
            if (fit.isEmpty()) {
                String writer = entry.getValue().iterator().next();
                String cycle = graph.cycleIfAdded(writer, featureId).orElseThrow();
                return Optional.of(new Finding.Cycle(cycle, featureId + " needs " + name.name() + ", written by "
                        + writer + ", which already needs " + featureId + ": " + cycle));
            }
            for (String writer : fit) {
                edges.putIfAbsent(writer, DependencyEdge.discovered(writer, featureId, featureId + " needs "
                        + name.name() + ", written by " + writer + " (" + name.line() + ")"));
            }
        }
        if (scheduler.addEdges(List.copyOf(edges.values())).isPresent()) {
            return Optional.empty();
        }
        edges.values().forEach(found);
        List<String> waitFor = List.copyOf(edges.keySet());
        String what = needed.keySet().stream().map(MissingName::name).distinct().reduce((a, b) -> a + ", " + b).orElse("");
        return Optional.of(new Finding.Waiting(waitFor, "waiting for " + String.join(", ", waitFor) + ": needs " + what));
    }
}
