package dev.redyellow.testing;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessOutputTail;
import dev.redyellow.exec.ProcessReaper;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.exec.ProcessTree;
import dev.redyellow.testing.worker.Frame;
import dev.redyellow.testing.worker.WorkerReply;
import dev.redyellow.testing.worker.WorkerRequest;
import dev.redyellow.testing.worker.WorkspaceCompiler;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One warm worker JVM as the host sees it: started once, then given one run at a time. Frames from
 * the worker are read on a thread of their own: test output goes to the current run's sink as it
 * arrives, results and the end of the stream to the thread waiting in {@link #run}. Whatever the
 * JVM itself writes to its standard error (it is not framed) goes to the sink too.
 */
final class WarmWorker {

    private static final System.Logger LOG = System.getLogger(WarmWorker.class.getName());
    private static final long WATCH_MILLIS = 200;
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    /** How a run on this worker ended. */
    sealed interface Exchange permits Replied, TimedOut, Died {
    }

    record Replied(WorkerReply reply) implements Exchange {
    }

    /** The deadline passed; the worker has been killed. */
    record TimedOut() implements Exchange {
    }

    /** The worker ended or broke the protocol during the run; it has been killed. */
    record Died(String reason) implements Exchange {
    }

    private record Ended(String reason) {
    }

    private static final Object READY = new Object();

    private final int id;
    private final int heapMb;
    private final Path home;
    /**
     * Compiles this worker's runs in the host, one at a time: with javac's contexts shared by all
     * workers where the JVM allows (issue 19), else keeping its opened class path.
     */
    private final WorkspaceCompiler compiler = WorkspaceCompiler.forRuns(true);
    private final Process process;
    private final DataOutputStream input;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
    /** What the JVM wrote to standard error outside any run: why it did not start, if it did not. */
    private final ProcessOutputTail startErrors = new ProcessOutputTail(4096);
    private volatile OutputSink sink = OutputSink.DISCARD;
    private volatile boolean exiting;
    private int runs;

    /** The reaper's mark on this worker and everything it starts, found wherever it moved (setsid). */
    private final String reapTag;

    private WarmWorker(int id, int heapMb, Path home, Process process, String reapTag) {
        this.reapTag = reapTag;
        this.id = id;
        this.heapMb = heapMb;
        this.home = home;
        this.process = process;
        this.input = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        ChildProcesses.daemon("warm-worker-" + id + "-frames", () -> readFrames(new DataInputStream(new BufferedInputStream(process.getInputStream()))));
        ChildProcesses.daemon("warm-worker-" + id + "-stderr", () -> ChildProcesses.pumpStandardError(process.getErrorStream(), () -> sink, startErrors,
                "warm worker " + id));
    }

    /**
     * Starts a worker JVM in {@code home}, its working directory for life, and waits until it is
     * ready for a run.
     */
    static WarmWorker start(int id, List<String> command, int heapMb, Path home, Duration readyWithin)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        // marked, so that the run's reaper kills it and whatever its tests started even after a kill -9
        String tag = ProcessReaper.shared().mark(builder);
        Process process = builder.start();
        ProcessReaper.shared().started(process.toHandle());
        WarmWorker worker = new WarmWorker(id, heapMb, home, process, tag);
        Object first;
        try {
            first = worker.events.poll(readyWithin.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            worker.kill();
            throw e;
        }
        if (first != READY) {
            worker.kill();
            String why = first instanceof Ended ? ((Ended) first).reason() : "not ready within " + readyWithin.toSeconds() + " s";
            throw new IOException("the warm test worker did not start: " + why + " (command: " + String.join(" ", command)
                    + ")\n" + worker.startErrors.toString().strip());
        }
        return worker;
    }

    int id() {
        return id;
    }

    int heapMb() {
        return heapMb;
    }

    WorkspaceCompiler compiler() {
        return compiler;
    }

    /** The worker's working directory: a run's workspace content is moved here for the run. */
    Path home() {
        return home;
    }

    synchronized int runs() {
        return runs;
    }

    /**
     * Runs one request, sending its output to {@code output}, until {@code deadlineNanos}
     * ({@link System#nanoTime()}). On a timeout or an interrupt the worker's process tree is killed.
     */
    Exchange run(WorkerRequest request, OutputSink output, long deadlineNanos) throws InterruptedException {
        synchronized (this) {
            runs++;
        }
        sink = output;
        try {
            try {
                request.frame().writeTo(input);
                input.flush();
            } catch (IOException e) {
                kill();
                return new Died("the test worker did not take the run: " + e.getMessage());
            }
            while (true) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    kill();
                    return new TimedOut();
                }
                Object event = events.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(WATCH_MILLIS)), TimeUnit.NANOSECONDS);
                if (event instanceof WorkerReply) {
                    return new Replied((WorkerReply) event);
                }
                if (event instanceof Ended) {
                    return new Died(death((Ended) event));
                }
                seen.addAll(ProcessTree.descendants(process.toHandle()));
            }
        } catch (InterruptedException e) {
            kill();
            throw e;
        } finally {
            sink = OutputSink.DISCARD;
        }
    }

    private String death(Ended ended) throws InterruptedException {
        boolean exited = process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        String code = exited ? " (exit code " + process.exitValue() + ")" : "";
        kill();
        if (exiting) {
            return "test called System.exit" + code + "; the test worker was replaced";
        }
        return ended.reason() + code + "; the test worker was replaced";
    }

    boolean alive() {
        return process.isAlive();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Closes the worker's standard input: the worker ends, even in the middle of a run. */
    void closeInput() {
        try {
            input.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the input of warm worker " + id + " failed", e);
        }
    }

    /** Asks the worker to end (its input closes), and kills it if it does not. */
    void stop() {
        closeInput();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
        if (!process.descendants().findAny().isEmpty()) {
            kill();
        } else {
            ProcessReaper.shared().killTagged(reapTag, ProcessRunner.KILL_GRACE); // daemons that left the tree
        }
    }

    /** Kills the worker JVM and everything it started. */
    void kill() {
        ChildProcesses.killTree(process, seen, reapTag, "warm test worker " + id); // with the daemons its runs left behind
    }

    private void readFrames(DataInputStream frames) {
        String end = "the test worker JVM ended unexpectedly";
        try {
            while (true) {
                Frame frame = Frame.readFrom(frames);
                switch (frame.kind()) {
                    case READY -> events.add(READY);
                    case STDOUT -> sink.write(OutputSink.Stream.STDOUT, frame.payload(), 0, frame.payload().length);
                    case STDERR -> sink.write(OutputSink.Stream.STDERR, frame.payload(), 0, frame.payload().length);
                    case RESULT -> events.add(WorkerReply.of(frame));
                    case EXITING -> exiting = true;
                    case RUN -> throw new Frame.CorruptStreamException("the worker sent a RUN frame");
                }
            }
        } catch (EOFException e) {
            LOG.log(Level.DEBUG, "warm worker " + id + " closed its output");
        } catch (Frame.CorruptStreamException e) {
            end = "the test worker's protocol stream was corrupted (" + e.getMessage()
                    + "); something wrote to the JVM's standard output directly";
        } catch (IOException e) {
            end = "reading from the test worker failed: " + e.getMessage();
        }
        events.add(new Ended(end));
    }


}
