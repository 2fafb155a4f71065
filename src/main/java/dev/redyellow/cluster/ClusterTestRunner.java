package dev.redyellow.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import com.hazelcast.topic.ITopic;
import dev.redyellow.exec.OutputSink;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestRequest;
import dev.redyellow.testing.TestResult;
import dev.redyellow.testing.TestRunner;
import dev.redyellow.testing.TestRunners;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The coordinator's test runner: sends each test run to the least busy worker member (or runs it
 * here, with this process's own runners, when the coordinator has slots of its own or no worker is
 * left). A member that leaves mid-run (killed, cut off) has the run sent again to another member or
 * run here, so the caller, and the feature's state machine, sees one result per run. A member that
 * joins is chosen from its next run on. Thread-safe.
 */
public final class ClusterTestRunner implements TestRunner, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ClusterTestRunner.class.getName());
    /** How long the result waits for output still on its way through the topic. */
    private static final long OUTPUT_GRACE_MILLIS = 10_000;
    private static final int BLOB_RETRIES = 3;

    private final HazelcastInstance instance;
    private final TestRunners local;
    private final int localSlots;
    private final String topicName;
    private final UUID listener;
    private final IExecutorService executor;
    private final Map<String, RemoteOutput> outputs = new ConcurrentHashMap<>();
    private final Set<String> published = ConcurrentHashMap.newKeySet();
    private final Map<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    /**
     * Each member with each environment of run settings it differed from ({@code CacheKey.environmentOf}:
     * the test kind, its variables): it gets no runs with those settings.
     */
    private final Set<String> unlike = ConcurrentHashMap.newKeySet();
    /** Members of an older version that cannot check their environment, each warned of once. */
    private final Set<UUID> unchecking = ConcurrentHashMap.newKeySet();
    private final Map<String, long[]> figures = new LinkedHashMap<>();
    private final List<MemberRun> runs = new CopyOnWriteArrayList<>();
    private final long startedNanos = System.nanoTime();
    private final java.util.concurrent.atomic.AtomicLong blobsFetched = new java.util.concurrent.atomic.AtomicLong();

    private ClusterTestRunner(HazelcastInstance instance, TestRunners local, int localSlots) {
        this.instance = instance;
        this.local = local;
        this.localSlots = localSlots;
        this.topicName = "redyellow-output-" + instance.getCluster().getLocalMember().getUuid();
        ITopic<OutputChunk> topic = instance.getTopic(topicName);
        this.listener = topic.addMessageListener(message -> {
            RemoteOutput output = outputs.get(message.getMessageObject().runId());
            if (output != null) {
                output.accept(message.getMessageObject());
            }
        });
        this.executor = instance.getExecutorService(MemberConfig.EXECUTOR);
    }

    /** Joins the cluster as its coordinator; {@code local} runs what runs here. */
    public static ClusterTestRunner start(ClusterSettings settings, TestRunners local) {
        HazelcastLogging.quieten();
        if (settings.secret().isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "no " + ClusterSettings.SECRET_ENV
                    + ": the cluster accepts loopback members only");
        }
        HazelcastInstance instance = Hazelcast.newHazelcastInstance(MemberConfig.of(settings, MemberConfig.COORDINATOR,
                settings.localSlots(), Map.of()));
        return new ClusterTestRunner(instance, local, settings.localSlots());
    }

    /** The worker members there now, {@code host:port}. */
    public List<String> workers() {
        return workerMembers(Set.of()).stream().map(ClusterTestRunner::address).toList();
    }

    /** This coordinator's own address. */
    public String address() {
        return address(instance.getCluster().getLocalMember());
    }

    @Override
    public TestSettings effectiveSettings(TestSettings settings) {
        return local.effectiveSettings(settings);
    }

    @Override
    public TestResult run(TestRequest request) throws InterruptedException {
        Set<UUID> gone = new HashSet<>();
        Map<String, String> environment = dev.redyellow.cache.CacheKey.environmentOf(request.settings());
        String environmentId = dev.redyellow.files.Sha256.hex(environment.toString()); // sorted by name
        while (true) {
            Optional<Member> target;
            try {
                target = reserve(gone, environmentId);
            } catch (HazelcastInstanceNotActiveException e) {
                target = Optional.empty();
            }
            if (target.isEmpty()) {
                return runHere(request, null);
            }
            Member member = target.get();
            if (member.localMember()) {
                return runHere(request, member);
            }
            try {
                return runOn(member, request, environment);
            } catch (OtherEnvironment e) {
                unlike.add(member.getUuid() + " " + environmentId);
                String why = "member " + address(member) + " runs tests in another environment than this run's cache keys"
                        + " say (" + String.join(", ", e.differing) + " differ); it gets no more runs with these test settings,"
                        + " this one runs elsewhere";
                LOG.log(System.Logger.Level.WARNING, why);
                note(request.output(), "\n[redyellow] " + why + "\n");
            } catch (MemberGone e) {
                gone.add(member.getUuid());
                LOG.log(System.Logger.Level.WARNING, "member " + address(member) + " left during a test run of "
                        + request.featureId() + "; running it again");
                note(request.output(), "\n[redyellow] member " + address(member)
                        + " left during this test run; running it again\n");
            }
        }
    }

    /**
     * Chooses the member for a run and counts the run against it at once, so runs that start
     * together spread instead of all finding the same member idle.
     */
    private synchronized Optional<Member> reserve(Set<UUID> gone, String environmentId) {
        Optional<Member> chosen = choose(gone, environmentId);
        chosen.ifPresent(m -> inFlight(m).incrementAndGet());
        return chosen;
    }

    private AtomicInteger inFlight(Member member) {
        return inFlight.computeIfAbsent(member.getUuid(), k -> new AtomicInteger());
    }

    private Optional<Member> choose(Set<UUID> gone, String environmentId) {
        List<Member> workers = workerMembers(gone).stream()
                .filter(m -> !unlike.contains(m.getUuid() + " " + environmentId)).toList();
        if (workers.isEmpty()) {
            return Optional.empty();
        }
        List<Member> candidates = new ArrayList<>(workers);
        if (localSlots > 0) {
            candidates.add(instance.getCluster().getLocalMember());
        }
        return candidates.stream().min(Comparator.comparingDouble(this::load)
                .thenComparing(m -> runsOf(address(m))).thenComparing(ClusterTestRunner::address));
    }

    private List<Member> workerMembers(Set<UUID> gone) {
        return instance.getCluster().getMembers().stream()
                .filter(m -> MemberConfig.WORKER.equals(m.getAttribute(MemberConfig.ROLE)))
                .filter(m -> !gone.contains(m.getUuid()) && checksEnvironment(m)).toList();
    }

    private boolean checksEnvironment(Member member) {
        if (member.getAttribute(MemberConfig.CHECKS_ENVIRONMENT) != null) {
            return true;
        }
        if (unchecking.add(member.getUuid())) {
            LOG.log(System.Logger.Level.WARNING, "member " + address(member) + " runs an older RedYellow that does not"
                    + " check its environment against the run's cache keys; it gets no runs");
        }
        return false;
    }

    private double load(Member member) {
        int slots = member.localMember() ? localSlots : Integer.parseInt(member.getAttribute(MemberConfig.SLOTS));
        return (double) inFlight(member).get() / Math.max(1, slots);
    }

    /** Runs here; {@code reserved} is this member when {@link #reserve} counted the run already, else null. */
    private TestResult runHere(TestRequest request, Member reserved) throws InterruptedException {
        Member self = reserved != null ? reserved
                : instance.getLifecycleService().isRunning() ? instance.getCluster().getLocalMember() : null;
        String address = self == null ? "local" : address(self);
        AtomicInteger count = self == null ? new AtomicInteger() : inFlight(self);
        if (reserved == null) {
            count.incrementAndGet();
        }
        double start = seconds();
        try {
            TestResult result = local.run(request);
            ran(request.featureId(), address, start);
            return result;
        } finally {
            count.decrementAndGet();
        }
    }

    /** Runs on a worker member that {@link #reserve} counted the run against. */
    private TestResult runOn(Member member, TestRequest request, Map<String, String> environment)
            throws InterruptedException, MemberGone, OtherEnvironment {
        AtomicInteger count = inFlight(member);
        double start = seconds();
        try {
            for (int tries = 0; ; tries++) {
                String runId = UUID.randomUUID().toString();
                RemoteOutput output = new RemoteOutput(request.output());
                outputs.put(runId, output);
                try {
                    WireResult wire = send(member, request, runId, environment);
                    blobsFetched.addAndGet(wire.blobsFetched());
                    if (!wire.differing().isEmpty()) {
                        throw new OtherEnvironment(wire.differing());
                    }
                    if (wire.result() == null) {
                        // evicted from the cluster's map since this coordinator published them
                        wire.missingBlobs().forEach(published::remove);
                        if (tries < BLOB_RETRIES) {
                            continue;
                        }
                        return error(request, "member " + address(member) + " could not fetch "
                                + wire.missingBlobs().size() + " file contents");
                    }
                    if (!output.await(wire.chunks(), OUTPUT_GRACE_MILLIS)) {
                        note(request.output(), "\n[redyellow] part of the output of member " + address(member)
                                + " did not arrive\n");
                    }
                    ran(request.featureId(), address(member), start);
                    return wire.testResult();
                } finally {
                    outputs.remove(runId);
                }
            }
        } catch (IOException e) {
            return error(request, "cannot send the workspace " + request.workspace() + ": " + e.getMessage());
        } finally {
            count.decrementAndGet();
        }
    }

    private WireResult send(Member member, TestRequest request, String runId, Map<String, String> environment)
            throws IOException, InterruptedException, MemberGone {
        Map<String, byte[]> contents = new HashMap<>();
        WorkspaceFiles files = WorkspaceFiles.take(request.workspace(), h -> !published.contains(h), contents);
        try {
            if (!contents.isEmpty()) {
                instance.<String, byte[]>getMap(MemberConfig.BLOBS).putAll(contents);
                published.addAll(contents.keySet());
            }
            Future<WireResult> future = executor.submitToMember(new RemoteTestRun(runId, topicName, files,
                    WireSettings.of(request.settings()), request.selectedTests(), request.featureId(),
                    request.workspace().toString(), environment), member);
            try {
                return future.get();
            } catch (InterruptedException e) {
                future.cancel(true); // the member interrupts the run, which kills its process tree
                throw e;
            }
        } catch (ExecutionException e) {
            if (left(member, e.getCause())) {
                throw new MemberGone();
            }
            LOG.log(System.Logger.Level.WARNING, "member " + address(member) + " failed a test run", e.getCause());
            throw new IOException("member " + address(member) + " failed: " + e.getCause(), e.getCause());
        } catch (HazelcastException e) {
            if (left(member, e)) {
                throw new MemberGone();
            }
            throw e;
        }
    }

    private boolean left(Member member, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof MemberLeftException || t instanceof TargetNotMemberException || t instanceof MemberStoppingException
                    || t instanceof TargetDisconnectedException || t instanceof HazelcastInstanceNotActiveException) {
                return true;
            }
        }
        return instance.getLifecycleService().isRunning() && !instance.getCluster().getMembers().contains(member);
    }

    private void ran(String feature, String address, double start) {
        double end = seconds();
        runs.add(new MemberRun(feature, address, start, end));
        synchronized (figures) {
            long[] f = figures.computeIfAbsent(address, k -> new long[2]);
            f[0]++;
            f[1] += Math.round((end - start) * 1000);
        }
    }

    private int runsOf(String address) {
        synchronized (figures) {
            long[] f = figures.get(address);
            return f == null ? 0 : (int) f[0];
        }
    }

    /** Each member's finished test runs and their seconds so far, in the order they first ran one. */
    public List<MemberFigures> members() {
        synchronized (figures) {
            return figures.entrySet().stream().map(e -> new MemberFigures(e.getKey(), (int) e.getValue()[0],
                    e.getValue()[1] / 1000.0)).toList();
        }
    }

    /** How many file contents the members fetched from the cluster in all (each lacked them). */
    public long blobsFetched() {
        return blobsFetched.get();
    }

    /** Every finished test run: which member ran it, when. */
    public List<MemberRun> runs() {
        return List.copyOf(runs);
    }

    private double seconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static TestResult error(TestRequest request, String why) {
        note(request.output(), "[redyellow] " + why + "\n");
        return new TestResult(TestOutcome.ERROR, 0, 0, 0, List.of(), 0, why, "");
    }

    private static void note(OutputSink sink, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sink.write(OutputSink.Stream.STDERR, bytes, 0, bytes.length);
    }

    static String address(Member member) {
        return member.getAddress().getHost() + ":" + member.getAddress().getPort();
    }

    /** Leaves the cluster; the local runners are the caller's to close. */
    @Override
    public void close() {
        try {
            instance.getTopic(topicName).removeMessageListener(listener);
        } catch (HazelcastInstanceNotActiveException e) {
            LOG.log(System.Logger.Level.DEBUG, "the cluster was already left", e);
        }
        instance.shutdown();
    }

    /** The member's environment differs from what the run's cache key holds: it ran nothing. */
    private static final class OtherEnvironment extends Exception {
        final List<String> differing;

        OtherEnvironment(List<String> differing) {
            super(null, null, false, false);
            this.differing = differing;
        }
    }

    /** The member left while it held the run. */
    private static final class MemberGone extends Exception {
        MemberGone() {
            super(null, null, false, false);
        }
    }
}
