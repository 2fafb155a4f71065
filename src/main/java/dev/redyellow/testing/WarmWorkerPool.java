package dev.redyellow.testing;

import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import dev.redyellow.files.Folders;
import dev.redyellow.testing.worker.TestJvm;

/**
 * The warm worker JVMs of one run. A worker is started when a run needs one and none is idle, so
 * there are as many as runs happen at once: one per scheduler worker. A worker serves runs one at a
 * time and is replaced by a fresh one after its run limit, or at once when a run timed out, killed
 * it, left threads running or left its heap full. {@link #close()} ends them all; a JVM shutdown
 * hook does the same if nobody closes the pool. Each worker works in a folder of its own made
 * beside the workspaces it serves, into which each run's workspace content is moved for the run
 * ({@link WorkspaceLoan}), so relative paths resolve in the workspace as in a JVM per run.
 * Thread-safe.
 */
public final class WarmWorkerPool implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WarmWorkerPool.class.getName());
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final String MAIN = "dev.redyellow.testing.worker.WorkerMain";
    private static final String SYSTEM_LOADER = "dev.redyellow.testing.worker.RunSystemLoader";

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final JUnitConsoleJar console;
    private final WorkerJar jar;
    private final List<String> jvmOptions;
    /** Names this pool's worker folders apart from other pools' and processes'. */
    private final String tag = ProcessHandle.current().pid() + "-" + POOLS.incrementAndGet();
    private final LinkedList<WarmWorker> idle = new LinkedList<>();
    private final List<WarmWorker> live = new ArrayList<>();
    private final Map<Integer, WarmPoolState.Worker> history = new LinkedHashMap<>();
    private final Map<String, Integer> recycles = new TreeMap<>();
    private int started;
    private int runs;
    private boolean closed;
    private final ChildProcesses.ExitBackstop backstop = new ChildProcesses.ExitBackstop("warm-workers-stop", this::killAll);

    public WarmWorkerPool(JUnitConsoleJar console) {
        this(console, List.of());
    }

    /** @param jvmOptions what each worker JVM gets besides a test JVM's options ({@link TestJvm#MUTATION_OPTIONS}) */
    public WarmWorkerPool(JUnitConsoleJar console, List<String> jvmOptions) {
        this.console = console;
        this.jar = new WorkerJar(console);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * An idle worker with this heap whose folder is beside {@code workspace} (so the workspace's
     * content can be renamed into it, see {@link WorkspaceLoan}), or a new one.
     */
    WarmWorker borrow(int heapMb, Path workspace) throws IOException, InterruptedException {
        Path anchor = workspace.toAbsolutePath().normalize().getParent();
        if (anchor == null) {
            throw new IOException("a workspace cannot be a file system root: " + workspace);
        }
        List<WarmWorker> stale = new ArrayList<>();
        WarmWorker found = null;
        synchronized (this) {
            requireOpen();
            for (Iterator<WarmWorker> it = idle.iterator(); it.hasNext(); ) {
                WarmWorker worker = it.next();
                if (!Files.isDirectory(worker.home())) {
                    // Its folder went with an earlier run's workspaces: it can serve no run any more.
                    it.remove();
                    retire(worker, "its folder was removed", "stale");
                    stale.add(worker);
                } else if (worker.heapMb() == heapMb && worker.alive() && anchor.equals(worker.home().getParent())) {
                    it.remove();
                    found = worker;
                    break;
                }
            }
        }
        stale.forEach(this::end);
        if (found != null) {
            return found;
        }
        List<String> command = command(heapMb);
        int id;
        synchronized (this) {
            id = ++started;
            backstop.install();
        }
        Path home = Files.createDirectory(anchor.resolve(".redyellow-warm-" + tag + "-" + id));
        WarmWorker worker;
        long starting = System.nanoTime();
        try {
            worker = WarmWorker.start(id, command, heapMb, home, READY_WITHIN);
        } catch (IOException | InterruptedException | RuntimeException e) {
            deleteHome(home);
            throw e;
        }
        StartWaits.add(System.nanoTime() - starting);
        synchronized (this) {
            if (!closed) {
                live.add(worker);
                history.put(id, new WarmPoolState.Worker(id, worker.handle().pid(), 0, ""));
                return worker;
            }
        }
        worker.kill();
        deleteHome(home);
        throw new IllegalStateException("the warm worker pool is closed");
    }

    /**
     * Takes a worker back after a run that got a reply: kept for the next run unless {@code recycle}
     * names a reason to replace it or it has served {@code runsPerWorker} runs.
     */
    void giveBack(WarmWorker worker, String recycle, int runsPerWorker) {
        String because = !recycle.isEmpty() ? recycle
                : worker.runs() >= runsPerWorker ? "served " + worker.runs() + " runs" : "";
        synchronized (this) {
            runs++;
            note(worker, "");
            if (because.isEmpty() && !closed) {
                idle.addFirst(worker);
                return;
            }
            retire(worker, closed ? "pool closed" : because, recycle.isEmpty() ? "run limit" : "leak");
        }
        end(worker);
    }

    /** Takes back a worker that was killed or broke during a run: it is replaced. */
    void discard(WarmWorker worker, String because, String cause) {
        synchronized (this) {
            runs++;
            retire(worker, because, cause);
        }
        worker.kill();
        deleteHome(worker.home());
        closeCompiler(worker);
    }

    /** The JUnit console jar the workspaces compile against. */
    Path consoleJar() throws IOException {
        return console.path();
    }

    /** The pool's figures so far. */
    public synchronized WarmPoolState state() {
        live.forEach(w -> note(w, ""));
        int recycled = recycles.values().stream().mapToInt(Integer::intValue).sum();
        return new WarmPoolState(live.size(), live.size() - idle.size(), started, runs, recycled, recycles,
                new ArrayList<>(history.values()));
    }

    /** Ends every worker: idle ones are asked to stop, busy ones are killed. Idempotent. */
    @Override
    public void close() {
        List<WarmWorker> idleOnes;
        List<WarmWorker> busyOnes;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            idleOnes = new ArrayList<>(idle);
            busyOnes = new ArrayList<>(live);
            busyOnes.removeAll(idleOnes);
            for (WarmWorker worker : live) {
                note(worker, "pool closed");
            }
            idle.clear();
            live.clear();
            backstop.remove();
        }
        idleOnes.forEach(this::end);
        busyOnes.forEach(WarmWorker::kill);
        // A busy worker's folder holds its run's workspace until that run gives it back; the
        // runner removes it then (discard after the kill).
    }

    /** Stops a worker that serves no more runs, and removes its folder. */
    private void end(WarmWorker worker) {
        worker.stop();
        deleteHome(worker.home());
        closeCompiler(worker);
    }

    private static void closeCompiler(WarmWorker worker) {
        try {
            worker.compiler().close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the compiler of warm worker " + worker.id() + " failed", e);
        }
    }

    private static void deleteHome(Path home) {
        try {
            Folders.deleteTree(home);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove the warm worker folder " + home + ": " + e);
        }
    }

    private List<String> command(int heapMb) throws IOException {
        Path consoleJar = console.path();
        // The JIT and stack of every test JVM (TestJvm): a C1-only JIT would warm javac sooner, but
        // the tests would then run with other frames than in a fresh JVM, and deep recursions that
        // pass there overflowed here. (The mutants' pool adds TestJvm.MUTATION_OPTIONS: C1 with twice the stack.)
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(TestJvm.options(heapMb));
        command.addAll(jvmOptions);
        // The system class loader sees the current run's classes and resources, as a per-run JVM's does.
        command.addAll(List.of("-XX:-UsePerfData", "-Xshare:auto", "-Djava.system.class.loader=" + SYSTEM_LOADER,
                "-cp", jar.path() + File.pathSeparator + consoleJar, MAIN, consoleJar.toString()));
        return command;
    }

    private void retire(WarmWorker worker, String because, String cause) {
        live.remove(worker);
        idle.remove(worker);
        note(worker, because);
        recycles.merge(cause, 1, Integer::sum);
        LOG.log(Level.DEBUG, "warm test worker " + worker.id() + " replaced: " + because);
    }

    private void note(WarmWorker worker, String endedBecause) {
        history.put(worker.id(), new WarmPoolState.Worker(worker.id(), worker.handle().pid(), worker.runs(), endedBecause));
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the warm worker pool is closed");
        }
    }

    /** The backstop when the JVM ends without closing the pool: no worker may outlive it. */
    private void killAll() {
        List<WarmWorker> all;
        synchronized (this) {
            all = new ArrayList<>(live);
        }
        all.forEach(WarmWorker::kill);
    }
}
