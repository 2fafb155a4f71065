package dev.redyellow.exec;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs one program to completion: argv without a shell, in a working directory, with extra
 * environment variables on top of the inherited ones, and stdin closed.
 *
 * <p>Both output streams are drained at once, each on its own thread, so a program that fills one
 * pipe while we wait on the other cannot deadlock. Output goes to the {@link OutputSink} as it is
 * read; only a bounded tail is kept. On timeout, or when the calling thread is interrupted, the
 * whole process tree is killed (see {@link ProcessTree}). However it ends, whatever it left running
 * (a daemon that double-forked into a session of its own and ignores SIGTERM included) is found by
 * its environment mark and killed, and any that survives is named (see {@link ProcessReaper}).
 *
 * <p>Thread-safe: one instance serves every worker.
 */
public class ProcessRunner {

    private static final System.Logger LOG = System.getLogger(ProcessRunner.class.getName());

    /** How long a killed tree gets to exit cleanly before it is killed forcibly. */
    public static final Duration KILL_GRACE = Duration.ofMillis(1000);
    /** How often descendants are noted while the root runs (they may outlive it, re-parented). */
    private static final long WATCH_MILLIS = 200;
    /** How long to wait for the readers once the tree is dead: the pipes close with it. */
    private static final long DRAIN_AFTER_KILL_MILLIS = 1000;

    private final int tailBytes;
    /** Null until the first process: the JVM's reaper then, started only by a run that starts a process. */
    private volatile ProcessReaper reaper;

    public ProcessRunner() {
        this(64 * 1024);
    }

    /**
     * Marking and recording processes with the JVM's shared reaper, started with the first process
     * (a run answered from the cache starts none, and so no reaper either).
     *
     * @param tailBytes how much of the combined output {@link ProcessResult#outputTail()} keeps
     */
    public ProcessRunner(int tailBytes) {
        this.tailBytes = tailBytes;
    }

    /** As {@link #ProcessRunner(int)}, marking and recording processes with {@code reaper}. */
    public ProcessRunner(int tailBytes, ProcessReaper reaper) {
        this.tailBytes = tailBytes;
        this.reaper = Objects.requireNonNull(reaper);
    }

    private ProcessReaper reaper() {
        ProcessReaper r = reaper;
        if (r == null) {
            r = ProcessReaper.shared();
            reaper = r;
        }
        return r;
    }

    /**
     * Runs {@code spec} and waits for it, at most for its timeout ({@code null} means no limit).
     *
     * @throws ProcessStartException when the program cannot be started; a program that starts and
     *                               then fails is a normal result with its exit code
     * @throws InterruptedException  when the calling thread is interrupted; the tree is killed first
     */
    public ProcessResult run(ProcessSpec spec, OutputSink sink) throws ProcessStartException, InterruptedException {
        long started = System.nanoTime();
        ProcessBuilder builder = builder(spec);
        ProcessReaper reaper = reaper();
        String tag = reaper.mark(builder);
        ProcessReaper.PidsFrom from = ProcessReaper.PidsFrom.now(); // only what is made after can carry the tag
        Process process = start(spec, builder);
        reaper.started(process.toHandle());
        ProcessOutputTail tail = new ProcessOutputTail(tailBytes);
        List<ProcessOutputPump> pumps = List.of(
                new ProcessOutputPump(process.getInputStream(), OutputSink.Stream.STDOUT, sink, tail),
                new ProcessOutputPump(process.getErrorStream(), OutputSink.Stream.STDERR, sink, tail));
        List<Thread> readers = new ArrayList<>();
        for (ProcessOutputPump pump : pumps) {
            Thread reader = new Thread(pump, "process-" + process.pid() + "-" + pump.stream().name().toLowerCase());
            reader.setDaemon(true);
            reader.start();
            readers.add(reader);
        }
        long deadline = spec.timeout() == null ? Long.MAX_VALUE : started + spec.timeout().toNanos();
        Set<ProcessHandle> seen = new LinkedHashSet<>();
        boolean timedOut;
        try {
            timedOut = !awaitExit(process, deadline, seen);
            if (!timedOut) {
                // The root ended: what it left running goes now, and with it any hold on the pipes.
                reapLeftovers(spec, tag, from);
                if (!joinUntil(readers, deadline)) {
                    // Something unmarked still holds the pipes open past the deadline.
                    timedOut = true;
                }
            }
        } catch (InterruptedException e) {
            stop(process, seen, readers, pumps);
            reapLeftovers(spec, tag, from);
            throw e;
        }
        if (timedOut) {
            stop(process, seen, readers, pumps);
            reapLeftovers(spec, tag, from);
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        int exitCode = timedOut ? -1 : process.exitValue();
        return new ProcessResult(exitCode, timedOut, duration, tail.toString());
    }

    /** Kills what the process marked {@code tag} left running; names it, and any that survived. */
    private void reapLeftovers(ProcessSpec spec, String tag, ProcessReaper.PidsFrom from) {
        ProcessReaper.Leftovers left = reaper().killTagged(tag, KILL_GRACE, from);
        if (!left.any()) {
            return;
        }
        String command = String.join(" ", spec.command());
        LOG.log(Level.INFO, "killed " + left.killed().size() + " process(es) that `" + command + "` left running: "
                + String.join(", ", left.killed()));
        if (!left.survived().isEmpty()) {
            LOG.log(Level.WARNING, "processes that `" + command + "` left running survived being killed: "
                    + String.join(", ", left.survived()));
        }
    }

    private static ProcessBuilder builder(ProcessSpec spec) {
        ProcessBuilder builder = new ProcessBuilder(spec.command());
        if (spec.directory() != null) {
            builder.directory(spec.directory().toFile());
        }
        builder.environment().putAll(spec.env());
        return builder;
    }

    private static Process start(ProcessSpec spec, ProcessBuilder builder) throws ProcessStartException {
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ProcessStartException(spec.command().get(0), e);
        }
        try {
            // Nothing is ever typed in: a program that reads stdin gets end-of-file, not a hang.
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing stdin of process " + process.pid() + " failed", e);
        }
        return process;
    }

    /** Waits for the root to exit, noting its descendants meanwhile; false when the deadline came first. */
    private boolean awaitExit(Process process, long deadline, Set<ProcessHandle> seen)
            throws InterruptedException {
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return !process.isAlive();
            }
            if (process.waitFor(Math.min(left, TimeUnit.MILLISECONDS.toNanos(WATCH_MILLIS)), TimeUnit.NANOSECONDS)) {
                return true;
            }
            ProcessTree.descendants(process.toHandle()).forEach(h -> {
                if (seen.add(h)) {
                    // Recorded by pid and start time too, for a descendant that clears its environment.
                    reaper().started(h);
                }
            });
        }
    }

    private static boolean joinUntil(List<Thread> readers, long deadline) throws InterruptedException {
        for (Thread reader : readers) {
            long left = deadline - System.nanoTime();
            if (deadline == Long.MAX_VALUE) {
                reader.join();
            } else if (left <= 0 || !join(reader, left)) {
                return false;
            }
        }
        return true;
    }

    private static boolean join(Thread reader, long nanos) throws InterruptedException {
        TimeUnit.NANOSECONDS.timedJoin(reader, nanos);
        return !reader.isAlive();
    }

    private static void stop(Process process, Set<ProcessHandle> seen, List<Thread> readers,
                             List<ProcessOutputPump> pumps) {
        if (!ProcessTree.kill(process.toHandle(), List.copyOf(seen), KILL_GRACE)) {
            LOG.log(Level.WARNING, "process tree of " + process.pid() + " did not exit after being killed");
        }
        boolean interrupted = Thread.interrupted();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_AFTER_KILL_MILLIS);
            if (!joinUntil(readers, deadline)) {
                LOG.log(Level.WARNING, "output of process " + process.pid() + " still open after the kill");
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            // Whatever a stuck reader still reads must not reach a caller that has moved on.
            pumps.forEach(ProcessOutputPump::detach);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
