package dev.redyellow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.ProjectFiles;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.cycle.Transition;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the graph shows, without a window: defaults by size, focus, groups, the filter's count, find. */
class GraphViewModelTest {
    @TempDir
    Path dir;
    private final ProjectViewModel project = new ProjectViewModel(new InlineTasks());
    private final GraphViewModel graph = new GraphViewModel(project, new InlineTasks());

    private void openBig() throws Exception {
        project.open(BigManifest.write(dir.resolve("m.json"), 300, 20));
        assertEquals(300, project.items().size());
    }

    private Set<String> drawn() {
        return graph.picture().features().stream().map(GraphPicture.Placed::id).collect(Collectors.toSet());
    }

    @Test
    void aProjectOfMoreThanAHundredFeaturesOpensWithItsGroupsCollapsedAndTheSampleUngrouped() throws Exception {
        openBig();
        assertTrue(graph.groupedProperty().get());
        assertEquals(12, graph.collapsed().size());
        assertEquals(12, graph.picture().boxes().size());
        assertEquals(Set.of(), drawn());

        project.open(ProjectFiles.samples().resolve("string-tools/manifest.json"));
        assertFalse(graph.groupedProperty().get(), "one package: nothing to group");
        assertEquals(13, drawn().size());
        assertEquals(List.of(), graph.picture().boxes());
    }

    @Test
    void collapsingAndExpandingAGroupChangesWhatIsDrawn() throws Exception {
        openBig();
        graph.toggle("strings");
        assertEquals(25, drawn().size());
        assertTrue(drawn().stream().allMatch(id -> id.startsWith("strings-")));
        graph.toggle("strings");
        assertEquals(Set.of(), drawn());
        graph.expandAll();
        assertEquals(300, drawn().size());
        graph.groupedProperty().set(false);
        assertEquals(300, drawn().size());
        assertEquals(List.of(), graph.picture().boxes());
    }

    @Test
    void focusShowsTheNeighbourhoodUngroupedAndUnfocusGoesBack() throws Exception {
        openBig();
        String id = BigManifest.id(250);
        graph.focus(id);
        Set<String> expected = Neighbourhood.of(project.project().graph().graph(), id);
        assertTrue(expected.size() > 1 && expected.size() < 300, expected.toString());
        assertEquals(expected, drawn());
        assertEquals(List.of(), graph.picture().boxes());
        assertTrue(graph.unfocus());
        assertFalse(graph.unfocus(), "nothing left to leave");
        assertEquals(12, graph.picture().boxes().size(), "back to the groups as they were");
    }

    @Test
    void theFilterCountsTheFeaturesInTheChosenStatesAsTheyChange() throws Exception {
        openBig();
        assertEquals("300 features", graph.filterSummary());
        graph.filter().add(FeatureState.FAILED);
        assertEquals(0, graph.shownProperty().get());
        FeatureItem a = project.item(BigManifest.id(3)).orElseThrow();
        FeatureItem b = project.item(BigManifest.id(4)).orElseThrow();
        a.apply(new Transition(a.id(), FeatureState.PENDING, FeatureState.FAILED, Instant.EPOCH, "x"));
        b.apply(new Transition(b.id(), FeatureState.PENDING, FeatureState.BLOCKED, Instant.EPOCH, "y"));
        assertEquals(1, graph.shownProperty().get());
        assertEquals("1 of 300 features", graph.filterSummary());
        graph.filter().add(FeatureState.BLOCKED);
        assertEquals("2 of 300 features", graph.filterSummary());
        assertEquals(Set.of(a.id(), b.id()), graph.picture().boxes().stream().flatMap(x -> x.members().stream())
                .collect(Collectors.toSet()), "the picture is made of the features in the chosen states");
        graph.groupedProperty().set(false);
        assertEquals(Set.of(a.id(), b.id()), drawn());
        assertTrue(graph.passes(a) && graph.passes(b));
        assertFalse(graph.passes(project.item(BigManifest.id(5)).orElseThrow()));
        graph.filter().clear();
        assertEquals(300, drawn().size());
    }

    @Test
    void findWrapsRoundAndRevealExpandsTheGroupLeavesFocusAndSelects() throws Exception {
        openBig();
        graph.queryProperty().set("sorts-");
        assertEquals(25, graph.matches().size());
        assertEquals("1 of 25", graph.matchSummary());
        assertEquals(graph.matches().get(24), graph.nextMatch(false).orElseThrow(), "previous from the first is the last");
        assertEquals(graph.matches().get(0), graph.nextMatch(true).orElseThrow());

        String target = BigManifest.id(13); // strings
        graph.focus(BigManifest.id(0));
        boolean again = graph.reveal(target);
        assertTrue(again);
        assertNull(graph.focusProperty().get(), "not in the focus: the focus is left");
        assertFalse(graph.collapsed().contains("strings"), "its group is expanded");
        assertTrue(drawn().contains(target));
        assertNotNull(project.selectedProperty().get());
        assertEquals(target, project.selectedProperty().get().id(), "selected: the details panel shows it");
        graph.queryProperty().set("no such thing");
        assertEquals("no match", graph.matchSummary());
    }

    @Test
    void theSameManifestOpenedAgainGivesANewPictureOfItsNewItems() throws Exception {
        openBig();
        GraphPicture first = graph.picture();
        int[] pictures = {0};
        graph.pictureProperty().addListener((o, was, now) -> pictures[0]++);
        project.open(dir.resolve("m.json"));
        assertEquals(1, pictures[0], "the new picture is passed on though it comes out the same");
        assertTrue(first != graph.picture());
    }
}
