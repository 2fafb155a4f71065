package dev.redyellow.ui;

import dev.redyellow.testkit.PyManifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.ProjectFiles;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.store.FeatureRecord;
import dev.redyellow.store.RunRecord;
import dev.redyellow.store.TransitionRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening manifests, without a window. */
class ProjectViewModelTest {
    @TempDir
    Path dir;
    private final ProjectViewModel project = new ProjectViewModel(new InlineTasks());

    @Test
    void opensAManifestWithOneItemPerFeatureLaidOut() {
        Path sample = ProjectFiles.samples().resolve("string-tools/manifest.json");
        project.open(sample);
        assertEquals(13, project.items().size());
        assertEquals(13, project.project().layout().positions().size());
        assertEquals(List.of(sample.toAbsolutePath().normalize()), project.recent());
        assertTrue(project.errors().isEmpty());
    }

    @Test
    void aBadManifestFillsTheErrorsAndLeavesTheOpenProject() throws Exception {
        project.open(ProjectFiles.samples().resolve("py-textstats/manifest.json"));
        LoadedProject before = project.project();
        Path bad = dir.resolve("bad.redyellow");
        Files.writeString(bad, "{ \"version\": 1, \"name\": \"x\", \"features\": [ { \"id\": \"A B\" } ] }");

        project.open(bad);

        assertEquals(before, project.project());
        assertEquals(before.manifest().features().size(), project.items().size());
        assertTrue(project.errorsTitleProperty().get().startsWith("Not opened: bad.redyellow has"));
        assertTrue(project.errors().stream().allMatch(e -> e.startsWith(bad.toString() + ":1:")), project.errors().toString());
        assertEquals(1, project.recent().size(), "a file that did not open is not a recent file");
    }

    /** Holds the tasks it is given until the test finishes them, in the order the test chooses. */
    private static final class HeldTasks implements TaskExecutor {
        private final List<Runnable> finishers = new ArrayList<>();

        @Override
        public <T> void run(String name, java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> onDone,
                            java.util.function.Consumer<Throwable> onFailed) {
            finishers.add(() -> {
                try {
                    onDone.accept(work.call());
                } catch (Exception e) {
                    onFailed.accept(e);
                }
            });
        }
    }

    private final HeldTasks held = new HeldTasks();

    /** The sample asked for first, py-textstats second; neither finished yet. */
    private ProjectViewModel twoLoadsUnderWay() {
        ProjectViewModel slow = new ProjectViewModel(held);
        slow.open(ProjectFiles.samples().resolve("string-tools/manifest.json"));
        slow.open(ProjectFiles.samples().resolve("py-textstats/manifest.json"));
        return slow;
    }

    @Test
    void aLoadThatFinishesAfterANewerOneIsDropped() {
        ProjectViewModel slow = twoLoadsUnderWay();

        held.finishers.get(1).run();
        assertEquals("py-textstats", slow.project().manifest().name());
        assertTrue(!slow.loadingProperty().get(), "the newest load is done");
        held.finishers.get(0).run();

        assertEquals("py-textstats", slow.project().manifest().name(), "the older load, finished last, is dropped");
        assertEquals(slow.project().manifest().features().size(), slow.items().size());
    }

    @Test
    void whileANewerLoadRunsTheWindowStillSaysLoading() {
        ProjectViewModel slow = twoLoadsUnderWay();

        held.finishers.get(0).run();

        assertTrue(slow.loadingProperty().get());
        assertEquals(null, slow.project(), "nothing shown until the newest load is done");
    }

    @Test
    void keepsTheRecentFilesNewestFirstWithoutDuplicates() {
        Path a = ProjectFiles.samples().resolve("string-tools/manifest.json");
        Path b = ProjectFiles.samples().resolve("py-textstats/manifest.json");
        project.open(a);
        project.open(b);
        project.open(a);
        assertEquals(List.of(a.toAbsolutePath().normalize(), b.toAbsolutePath().normalize()), project.recent());
    }

    @Test
    void anEarlierRunOpensItsManifestWithTheRecordedStates() throws Exception {
        Path manifest = new PyManifest().valueFeature("a", List.of(), "pass", "42").valueFeature("b", List.of("a"), "pass", "42")
                .write(dir.resolve("p/manifest.json"));
        Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
        RunRecord run = new RunRecord("r1", manifest.toString(), "py-test", t0, t0.plusSeconds(9), false, 9, 1, 1, 2, List.of(
                new FeatureRecord("a", "GREEN", "approved", 2, 3, 0, 4, List.of(), List.of(
                        new TransitionRecord("PENDING", "RED", t0, "red proved"),
                        new TransitionRecord("RED", "YELLOW", t0.plusSeconds(2), "tests pass"),
                        new TransitionRecord("YELLOW", "GREEN", t0.plusSeconds(3), "approved"))),
                new FeatureRecord("b", "BLOCKED", "dependency-failed: a", 0, 0, 0, 0, List.of(), List.of(
                        new TransitionRecord("PENDING", "BLOCKED", t0.plusSeconds(1), "dependency-failed: a"),
                        new TransitionRecord("BLOCKED", "SLEEPING", t0.plusSeconds(2), "a state from another version"))),
                new FeatureRecord("gone", "GREEN", "", 1, 2, 0, 1, List.of(), List.of())));
        List<String> said = new ArrayList<>();

        project.openRun(run, said::add, () -> said.add("shown"));

        assertEquals(manifest, project.project().manifest().file());
        FeatureItem a = project.item("a").orElseThrow();
        assertEquals(FeatureState.GREEN, a.state());
        assertEquals(List.of("PENDING>RED", "RED>YELLOW", "YELLOW>GREEN"),
                a.transitions().stream().map(t -> t.from() + ">" + t.to()).toList());
        assertEquals(2, a.attemptProperty().get());
        assertEquals(FeatureState.BLOCKED, project.item("b").orElseThrow().state());
        assertEquals("dependency-failed: a", project.item("b").orElseThrow().reasonProperty().get());
        assertEquals(2, said.size());
        assertTrue(said.get(0).contains("2 of 2 features") && said.get(0).endsWith("not in the manifest any more: gone"), said.get(0));
        assertEquals("shown", said.get(1));
        assertTrue(said.get(0).contains("; 1 recorded transitions named states this version does not know"), said.get(0));
    }

    @Test
    void anEarlierRunWhoseManifestIsGoneSaysSoAndChangesNothing() {
        project.open(ProjectFiles.samples().resolve("py-textstats/manifest.json"));
        LoadedProject before = project.project();
        Path missing = dir.resolve("deleted/manifest.json");
        RunRecord run = new RunRecord("r2", missing.toString(), "x", Instant.EPOCH, Instant.EPOCH, true, 1, 1, 1, 1, List.of());
        List<String> said = new ArrayList<>();

        project.openRun(run, said::add, () -> said.add("shown"));

        assertEquals(List.of("The manifest of that run is no longer there: " + missing), said);
        assertEquals(before, project.project());
    }

    @Test
    void anEarlierRunWhoseManifestLoadIsOvertakenSaysSo() {
        ProjectViewModel slow = new ProjectViewModel(held);
        Path manifest = ProjectFiles.samples().resolve("py-textstats/manifest.json");
        RunRecord run = new RunRecord("r3", manifest.toString(), "py-textstats", Instant.EPOCH, Instant.EPOCH, false,
                1, 1, 1, 1, List.of());
        List<String> said = new ArrayList<>();
        slow.openRun(run, said::add, () -> said.add("shown"));
        slow.open(ProjectFiles.samples().resolve("string-tools/manifest.json"));

        held.finishers.get(1).run();
        held.finishers.get(0).run();

        assertEquals(List.of("Not shown: another manifest was opened while that run's was loading"), said);
        assertEquals("string-tools", slow.project().manifest().name());
    }
}
