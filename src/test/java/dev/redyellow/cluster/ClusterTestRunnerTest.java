package dev.redyellow.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestRequest;
import dev.redyellow.testing.TestResult;
import dev.redyellow.testing.TestRunners;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator with worker members in JVMs of their own on loopback: real processes, free ports,
 * real python3 tests. Each test starts its members and stops them (or kills them) itself.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ClusterTestRunnerTest {
    private static final String SECRET = "cluster-test-secret";

    @TempDir
    Path temp;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopEverything() throws Exception {
        threads.shutdownNow();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void spreadsRunsOverTwoMembersAndSendsEachContentOnce() throws Exception {
        LocalWorker a = worker("a", "", SECRET);
        LocalWorker b = worker("b", a.address(), SECRET);
        ClusterTestRunner coordinator = coordinator(SECRET, a, b);
        Path workspace = workspace("w", 0.5);

        List<Run> runs = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            Future<Run> one = threads.submit(() -> start(coordinator, workspace));
            Future<Run> two = threads.submit(() -> start(coordinator, workspace));
            for (Run run : List.of(one.get(), two.get())) {
                assertEquals(TestOutcome.PASSED, run.result().outcome(), run.output());
                runs.add(run);
            }
        }

        for (int round = 0; round < 2; round++) {
            assertEquals(Set.of("a", "b"), Set.of(runs.get(2 * round).member(), runs.get(2 * round + 1).member()),
                    "two runs at once go to two members of one slot each");
        }
        assertTrue(runs.get(0).output().contains("Ran 1 test"), "the member's output streams back: " + runs.get(0).output());
        assertEquals(Set.of(a.address(), b.address()),
                coordinator.members().stream().map(MemberFigures::address).collect(Collectors.toSet()));
        assertEquals(4, coordinator.members().stream().mapToInt(MemberFigures::testRuns).sum());
        List<MemberRun> placed = coordinator.runs();
        assertEquals(4, placed.size());
        placed.forEach(r -> assertTrue(r.feature().equals("slow") && r.end() >= r.start()
                && Set.of(a.address(), b.address()).contains(r.address()), r.toString()));
        // one file, one content: each member fetched it once, however many runs it served
        assertEquals(2, coordinator.blobsFetched());
    }

    @Test
    void reRunsWhatAKilledMemberHeldOnAnotherMember() throws Exception {
        LocalWorker a = worker("a", "", SECRET);
        LocalWorker b = worker("b", a.address(), SECRET);
        ClusterTestRunner coordinator = coordinator(SECRET, a, b);
        Path workspace = workspace("w", 3);
        Sink first = new Sink();
        Sink second = new Sink();
        Future<TestResult> one = threads.submit(() -> coordinator.run(request(workspace, first)));
        Future<TestResult> two = threads.submit(() -> coordinator.run(request(workspace, second)));
        first.awaitStart();
        second.awaitStart();
        Sink onA = first.text().contains("member=a") ? first : second;
        a.kill();

        assertEquals(TestOutcome.PASSED, one.get().outcome(), first.text());
        assertEquals(TestOutcome.PASSED, two.get().outcome(), second.text());
        assertTrue(onA.text().contains("left during this test run; running it again"), onA.text());
        assertTrue(onA.text().contains("member=b"), "run again on b: " + onA.text());
        List<MemberFigures> figures = coordinator.members();
        assertEquals(List.of(b.address()), figures.stream().map(MemberFigures::address).toList(),
                "the killed member finished nothing");
        assertEquals(2, figures.get(0).testRuns(), "each request has one result, none twice");
    }

    @Test
    void aMemberThatJoinsMidRunGetsWork() throws Exception {
        LocalWorker a = worker("a", "", SECRET);
        ClusterTestRunner coordinator = coordinator(SECRET, a);
        Path workspace = workspace("w", 0.3);
        assertEquals(TestOutcome.PASSED, coordinator.run(request(workspace, new Sink())).outcome());
        // two streams of runs, as a scheduler with two workers sends them, until one reaches the late member
        java.util.concurrent.atomic.AtomicBoolean lateRan = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.Callable<List<Run>> stream = () -> {
            List<Run> done = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!lateRan.get() && System.nanoTime() < deadline) {
                Run run = start(coordinator, workspace);
                done.add(run);
                if (run.member().equals("late")) {
                    lateRan.set(true);
                }
            }
            return done;
        };
        Future<List<Run>> one = threads.submit(stream);
        Future<List<Run>> two = threads.submit(stream);
        LocalWorker late = worker("late", a.address(), SECRET);

        List<Run> runs = new ArrayList<>(one.get());
        runs.addAll(two.get());
        assertTrue(runs.stream().anyMatch(r -> r.member().equals("late")), "the late member ran something");
        assertTrue(coordinator.members().stream().anyMatch(m -> m.address().equals(late.address())));
        runs.forEach(r -> assertEquals(TestOutcome.PASSED, r.result().outcome(), r.output()));
    }

    @Test
    void aMemberWithAnotherSecretIsRefused() throws Exception {
        LocalWorker a = worker("a", "", SECRET);
        LocalWorker stranger = worker("stranger", a.address(), "not-the-secret");
        ClusterTestRunner coordinator = coordinator(SECRET, a, stranger);

        assertTrue(stranger.firstLine().contains("cluster of 1 members"), stranger.firstLine());
        assertEquals(List.of(a.address()), coordinator.workers());
        Path workspace = workspace("w", 0);
        for (int i = 0; i < 3; i++) {
            Run run = start(coordinator, workspace);
            assertEquals("a", run.member(), run.output());
        }
    }

    @Test
    void withoutAMemberTheCoordinatorRunsTestsItself() throws Exception {
        LocalWorker a = worker("a", "", SECRET);
        ClusterTestRunner coordinator = coordinator("another-secret", a);

        assertEquals(List.of(), coordinator.workers());
        Run run = start(coordinator, workspace("w", 0));
        assertEquals(TestOutcome.PASSED, run.result().outcome(), run.output());
        assertEquals(List.of(coordinator.address()), coordinator.members().stream().map(MemberFigures::address).toList());
    }

    @Test
    void sigtermStopsAMemberAndItsTestProcessesAndTheRunEndsElsewhere() throws Exception {
        LocalWorker a = worker("a", "", SECRET);
        ClusterTestRunner coordinator = coordinator(SECRET, a);
        Path pidFile = temp.resolve("test.pid");
        Path workspace = Files.createDirectories(temp.resolve("w"));
        // long on the member, short where it runs again (the coordinator has no $MEMBER)
        Files.writeString(workspace.resolve("test_slow.py"), """
                import os, time, unittest
                class Slow(unittest.TestCase):
                    def test_slow(self):
                        member = os.environ.get("MEMBER")
                        if member:
                            with open(%s, "w") as pid:
                                pid.write(str(os.getpid()))
                        print("started member=" + (member or "coordinator"), flush=True)
                        if member:
                            time.sleep(120)
                """.formatted("'" + pidFile + "'"));
        Sink sink = new Sink();
        Future<TestResult> run = threads.submit(() -> coordinator.run(request(workspace, sink)));
        sink.awaitStart();
        long testPid = Long.parseLong(Files.readString(pidFile).strip());

        a.process().destroy(); // SIGTERM
        assertTrue(a.process().waitFor(30, TimeUnit.SECONDS), "the member stopped");
        assertTrue(ProcessHandle.of(testPid).map(p -> !p.isAlive()).orElse(true), "its test process is gone");
        assertEquals(TestOutcome.PASSED, run.get().outcome(), sink.text());
        assertTrue(sink.text().contains("running it again"), sink.text());
        assertTrue(sink.text().contains("started member=coordinator"), sink.text());
    }

    @Test
    void aMemberInAnotherTimeZoneGetsNoRunsAndTheRunEndsHere() throws Exception {
        String zone = "Asia/Tokyo".equals(System.getenv("TZ")) ? "Europe/Berlin" : "Asia/Tokyo";
        LocalWorker tokyo = LocalWorker.start("tokyo", "", SECRET, 1, Map.of("TZ", zone));
        toClose.add(tokyo);
        ClusterTestRunner coordinator = coordinator(SECRET, tokyo);
        Path workspace = workspace("w", 0);

        Run first = start(coordinator, workspace);
        assertEquals(TestOutcome.PASSED, first.result().outcome(), first.output());
        assertEquals("coordinator", first.member(), first.output());
        assertTrue(first.output().contains("runs tests in another environment than this run's cache keys say"),
                first.output());
        assertTrue(first.output().contains("env:TZ"), first.output());
        Run second = start(coordinator, workspace);
        assertEquals("coordinator", second.member(), second.output());
        assertTrue(!second.output().contains("another environment"), second.output());
    }

    @Test
    void aWorkerOfAnOlderVersionThatCannotCheckItsEnvironmentGetsNoRuns() throws Exception {
        // a worker as one before the check would join: the worker role, slots, no CHECKS_ENVIRONMENT attribute
        int port = LocalWorker.freePort();
        com.hazelcast.config.Config config = MemberConfig.of(ClusterSettings.worker("127.0.0.1", port, "",
                Map.of(ClusterSettings.SECRET_ENV, SECRET)), MemberConfig.WORKER, 1, Map.of());
        config.getMemberAttributeConfig().removeAttribute(MemberConfig.CHECKS_ENVIRONMENT);
        com.hazelcast.core.HazelcastInstance older = com.hazelcast.core.Hazelcast.newHazelcastInstance(config);
        toClose.add(older::shutdown);
        TestRunners local = TestRunners.standard();
        toClose.add(local);
        ClusterTestRunner coordinator = ClusterTestRunner.start(ClusterSettings.coordinator("127.0.0.1:" + port,
                Map.of(ClusterSettings.SECRET_ENV, SECRET)), local);
        toClose.add(coordinator);
        assertEquals(2, older.getCluster().getMembers().size(), "the older worker and the coordinator formed one cluster");

        Run run = start(coordinator, workspace("w", 0));
        assertEquals(TestOutcome.PASSED, run.result().outcome(), run.output());
        assertEquals("coordinator", run.member(), run.output());
        assertEquals(List.of(), coordinator.workers());
    }

    @Test
    void aCoordinatorWithSlotsOfItsOwnRunsSomeTestsItself() throws Exception {
        LocalWorker a = worker("a", "", SECRET);
        TestRunners local = TestRunners.standard();
        toClose.add(local);
        ClusterTestRunner coordinator = ClusterTestRunner.start(ClusterSettings.coordinator(a.address(),
                Map.of(ClusterSettings.SECRET_ENV, SECRET, ClusterSettings.LOCAL_SLOTS_ENV, "1")), local);
        toClose.add(coordinator);
        Path workspace = workspace("w", 1);

        Future<Run> one = threads.submit(() -> start(coordinator, workspace));
        Future<Run> two = threads.submit(() -> start(coordinator, workspace));
        Run first = one.get();
        Run second = two.get();

        assertEquals(TestOutcome.PASSED, first.result().outcome(), first.output());
        assertEquals(TestOutcome.PASSED, second.result().outcome(), second.output());
        assertEquals(Set.of("a", "coordinator"), Set.of(first.member(), second.member()));
        assertEquals(Set.of(a.address(), coordinator.address()),
                coordinator.members().stream().map(MemberFigures::address).collect(Collectors.toSet()));
    }

    private LocalWorker worker(String name, String join, String secret) throws IOException, InterruptedException {
        LocalWorker worker = LocalWorker.start(name, join, secret, 1);
        toClose.add(worker);
        return worker;
    }

    private ClusterTestRunner coordinator(String secret, LocalWorker... members) {
        TestRunners local = TestRunners.standard();
        toClose.add(local);
        String join = java.util.Arrays.stream(members).map(LocalWorker::address).collect(Collectors.joining(","));
        ClusterTestRunner coordinator = ClusterTestRunner.start(ClusterSettings.coordinator(join,
                Map.of(ClusterSettings.SECRET_ENV, secret)), local);
        toClose.add(coordinator);
        return coordinator;
    }

    /** A workspace with one python test that says which member runs it, then sleeps. */
    private Path workspace(String name, double seconds) throws IOException {
        Path workspace = Files.createDirectories(temp.resolve(name));
        Files.writeString(workspace.resolve("test_slow.py"), """
                import os, time, unittest
                class Slow(unittest.TestCase):
                    def test_slow(self):
                        print("started member=" + os.environ.get("MEMBER", "coordinator"), flush=True)
                        time.sleep(%s)
                """.formatted(seconds));
        return workspace;
    }

    private static TestRequest request(Path workspace, OutputSink sink) {
        return new TestRequest(workspace, new TestSettings.Command(List.of("python3", "-m", "unittest", "{testModules}"),
                Map.of(), 60, null), List.of("test_slow.py"), sink, "slow");
    }

    private Run start(ClusterTestRunner coordinator, Path workspace) throws InterruptedException {
        Sink sink = new Sink();
        TestResult result = coordinator.run(request(workspace, sink));
        return new Run(result, sink.text());
    }

    private record Run(TestResult result, String output) {
        /** The member the test said it ran on (stdout and stderr interleave, so only the name's characters). */
        String member() {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("member=([a-z]+)").matcher(output);
            return m.find() ? m.group(1) : "";
        }
    }

    /** Collects a run's output and lets a test wait until the test in it has started. */
    private static final class Sink implements OutputSink {
        private final StringBuffer text = new StringBuffer();

        @Override
        public synchronized void write(Stream stream, byte[] bytes, int offset, int length) {
            text.append(new String(bytes, offset, length, StandardCharsets.UTF_8));
            notifyAll();
        }

        synchronized void awaitStart() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!text.toString().contains("started member=") && System.nanoTime() < deadline) {
                wait(100);
            }
            assertTrue(text.toString().contains("started member="), "the test did not start: " + text);
        }

        String text() {
            return text.toString();
        }
    }
}
