package dev.redyellow.graph;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.redyellow.graph.ManifestFixture.graph;
import static dev.redyellow.graph.ManifestFixture.manifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureGraphTest {

    /** a at the top, b and c beside each other, d under both. */
    private static final FeatureGraph DIAMOND = FeatureGraph.of(
            graph(List.of("a", "b", "c", "d"), "b<-a", "c<-a", "d<-b", "d<-c"));

    /** p -> q -> r -> end is the longest chain by count, x -> end by estimate. */
    private static final FeatureGraph CHAIN_AND_LONG_TASK = FeatureGraph.of(
            graph(List.of("p", "q", "r", "x", "end"), "q<-p", "r<-q", "end<-r", "end<-x"));

    private static final Map<String, Double> CHAIN_ESTIMATES = Map.of("p", 1.0, "q", 1.0, "r", 1.0, "x", 10.0, "end", 2.0);

    @Test
    void explicitEdgesPointFromDependencyToDependentWithTheirReason() {
        FeatureGraph graph = FeatureGraph.of(graph(List.of("normalize", "slugify"), "slugify<-normalize"));

        assertEquals(List.of(new DependencyEdge("normalize", "slugify", EdgeKind.EXPLICIT,
                "slugify depends on normalize (dependsOn)")), graph.edges());
        assertEquals(graph.edges().get(0), graph.edge("normalize", "slugify").orElseThrow());
        assertTrue(graph.edge("slugify", "normalize").isEmpty());
        assertEquals(List.of(), graph.warnings());
    }

    @Test
    void idsKeepManifestOrder() {
        assertEquals(List.of("p", "q", "r", "x", "end"), CHAIN_AND_LONG_TASK.ids());
    }

    @Test
    void topologicalOrderPutsDependenciesFirstAndBreaksTiesByManifestOrder() {
        FeatureGraph graph = FeatureGraph.of(graph(List.of("z", "y", "x", "w"), "y<-x"));

        assertEquals(List.of("z", "x", "y", "w"), graph.topologicalOrder());
        assertEquals(List.of("a", "b", "c", "d"), DIAMOND.topologicalOrder());
    }

    @Test
    void levelIsOneMoreThanTheDeepestDependency() {
        assertEquals(List.of(List.of("a"), List.of("b", "c"), List.of("d")), DIAMOND.levels());
        assertEquals(List.of(List.of("p", "x"), List.of("q"), List.of("r"), List.of("end")),
                CHAIN_AND_LONG_TASK.levels());
        assertEquals(3, CHAIN_AND_LONG_TASK.levelOf("end"));
    }

    @Test
    void directDependenciesAndDependentsComeInManifestOrder() {
        FeatureGraph graph = FeatureGraph.of(graph(List.of("c", "b", "a", "top"), "top<-a", "top<-c", "top<-b"));

        assertEquals(List.of("c", "b", "a"), List.copyOf(graph.dependenciesOf("top")));
        assertEquals(List.of("top"), List.copyOf(graph.dependentsOf("a")));
        assertEquals(List.of("b", "c"), List.copyOf(DIAMOND.dependentsOf("a")));
        assertEquals(List.of(), List.copyOf(DIAMOND.dependenciesOf("a")));
    }

    @Test
    void transitiveDependenciesComeInTopologicalOrder() {
        assertEquals(List.of("a", "b", "c"), DIAMOND.transitiveDependenciesOf("d"));
        assertEquals(List.of("a"), DIAMOND.transitiveDependenciesOf("b"));
        assertEquals(List.of("p", "q", "r", "x"), CHAIN_AND_LONG_TASK.transitiveDependenciesOf("end"));
        assertEquals(List.of(), CHAIN_AND_LONG_TASK.transitiveDependenciesOf("x"));
    }

    @Test
    void transitiveDependentsReachTheWholeDownstream() {
        assertEquals(List.of("b", "c", "d"), List.copyOf(DIAMOND.transitiveDependentsOf("a")));
        assertEquals(List.of("q", "r", "end"), List.copyOf(CHAIN_AND_LONG_TASK.transitiveDependentsOf("p")));
        assertEquals(List.of(), List.copyOf(DIAMOND.transitiveDependentsOf("d")));
    }

    @Test
    void criticalPathOfADiamondTakesTheSlowerBranch() {
        Map<String, Double> estimates = Map.of("a", 1.0, "b", 5.0, "c", 2.0, "d", 1.5);

        assertEquals(new CriticalPath(List.of("a", "b", "d"), 7.5), DIAMOND.criticalPath(estimates::get));
        assertEquals(new CriticalPath(List.of("a", "c", "d"), 8.5),
                DIAMOND.criticalPath(Map.of("a", 1.0, "b", 5.0, "c", 6.0, "d", 1.5)::get));
    }

    @Test
    void criticalPathFollowsEstimatesNotTheNumberOfFeatures() {
        assertEquals(new CriticalPath(List.of("x", "end"), 12.0), CHAIN_AND_LONG_TASK.criticalPath(CHAIN_ESTIMATES::get));
    }

    @Test
    void criticalPathWithEqualEstimatesIsTheLongestChain() {
        assertEquals(new CriticalPath(List.of("p", "q", "r", "end"), 40.0),
                CHAIN_AND_LONG_TASK.criticalPath(id -> FeatureGraph.DEFAULT_ESTIMATE_SECONDS));
    }

    @Test
    void criticalPathOfIndependentFeaturesIsTheSlowestOne() {
        FeatureGraph graph = FeatureGraph.of(graph(List.of("a", "b", "c")));

        assertEquals(new CriticalPath(List.of("b"), 3.0), graph.criticalPath(Map.of("a", 1.0, "b", 3.0, "c", 2.0)::get));
    }

    @Test
    void remainingPathIsOwnEstimatePlusTheLongestChainOfDependents() {
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("p", 5.0);
        expected.put("q", 4.0);
        expected.put("r", 3.0);
        expected.put("x", 12.0);
        expected.put("end", 2.0);

        Map<String, Double> remaining = CHAIN_AND_LONG_TASK.remainingPathSeconds(CHAIN_ESTIMATES::get);

        assertEquals(expected, remaining);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(remaining.keySet()));
        assertEquals(Map.of("a", 7.5, "b", 6.5, "c", 3.5, "d", 1.5),
                DIAMOND.remainingPathSeconds(Map.of("a", 1.0, "b", 5.0, "c", 2.0, "d", 1.5)::get));
    }

    @Test
    void anEmptyManifestHasAnEmptyGraph() {
        FeatureGraph graph = FeatureGraph.of(manifest().build());

        assertEquals(List.of(), graph.topologicalOrder());
        assertEquals(List.of(), graph.levels());
        assertEquals(new CriticalPath(List.of(), 0.0), graph.criticalPath(id -> 1.0));
        assertEquals(Map.of(), graph.remainingPathSeconds(id -> 1.0));
    }

    @Test
    void rejectsAnExplicitCycleNamingItsPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureGraph.of(graph(List.of("a", "b", "c"), "a<-c", "b<-a", "c<-b")));

        assertEquals("dependency cycle: c -> b -> a -> c", e.getMessage());
    }

    @Test
    void rejectsAFeatureDependingOnItself() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureGraph.of(graph(List.of("a"), "a<-a")));

        assertEquals("dependency cycle: a -> a", e.getMessage());
    }

    @Test
    void rejectsAnUnknownDependency() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureGraph.of(manifest().feature("a").dependsOn("zz").build()));

        assertEquals("feature a depends on unknown feature zz", e.getMessage());
    }

    @Test
    void aRepeatedDependsOnEntryMakesOneEdge() {
        FeatureGraph graph = FeatureGraph.of(manifest().feature("a").feature("b").dependsOn("a", "a").build());

        assertEquals(1, graph.edges().size());
    }

    @Test
    void rejectsQuestionsAboutUnknownFeatures() {
        assertThrows(IllegalArgumentException.class, () -> DIAMOND.dependenciesOf("nope"));
        assertThrows(IllegalArgumentException.class, () -> DIAMOND.transitiveDependentsOf("nope"));
    }

    @Test
    void rejectsEstimatesThatAreNotADuration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DIAMOND.criticalPath(id -> id.equals("c") ? -1.0 : 1.0));

        assertEquals("the estimate for c must be a finite number of seconds >= 0, was -1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DIAMOND.remainingPathSeconds(id -> Double.NaN));
    }

    @Test
    void theUnderlyingGraphCannotBeChanged() {
        assertThrows(UnsupportedOperationException.class, () -> DIAMOND.graph().addVertex("e"));
        assertEquals(4, DIAMOND.graph().edgeSet().size());
    }
}
