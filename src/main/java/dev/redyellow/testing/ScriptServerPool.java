package dev.redyellow.testing;

import dev.redyellow.files.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The warm script servers of one run ({@link ScriptServer}). A server is started when a run needs
 * one for its key (runner, interpreter or vitest, environment) and none is idle, so there are as many
 * per key as runs happen at once: one per scheduler worker. A server serves runs one at a time and is
 * replaced after its kind's run limit, or at once when it died or a run killed it. The pytest servers
 * share one folder of compiled code (what their runs compiled, keyed by the source's hash: see
 * {@code CodeCache} in pytest_server.py): a kept one ({@link PythonCodeFolder}), pruned when the pool
 * closes, or else one made with the first of them and deleted with the pool.
 * {@link #close()} ends them all; a JVM shutdown hook does the same if nobody closes the pool.
 * Thread-safe.
 */
final class ScriptServerPool implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ScriptServerPool.class.getName());
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final LinkedList<ScriptServer> idle = new LinkedList<>();
    private final List<ScriptServer> live = new ArrayList<>();
    private final Map<String, Integer> recycles = new TreeMap<>();
    private int started;
    private int runs;
    private int perRunFallbacks;
    private boolean closed;
    /** The pytest servers' compiled code; null until the first pytest server starts. */
    private Path codeFolder;
    /** Where compiled code is kept between runs; null: in a folder of the pool's own. */
    private final Path keptCode;

    /** A pool whose compiled code goes with it. */
    ScriptServerPool() {
        this(null);
    }

    /** A pool whose servers keep compiled code in {@code keptCode} (made when needed), or, if null, in a folder of its own. */
    ScriptServerPool(Path keptCode) {
        this.keptCode = keptCode;
    }
    private final ChildProcesses.ExitBackstop backstop = new ChildProcesses.ExitBackstop("script-servers-stop", this::killAll);

    /** An idle live server for {@code key}, or a new one. */
    ScriptServer borrow(WarmScript.Key key) throws IOException, InterruptedException {
        List<ScriptServer> dead = new ArrayList<>();
        ScriptServer found = null;
        synchronized (this) {
            requireOpen();
            for (Iterator<ScriptServer> it = idle.iterator(); it.hasNext(); ) {
                ScriptServer server = it.next();
                if (!server.alive()) {
                    // Killed or crashed between runs: replaced before it can fail a run.
                    it.remove();
                    retire(server, "died while idle");
                    dead.add(server);
                } else if (server.key().equals(key)) {
                    it.remove();
                    found = server;
                    break;
                }
            }
        }
        dead.forEach(ScriptServer::kill);
        if (found != null) {
            return found;
        }
        int id;
        synchronized (this) {
            id = ++started;
            backstop.install();
        }
        Path script = WarmScript.Scripts.of(key.kind());
        Path code = key.kind() == WarmScript.Kind.PYTEST ? codeFolder() : null;
        long starting = System.nanoTime();
        // a start that fails is not noted: the run then goes on as a process of its own, which is its work
        ScriptServer server = ScriptServer.start(id, key, script, code, script.getParent(), READY_WITHIN);
        StartWaits.add(System.nanoTime() - starting);
        synchronized (this) {
            if (!closed) {
                live.add(server);
                return server;
            }
        }
        server.kill();
        throw new IllegalStateException("the warm script server pool is closed");
    }

    /** The folder the pytest servers keep compiled code in, made on first use. */
    private synchronized Path codeFolder() throws IOException {
        requireOpen();
        if (codeFolder == null && keptCode != null) {
            try {
                codeFolder = Files.createDirectories(keptCode);
            } catch (IOException e) {
                // a read-only home: the code is kept for this pool only, as before
                LOG.log(Level.WARNING, "cannot keep compiled Python code in " + keptCode + ": " + e.getMessage());
            }
        }
        if (codeFolder == null) {
            codeFolder = Files.createTempDirectory("redyellow-pytest-code-");
        }
        return codeFolder;
    }

    /** The compiled-code folder, if one was made (for tests). */
    synchronized Optional<Path> codeFolderMade() {
        return Optional.ofNullable(codeFolder);
    }

    /**
     * Takes a server back after a run that ended by itself: kept unless it has served its kind's runs, or
     * its run left state in it that the next run must not meet ({@link ScriptServer#keptState}).
     */
    void giveBack(ScriptServer server) {
        boolean keep;
        synchronized (this) {
            runs++;
            Optional<String> kept = server.keptState();
            keep = !closed && kept.isEmpty() && server.runs() < server.key().kind().runsPerServer();
            if (keep) {
                idle.addFirst(server);
                return;
            }
            kept.ifPresent(why -> LOG.log(Level.DEBUG, "warm " + server.key().kind().label() + " server " + server.id()
                    + " serves no further run: " + why));
            retire(server, closed ? "pool closed" : kept.isPresent() ? KEPT_STATE : "run limit");
        }
        server.stop();
    }

    /** The cause a server is replaced for when its run left state in it ({@link ScriptServer#keptState}). */
    static final String KEPT_STATE = "kept state";

    /** Takes back a server that died or was killed during a run: it is replaced. */
    void discard(ScriptServer server, String cause) {
        synchronized (this) {
            runs++;
            retire(server, cause);
        }
        server.kill();
    }

    /** Counts a run that could not get a server and ran as a process of its own. */
    synchronized void fellBack() {
        perRunFallbacks++;
    }

    /** The pool's figures so far. */
    synchronized ScriptPoolState state() {
        return new ScriptPoolState(live.size(), started, runs, perRunFallbacks, recycles);
    }

    /** The pids of the servers alive now (for tests that check nothing is left). */
    synchronized List<Long> livePids() {
        return live.stream().map(s -> s.handle().pid()).toList();
    }

    /** Ends every server: idle ones are asked to stop, busy ones are killed. Idempotent. */
    @Override
    public void close() {
        List<ScriptServer> idleOnes;
        List<ScriptServer> busyOnes;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            idleOnes = new ArrayList<>(idle);
            busyOnes = new ArrayList<>(live);
            busyOnes.removeAll(idleOnes);
            idle.clear();
            live.clear();
            backstop.remove();
        }
        idleOnes.forEach(ScriptServer::askToStop); // all at once: each may take a while to end
        busyOnes.forEach(ScriptServer::kill);
        idleOnes.forEach(ScriptServer::awaitStop);
        releaseCodeFolder(true);
    }

    /**
     * Once no server can write to it any more: deletes the pool's own compiled-code folder, or prunes
     * the kept one when {@code prune} (not in a shutdown hook, which must be quick).
     */
    private void releaseCodeFolder(boolean prune) {
        Path folder;
        synchronized (this) {
            folder = codeFolder;
            codeFolder = null;
        }
        if (folder == null) {
            return;
        }
        try {
            if (!folder.equals(keptCode)) {
                Folders.deleteTree(folder);
            } else if (prune) {
                PythonCodeFolder.Pruned pruned = PythonCodeFolder.prune(folder, PythonCodeFolder.MAX_BYTES,
                        PythonCodeFolder.MAX_AGE, java.time.Instant.now());
                if (pruned.files() > 0) {
                    LOG.log(Level.DEBUG, "pruned " + pruned.files() + " entries (" + pruned.bytes() + " bytes) of " + folder);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "could not " + (folder.equals(keptCode) ? "prune" : "delete")
                    + " the warm pytest servers' code folder " + folder + ": " + e.getMessage());
        }
    }

    private void retire(ScriptServer server, String cause) {
        live.remove(server);
        idle.remove(server);
        recycles.merge(cause, 1, Integer::sum);
        LOG.log(Level.DEBUG, "warm " + server.key().kind().label() + " server " + server.id() + " replaced: " + cause);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the warm script server pool is closed");
        }
    }

    /** The backstop when the JVM ends without closing the pool: no server may outlive it. */
    private void killAll() {
        List<ScriptServer> all;
        synchronized (this) {
            all = new ArrayList<>(live);
        }
        all.forEach(ScriptServer::kill);
        releaseCodeFolder(false);
    }
}
