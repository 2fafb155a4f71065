package dev.redyellow.testing;

import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The warm worker JVMs of one run. A worker is started when a run needs one and none is idle, so
 * there are as many as runs happen at once: one per scheduler worker. A worker serves runs one at a
 * time and is replaced by a fresh one after its run limit, or at once when a run timed out, killed
 * it, left threads running or left its heap full. {@link #close()} ends them all; a JVM shutdown
 * hook does the same if nobody closes the pool. Thread-safe.
 */
public final class WarmWorkerPool implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WarmWorkerPool.class.getName());
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final String MAIN = "dev.redyellow.testing.worker.WorkerMain";

    private final JUnitConsoleJar console;
    private final WorkerJar jar;
    private final Path directory;
    private final LinkedList<WarmWorker> idle = new LinkedList<>();
    private final List<WarmWorker> live = new ArrayList<>();
    private final Map<Integer, WarmPoolState.Worker> history = new LinkedHashMap<>();
    private final Map<String, Integer> recycles = new TreeMap<>();
    private int started;
    private int runs;
    private boolean closed;
    private Thread shutdownHook;

    /** @param directory the workers' working directory (a run's tests must not depend on it) */
    public WarmWorkerPool(JUnitConsoleJar console, Path directory) {
        this.console = console;
        this.jar = new WorkerJar(console);
        this.directory = directory;
    }

    /** A pool whose workers work in the temporary folder. */
    public WarmWorkerPool(JUnitConsoleJar console) {
        this(console, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** An idle worker with this heap, or a new one. */
    WarmWorker borrow(int heapMb) throws IOException, InterruptedException {
        synchronized (this) {
            requireOpen();
            for (Iterator<WarmWorker> it = idle.iterator(); it.hasNext(); ) {
                WarmWorker worker = it.next();
                if (worker.heapMb() == heapMb && worker.alive()) {
                    it.remove();
                    return worker;
                }
            }
        }
        List<String> command = command(heapMb);
        int id;
        synchronized (this) {
            id = ++started;
            installShutdownHook();
        }
        WarmWorker worker = WarmWorker.start(id, command, heapMb, directory, READY_WITHIN);
        synchronized (this) {
            if (!closed) {
                live.add(worker);
                history.put(id, new WarmPoolState.Worker(id, worker.handle().pid(), 0, ""));
                return worker;
            }
        }
        worker.kill();
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
        worker.stop();
    }

    /** Takes back a worker that was killed or broke during a run: it is replaced. */
    void discard(WarmWorker worker, String because, String cause) {
        synchronized (this) {
            runs++;
            retire(worker, because, cause);
        }
        worker.kill();
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
            removeShutdownHook();
        }
        idleOnes.forEach(WarmWorker::stop);
        busyOnes.forEach(WarmWorker::kill);
    }

    private List<String> command(int heapMb) throws IOException {
        Path consoleJar = console.path();
        // C1 only: a worker's work (javac, the launcher) is warm within a few runs this way, where
        // C2 would first spend seconds of CPU competing with the tests; measured with bench junit.
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto",
                "-Dfile.encoding=UTF-8",
                "-cp", jar.path() + File.pathSeparator + consoleJar,
                MAIN, consoleJar.toString());
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

    private void installShutdownHook() {
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::killAll, "warm-workers-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs or has run; it kills what is left
            }
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
