package dev.redyellow.cluster;

import com.hazelcast.cluster.Address;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.RunFolder;
import dev.redyellow.store.BlobStore;
import dev.redyellow.testing.TestRequest;
import dev.redyellow.testing.TestResult;
import dev.redyellow.testing.TestRunners;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A worker member: joins the cluster, runs the test runs the coordinator sends it with its own test
 * runners (warm pool included), each in a workspace made from the blobs it has or fetches, and
 * publishes their output live. Closing it interrupts its runs (their process trees are killed),
 * ends its warm workers and leaves the cluster.
 */
public final class ClusterMember implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ClusterMember.class.getName());
    /** Blob bytes kept in memory between runs; beyond it they spill to the member's folder. */
    private static final long BLOB_BUDGET = 64L << 20;

    private final TestRunners runners;
    private final Path workDir;
    private final BlobStore blobs;
    private final int slots;
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong fetched = new AtomicLong();
    private volatile boolean stopping;
    private volatile HazelcastInstance instance;

    /** A member's folder in the temporary folder is named so, and holds its process id in {@link #OWNER_FILE}. */
    static final String FOLDER_PREFIX = "redyellow-worker-";
    static final String OWNER_FILE = "owner.pid";

    /**
     * Deletes the folders that members killed without a chance to clean up (kill -9, a crash) left in
     * {@code temp}: those whose owner process is gone. A folder without an owner file, or whose owner
     * lives (or whose id a new process has taken), is left as it is. Returns how many were deleted.
     */
    static int removeLeftovers(Path temp) {
        int removed = 0;
        try (var folders = Files.newDirectoryStream(temp, FOLDER_PREFIX + "*")) {
            for (Path folder : folders) {
                Path owner = folder.resolve(OWNER_FILE);
                try {
                    if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(owner)) {
                        continue;
                    }
                    long pid = Long.parseLong(Files.readString(owner).strip());
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                    new RunFolder(folder).delete();
                    removed++;
                } catch (IOException | NumberFormatException e) {
                    LOG.log(System.Logger.Level.DEBUG, "left the folder " + folder + " as it is: " + e);
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not look for folders of killed members in " + temp + ": " + e);
        }
        return removed;
    }

    private ClusterMember(TestRunners runners, Path workDir, int slots) {
        this.runners = runners;
        this.workDir = workDir;
        this.slots = slots;
        this.blobs = new BlobStore(workDir.resolve("blobs"), BLOB_BUDGET);
    }

    /** Starts a worker member; returns once it has joined (or, with nobody to join, formed) the cluster. */
    public static ClusterMember start(ClusterSettings settings, int slots, TestRunners runners) throws IOException {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1, was " + slots);
        }
        HazelcastLogging.quieten();
        if (settings.secret().isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "no " + ClusterSettings.SECRET_ENV
                    + ": this worker accepts loopback members only");
        }
        Path folder = Files.createTempDirectory(FOLDER_PREFIX);
        removeLeftovers(folder.getParent());
        Files.writeString(folder.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
        ClusterMember member = new ClusterMember(runners, folder, slots);
        try {
            member.instance = Hazelcast.newHazelcastInstance(MemberConfig.of(settings, MemberConfig.WORKER, slots,
                    Map.of(MemberConfig.NODE, member)));
        } catch (RuntimeException e) {
            new RunFolder(member.workDir).delete(); // a port in use leaves nothing behind
            throw e;
        }
        return member;
    }

    /** Where this member listens, {@code host:port}. */
    public String address() {
        Address a = instance.getCluster().getLocalMember().getAddress();
        return a.getHost() + ":" + a.getPort();
    }

    public int slots() {
        return slots;
    }

    /** How many members the cluster has now, this one included. */
    public int clusterSize() {
        return instance.getCluster().getMembers().size();
    }

    /** How many blobs this member has fetched from the cluster so far. */
    public long blobsFetched() {
        return fetched.get();
    }

    /**
     * Runs one task; {@code instance} is the task's own, because a task can arrive while
     * {@link #start} is still joining, before this member's field is set.
     */
    WireResult run(RemoteTestRun task, HazelcastInstance instance)
            throws IOException, InterruptedException, MemberStoppingException {
        running.add(Thread.currentThread());
        try {
            WireResult result = runHere(task, instance);
            if (stopping) {
                throw new MemberStoppingException(address()); // its processes may have been killed under it
            }
            return result;
        } catch (InterruptedException e) {
            if (stopping) {
                throw new MemberStoppingException(address());
            }
            throw e;
        } finally {
            running.remove(Thread.currentThread());
        }
    }

    private WireResult runHere(RemoteTestRun task, HazelcastInstance instance) throws IOException, InterruptedException {
        List<String> differing = task.environment == null ? List.of() : differing(task.environment,
                dev.redyellow.cache.CacheKey.environmentOf(task.settings.settings()));
        if (!differing.isEmpty()) {
            return WireResult.differing(differing);
        }
        Map<String, byte[]> contents = new HashMap<>();
        List<String> lacking = new ArrayList<>();
        for (String hash : task.files.hashes()) {
            if (blobs.contains(hash)) {
                contents.put(hash, blobs.get(hash));
            } else {
                lacking.add(hash);
            }
        }
        int got = 0;
        if (!lacking.isEmpty()) {
            IMap<String, byte[]> shared = instance.getMap(MemberConfig.BLOBS);
            Map<String, byte[]> fetchedNow = shared.getAll(Set.copyOf(lacking));
            List<String> missing = new ArrayList<>();
            for (String hash : lacking) {
                byte[] bytes = fetchedNow.get(hash);
                if (bytes == null || !WorkspaceFiles.sha256(bytes).equals(hash)) {
                    missing.add(hash);
                } else {
                    blobs.put(bytes);
                    contents.put(hash, bytes);
                    got++;
                }
            }
            fetched.addAndGet(got);
            if (!missing.isEmpty()) {
                return new WireResult(null, 0, missing, got);
            }
        }
        Path folder = Files.createTempDirectory(workDir, "run-");
        try {
            Path workspace = folder.resolve("workspace");
            Files.createDirectories(workspace);
            task.files.materialise(workspace, contents);
            ITopic<OutputChunk> topic = instance.getTopic(task.outputTopic);
            AtomicLong seq = new AtomicLong();
            OutputSink sink = (stream, bytes, offset, length) -> topic.publish(new OutputChunk(task.runId,
                    seq.getAndIncrement(), stream == OutputSink.Stream.STDERR,
                    Arrays.copyOfRange(bytes, offset, offset + length)));
            TestResult result = runners.run(new TestRequest(workspace, task.settings.settings(), task.selectedTests,
                    sink, task.featureId));
            return new WireResult(WireResult.of(result, workspace.toString(), task.coordinatorRoot), seq.get(),
                    List.of(), got);
        } finally {
            new RunFolder(folder).delete();
        }
    }

    /** The input names whose hashes differ between the coordinator's environment and this member's, or that one lacks. */
    static List<String> differing(Map<String, String> coordinator, Map<String, String> member) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>(coordinator.keySet());
        names.addAll(member.keySet());
        names.removeIf(name -> java.util.Objects.equals(coordinator.get(name), member.get(name)));
        return List.copyOf(names);
    }

    /** Stops the runs in flight (their processes killed), the warm workers, and leaves the cluster. */
    @Override
    public void close() {
        stopping = true;
        running.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        runners.close();
        if (instance != null) {
            instance.shutdown();
        }
        blobs.close();
        try {
            new RunFolder(workDir).delete();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete the worker folder " + workDir, e);
        }
    }
}
