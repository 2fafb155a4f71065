package dev.redyellow.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.graph.FeatureGraph;
import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.ImplementerSettings;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ReviewSettings;
import dev.redyellow.manifest.TestSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class DependencySchedulerTest {

    /** A graph from "id: dep dep" lines. */
    private static FeatureGraph graph(String... lines) {
        List<Feature> features = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(":");
            List<String> deps = parts.length > 1 && !parts[1].isBlank() ? List.of(parts[1].trim().split(" ")) : List.of();
            features.add(new Feature(parts[0].trim(), parts[0].trim(), "", deps, List.of(), new TestSettings.JUnit(60),
                    new ImplementerSettings.Replay(), new ReviewSettings.Auto(), FileSet.empty(), List.of(), null));
        }
        return FeatureGraph.of(new Manifest(Path.of("/m.json"), 1, "m", null, 1, 1, 2, false, features, ""));
    }

    /** Records the order nodes ran in; fails the nodes named. */
    private static class Recorder implements DependencyScheduler.Work {
        final List<String> ran = Collections.synchronizedList(new ArrayList<>());
        final Map<String, String> skipped = Collections.synchronizedMap(new LinkedHashMap<>());
        final Set<String> failing;

        Recorder(String... failing) {
            this.failing = Set.of(failing);
        }

        @Override
        public DependencyScheduler.Result run(String id, int worker) {
            ran.add(id);
            return DependencyScheduler.Result.of(!failing.contains(id));
        }

        @Override
        public void skip(String id, String cause) {
            skipped.put(id, String.valueOf(cause));
        }
    }

    /**
     * A node that cannot be settled (its skip of a dependent fails as an allocation would, out of
     * memory) would leave the run waiting for ever for that dependent: the run stops instead, once no
     * node runs, cancelled.
     */
    @Test
    void aNodeThatCannotBeSettledStopsTheRunInsteadOfHangingIt() throws Exception {
        FeatureGraph g = graph("a", "b: a", "c");
        Recorder r = new Recorder("a") {
            @Override
            public void skip(String id, String cause) {
                if (id.equals("b")) {
                    throw new OutOfMemoryError("Java heap space (thrown by the test)");
                }
                super.skip(id, cause);
            }
        };
        DependencyScheduler scheduler = new DependencyScheduler(g, Map.of("a", 9.0), 1, Clock.systemUTC());
        DependencyScheduler.Schedule s = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30), () -> scheduler.run(r));
        assertTrue(s.cancelled(), "the run says it was stopped");
        assertEquals("Java heap space (thrown by the test)", scheduler.failure().orElseThrow().getMessage(), "and why");
        assertEquals(List.of("a"), r.ran, "nothing ran after the node that could not be settled");
    }

    @Test
    void readyNodesRunLongestRemainingPathFirst() throws Exception {
        FeatureGraph g = graph("a", "b", "c", "d: a b c");
        Recorder r = new Recorder();
        new DependencyScheduler(g, Map.of("a", 1.0, "b", 3.0, "c", 2.0, "d", 0.5), 1, Clock.systemUTC()).run(r);
        assertEquals(List.of("b", "c", "a", "d"), r.ran);
    }

    @Test
    void dependentsReleasedTogetherAlsoGoInPriorityOrder() throws Exception {
        FeatureGraph g = graph("root", "x: root", "y: root", "z: root");
        Recorder r = new Recorder();
        new DependencyScheduler(g, Map.of("root", 9.0, "x", 1.0, "y", 5.0, "z", 3.0), 1, Clock.systemUTC()).run(r);
        assertEquals(List.of("root", "y", "z", "x"), r.ran);
    }

    @Test
    void aFailureSkipsEverythingDownstreamNamingTheCause() throws Exception {
        FeatureGraph g = graph("a", "b: a", "c: b", "d");
        Recorder r = new Recorder("a");
        DependencyScheduler.Schedule s = new DependencyScheduler(g, Map.of(), 2, Clock.systemUTC()).run(r);
        assertEquals(Set.of("a", "d"), Set.copyOf(r.ran));
        assertEquals(Map.of("b", "a", "c", "b"), r.skipped);
        assertEquals(2, s.timeline().size());
    }

    @Test
    void aNodeStartsAsSoonAsItsOwnDependenciesAreDoneNotAWholeLevel() throws Exception {
        // slow (level 0) must not hold back quick -> after (levels 0 and 1): "after" starts while slow runs
        FeatureGraph g = graph("slow", "quick", "after: quick");
        CountDownLatch afterRan = new CountDownLatch(1);
        List<String> seenBySlow = Collections.synchronizedList(new ArrayList<>());
        DependencyScheduler.Work work = new DependencyScheduler.Work() {
            @Override
            public DependencyScheduler.Result run(String id, int worker) throws InterruptedException {
                if (id.equals("slow")) {
                    assertTrue(afterRan.await(30, java.util.concurrent.TimeUnit.SECONDS), "after ran while slow was running");
                    seenBySlow.add("after finished first");
                } else if (id.equals("after")) {
                    afterRan.countDown();
                }
                return DependencyScheduler.Result.SUCCEEDED;
            }

            @Override
            public void skip(String id, String cause) {
                throw new AssertionError("nothing is skipped");
            }
        };
        new DependencyScheduler(g, Map.of("slow", 10.0, "quick", 1.0, "after", 1.0), 2, Clock.systemUTC()).run(work);
        assertEquals(List.of("after finished first"), seenBySlow);
    }

    @Test
    void cancellingSkipsWhatHasNotStartedWithNoCause() throws Exception {
        FeatureGraph g = graph("a", "b: a", "c");
        CountDownLatch started = new CountDownLatch(1);
        Recorder skipped = new Recorder();
        DependencyScheduler scheduler = new DependencyScheduler(g, Map.of("a", 2.0, "c", 1.0), 1, Clock.systemUTC());
        Thread stopper = new Thread(() -> {
            try {
                started.await();
                scheduler.cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();
        DependencyScheduler.Schedule s = scheduler.run(new DependencyScheduler.Work() {
            @Override
            public DependencyScheduler.Result run(String id, int worker) throws InterruptedException {
                started.countDown();
                Thread.sleep(60_000); // interrupted by cancel
                return DependencyScheduler.Result.SUCCEEDED;
            }

            @Override
            public void skip(String id, String cause) {
                skipped.skip(id, cause);
            }
        });
        stopper.join();
        assertTrue(s.cancelled());
        assertEquals(Map.of("b", "null", "c", "null"), skipped.skipped);
    }

    @Test
    void aStopBeforeTheRunHasStartedCancelsEverythingInsteadOfFailing() throws Exception {
        // F5 then Esc within 50 ms: cancel() reached the scheduler before run() had its work
        FeatureGraph g = graph("a", "b: a");
        DependencyScheduler scheduler = new DependencyScheduler(g, Map.of(), 2, Clock.systemUTC());
        scheduler.cancel();
        Recorder r = new Recorder();
        DependencyScheduler.Schedule s = scheduler.run(r);
        assertTrue(s.cancelled());
        assertTrue(r.ran.isEmpty(), r.ran.toString());
        assertEquals(Map.of("a", "null", "b", "null"), r.skipped);
    }

    /** Runs nodes as scripted: each call takes the next result of its node's list. */
    private static final class Script implements DependencyScheduler.Work {
        final Map<String, java.util.Deque<DependencyScheduler.Result>> results = new java.util.concurrent.ConcurrentHashMap<>();
        final List<String> ran = Collections.synchronizedList(new ArrayList<>());
        final Map<String, String> skipped = Collections.synchronizedMap(new LinkedHashMap<>());
        java.util.function.Consumer<String> onRun = id -> { };

        Script node(String id, DependencyScheduler.Result... script) {
            results.put(id, new java.util.ArrayDeque<>(List.of(script)));
            return this;
        }

        @Override
        public DependencyScheduler.Result run(String id, int worker) {
            ran.add(id);
            onRun.accept(id);
            java.util.Deque<DependencyScheduler.Result> left = results.get(id);
            return left.size() > 1 ? left.poll() : left.peek();
        }

        @Override
        public void skip(String id, String cause) {
            skipped.put(id, String.valueOf(cause));
        }
    }

    @Test
    void aNodeThatAddsAnEdgeAndWaitsRunsAgainOnceItsNewDependencySucceeded() throws Exception {
        FeatureGraph g = graph("user", "lib");
        DependencyScheduler scheduler = new DependencyScheduler(g, id -> 1.0, 1, Clock.systemUTC());
        Script script = new Script().node("user", DependencyScheduler.Result.WAITING, DependencyScheduler.Result.SUCCEEDED)
                .node("lib", DependencyScheduler.Result.SUCCEEDED);
        script.onRun = id -> {
            if (id.equals("user") && script.ran.size() == 1) {
                assertTrue(scheduler.addEdges(List.of(dev.redyellow.graph.DependencyEdge.discovered("lib", "user",
                        "user needs lib"))).isEmpty());
            }
        };
        DependencyScheduler.Schedule s = scheduler.run(script);
        assertEquals(List.of("user", "lib", "user"), script.ran);
        assertTrue(script.skipped.isEmpty());
        assertEquals(3, s.timeline().size(), "a slice per run");
        assertEquals(Set.of("lib"), scheduler.graph().dependenciesOf("user"));
    }

    @Test
    void anEdgeThatWouldCloseACycleIsNotAdded() {
        FeatureGraph g = graph("a", "b: a");
        DependencyScheduler scheduler = new DependencyScheduler(g, id -> 1.0, 1, Clock.systemUTC());
        assertEquals(java.util.Optional.of("a -> b -> a"), scheduler.addEdges(List.of(
                dev.redyellow.graph.DependencyEdge.discovered("b", "a", "a needs b"))));
        assertEquals(Set.of(), scheduler.graph().dependenciesOf("a"));
    }

    @Test
    void aWaitingNodeIsSkippedWhenItsNewDependencyFails() throws Exception {
        FeatureGraph g = graph("user", "lib");
        DependencyScheduler scheduler = new DependencyScheduler(g, id -> 1.0, 1, Clock.systemUTC());
        Script script = new Script().node("user", DependencyScheduler.Result.WAITING)
                .node("lib", DependencyScheduler.Result.FAILED);
        script.onRun = id -> {
            if (id.equals("user")) {
                scheduler.addEdges(List.of(dev.redyellow.graph.DependencyEdge.discovered("lib", "user", "needs lib")));
            }
        };
        scheduler.run(script);
        assertEquals(List.of("user", "lib"), script.ran);
        assertEquals(Map.of("user", "lib"), script.skipped);
    }

    @Test
    void anAwaitingNodeLooksAgainAfterEachSuccessAndOnceMoreWhenNothingElseCanFinish() throws Exception {
        FeatureGraph g = graph("hopeful", "other");
        DependencyScheduler scheduler = new DependencyScheduler(g, Map.of("hopeful", 2.0, "other", 1.0), 1,
                Clock.systemUTC());
        List<Boolean> othersMayFinish = Collections.synchronizedList(new ArrayList<>());
        Script script = new Script().node("hopeful", DependencyScheduler.Result.AWAITING_OTHERS,
                        DependencyScheduler.Result.AWAITING_OTHERS, DependencyScheduler.Result.FAILED)
                .node("other", DependencyScheduler.Result.SUCCEEDED);
        script.onRun = id -> {
            if (id.equals("hopeful")) {
                othersMayFinish.add(scheduler.othersMayFinish("hopeful"));
            }
        };
        scheduler.run(script);
        // first: other is queued; after other succeeded: looks again, nothing else left; then once more
        assertEquals(List.of("hopeful", "other", "hopeful", "hopeful"), script.ran);
        assertEquals(List.of(true, false, false), othersMayFinish);
    }
}
