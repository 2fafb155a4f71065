package dev.redyellow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.cycle.FeatureState;
import dev.redyellow.graph.DependencyEdge;
import dev.redyellow.graph.LayeredLayout;
import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.ManifestLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph's logic without a window: find, focus sets, groups, sub-column wrapping, the picture. */
class GraphLogicTest {
    @TempDir
    Path dir;

    private LoadedProject big() throws Exception {
        return LoadedProject.of(ManifestLoader.load(BigManifest.write(dir.resolve("m.json"), 300, 20)));
    }

    @Test
    void findRanksTheIdThenIdPrefixesThenIdsContainingItThenTitlesAndIgnoresCase() throws Exception {
        List<Feature> features = big().manifest().features();
        String id = BigManifest.id(42);
        assertEquals(id, FeatureFinder.matches(features, id.toUpperCase()).get(0));
        List<String> sorts = FeatureFinder.matches(features, "sorts-");
        assertEquals(25, sorts.size(), "every twelfth of 300 is in sorts");
        assertTrue(sorts.stream().allMatch(s -> s.startsWith("sorts-")));
        List<String> byTitle = FeatureFinder.matches(features, "no. 299");
        assertEquals(List.of(BigManifest.id(299)), byTitle, "found by its title alone");
        List<String> mixed = FeatureFinder.matches(features, "merge");
        int firstTitleOnly = mixed.indexOf(mixed.stream().filter(s -> !s.contains("merge")).findFirst().orElse(null));
        assertTrue(firstTitleOnly == -1 || mixed.subList(firstTitleOnly, mixed.size()).stream().noneMatch(s -> s.contains("merge")),
                "ids containing the query come before titles containing it: " + mixed);
        assertEquals(List.of(), FeatureFinder.matches(features, "   "));
        assertEquals(List.of(), FeatureFinder.matches(features, "zzz-nothing"));
    }

    @Test
    void focusTakesTransitiveDependenciesAndDependentsButNotSiblings() {
        DirectedAcyclicGraph<String, DependencyEdge> g = new DirectedAcyclicGraph<>(DependencyEdge.class);
        List.of("a", "b", "c", "d", "e", "s").forEach(g::addVertex);
        // a -> b -> c -> d, and s (a sibling of b) -> nothing; e depends on a only
        edge(g, "a", "b");
        edge(g, "b", "c");
        edge(g, "c", "d");
        edge(g, "a", "s");
        edge(g, "e", "c");
        assertEquals(Set.of("a", "b", "c", "d"), Neighbourhood.of(g, "b"));
        assertEquals(Set.of("a", "b", "c", "d", "e"), Neighbourhood.of(g, "c"));
        assertEquals(Set.of("a", "s"), Neighbourhood.of(g, "s"));
        assertEquals(Set.of(), Neighbourhood.of(g, "nope"));
    }

    private static void edge(DirectedAcyclicGraph<String, DependencyEdge> g, String from, String to) {
        g.addEdge(from, to, new DependencyEdge(from, to, dev.redyellow.graph.EdgeKind.EXPLICIT, "test"));
    }

    @Test
    void groupsComeFromTheManifestOrTheTestsPackageWithTheSourceRootTakenOff() throws Exception {
        LoadedProject project = big();
        Map<String, List<String>> groups = FeatureGroups.of(project.manifest().features());
        assertEquals(12, groups.size(), groups.keySet().toString());
        assertEquals(25, groups.get("sorts").size());
        assertTrue(groups.containsKey("reporting"), "the manifest's group field wins over the package");
        assertTrue(!groups.containsKey("report"));
        assertEquals("sorts: 41 GREEN, 2 FAILED", FeatureGroups.summary("sorts",
                concat(List.of(FeatureState.FAILED, FeatureState.FAILED), 41, FeatureState.GREEN)));
        assertEquals("x: 1 PENDING, 2 RED", FeatureGroups.summary("x",
                List.of(FeatureState.RED, FeatureState.PENDING, FeatureState.RED)));
    }

    private static List<FeatureState> concat(List<FeatureState> some, int n, FeatureState more) {
        List<FeatureState> all = new ArrayList<>(some);
        for (int i = 0; i < n; i++) {
            all.add(more);
        }
        return all;
    }

    @Test
    void aLayerTallerThanTheWindowWrapsIntoSubColumnsKeepingItsOrder() {
        Map<String, LayeredLayout.Point> positions = new HashMap<>();
        for (int i = 0; i < 25; i++) {
            positions.put("r" + i, new LayeredLayout.Point(0, i));
        }
        positions.put("next", new LayeredLayout.Point(1, 0));
        DependencyEdge e = new DependencyEdge("r24", "next", dev.redyellow.graph.EdgeKind.EXPLICIT, "test");
        LayeredLayout.Result tall = new LayeredLayout.Result(positions,
                Map.of(e, List.of(positions.get("r24"), positions.get("next"))), 2, 25, 0, 0);
        LayeredLayout.Result wrapped = ColumnWrap.wrap(tall, 10);
        assertEquals(new LayeredLayout.Point(0, 0), wrapped.positions().get("r0"));
        assertEquals(new LayeredLayout.Point(0, 9), wrapped.positions().get("r9"));
        assertEquals(new LayeredLayout.Point(1, 0), wrapped.positions().get("r10"));
        assertEquals(new LayeredLayout.Point(2, 4), wrapped.positions().get("r24"));
        assertEquals(new LayeredLayout.Point(3, 0), wrapped.positions().get("next"), "the next layer moves right");
        assertEquals(4, wrapped.layers());
        assertEquals(10, wrapped.rows());
        assertEquals(List.of(new LayeredLayout.Point(2, 4), new LayeredLayout.Point(3, 0)), wrapped.routes().get(e));
        assertSame(tall, ColumnWrap.wrap(tall, 30), "a layout that fits is left alone");
    }

    @Test
    void collapsedGroupsAreOneBoxEachAndTheEdgesBetweenThemAreDrawnOnceWithTheirCount() throws Exception {
        LoadedProject project = big();
        Map<String, String> groupOf = new HashMap<>();
        FeatureGroups.of(project.manifest().features()).forEach((g, ids) -> ids.forEach(id -> groupOf.put(id, g)));
        Set<String> all = new HashSet<>(groupOf.values());
        GraphPicture collapsed = GraphPicture.of(new GraphPicture.Request(project, null, groupOf, all, 10));
        assertEquals(12, collapsed.boxes().size());
        assertEquals(List.of(), collapsed.features());
        Map<List<String>, Integer> expected = new HashMap<>();
        for (DependencyEdge e : project.graph().graph().edgeSet()) {
            String a = groupOf.get(e.dependency());
            String b = groupOf.get(e.dependent());
            if (!a.equals(b)) {
                expected.merge(List.of(a, b), 1, Integer::sum);
            }
        }
        assertEquals(expected.size(), collapsed.lines().size(), "one line per pair of groups");
        assertEquals(expected.values().stream().mapToInt(Integer::intValue).sum(),
                collapsed.lines().stream().mapToInt(GraphPicture.Line::count).sum(), "every dependency between groups counted once");
        assertTrue(collapsed.lines().stream().allMatch(l -> l.from() == null && l.to() == null));
        assertNoOverlap(collapsed.boxes());

        Set<String> allButSorts = new HashSet<>(all);
        allButSorts.remove("sorts");
        GraphPicture oneOpen = GraphPicture.of(new GraphPicture.Request(project, null, groupOf, allButSorts, 10));
        assertEquals(25, oneOpen.features().size(), "the expanded group's features are drawn");
        GraphPicture.Box sorts = oneOpen.box("sorts");
        for (GraphPicture.Placed p : oneOpen.features()) {
            assertEquals("sorts", groupOf.get(p.id()));
            assertTrue(p.x() >= sorts.x() && p.x() + GraphPicture.NODE_WIDTH <= sorts.x() + sorts.width()
                    && p.y() >= sorts.y() && p.y() + GraphPicture.NODE_HEIGHT <= sorts.y() + sorts.height(), p.toString());
        }
        assertNoOverlap(oneOpen.boxes());
        long inside = project.graph().graph().edgeSet().stream()
                .filter(e -> groupOf.get(e.dependency()).equals("sorts") && groupOf.get(e.dependent()).equals("sorts")).count();
        assertEquals(inside, oneOpen.lines().stream().filter(l -> l.from() != null && l.to() != null).count(),
                "the edges inside the expanded group, each drawn");
    }

    private static void assertNoOverlap(List<GraphPicture.Box> boxes) {
        for (GraphPicture.Box a : boxes) {
            for (GraphPicture.Box b : boxes) {
                boolean apart = a == b || a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x()
                        || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
                assertTrue(apart, a.group() + " overlaps " + b.group());
            }
        }
    }

    @Test
    void theWholeGraphUngroupedIsTheProjectsLayoutWrappedToTheWindow() throws Exception {
        LoadedProject project = big();
        GraphPicture picture = GraphPicture.of(new GraphPicture.Request(project, null, null, Set.of(), 8));
        assertEquals(300, picture.features().size());
        assertEquals(project.graph().graph().edgeSet().size(), picture.lines().size());
        double tallest = picture.features().stream().mapToDouble(GraphPicture.Placed::y).max().orElseThrow();
        assertTrue(tallest < GraphPicture.MARGIN + 8 * GraphPicture.CELL_HEIGHT, "no column over 8 rows: " + tallest);
        assertNull(picture.box("sorts"));
        Set<String> focus = Neighbourhood.of(project.graph().graph(), BigManifest.id(200));
        GraphPicture focused = GraphPicture.of(new GraphPicture.Request(project, focus, null, Set.of(), 8));
        assertEquals(focus, new HashSet<>(focused.features().stream().map(GraphPicture.Placed::id).toList()));
    }
}
