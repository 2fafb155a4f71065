package dev.redyellow.testing.worker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The worker JVM: reads {@link Frame.Kind#RUN} frames from standard input, runs each, answers with
 * a {@link Frame.Kind#RESULT}. The tests' System.out and System.err become frames on standard output;
 * standard input is replaced by an empty stream so a test that reads it cannot eat the protocol.
 * The worker ends when its standard input ends, even in the middle of a run: a thread of its own
 * watches the pipe from the host.
 *
 * <p>Arguments: the path of the JUnit console jar (the class path the workspace compiles against).
 */
public final class WorkerMain {

    private static final long EXIT_GRACE_MILLIS = 2000;

    private WorkerMain() {
    }

    public static void main(String[] args) throws IOException, ReflectiveOperationException {
        if (args.length != 1) {
            System.err.println("usage: WorkerMain JUNIT_CONSOLE_JAR");
            System.exit(2);
        }
        FrameChannel channel = new FrameChannel(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        System.setIn(new ByteArrayInputStream(new byte[0]));
        System.setOut(new PrintStream(new FramedOutput(channel, Frame.Kind.STDOUT), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FramedOutput(channel, Frame.Kind.STDERR), true, StandardCharsets.UTF_8));

        TestPlatform platform = (TestPlatform) Class.forName(TestPlatform.IMPLEMENTATION).getConstructor().newInstance();
        try {
            platform.warmUp(); // the first run of this worker then starts as warm as its later ones
        } catch (RuntimeException | LinkageError e) {
            // a warm-up that fails costs the first run time, never a verdict: its run says what is wrong
            System.err.println("[redyellow] the worker's warm-up failed (its first run may be slower): " + e);
        }
        WorkspaceRun runs = new WorkspaceRun(Path.of(args[0]), platform);
        // Only a test calling System.exit (or a signal) shuts the JVM down during a run; say so
        // before the pipe closes, so the host can tell it from a crash.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (runs.running()) {
                channel.send(Frame.of(Frame.Kind.EXITING));
            }
        }, "worker-exit-notice"));
        // The host's pipe is read on a thread of its own, so its end is seen even while a test hangs
        // the main thread: a worker never outlives its host.
        BlockingQueue<Frame> requests = new LinkedBlockingQueue<>();
        Thread watch = new Thread(() -> readHost(in, requests), "worker-host-watch");
        watch.setDaemon(true);
        watch.start();
        channel.send(Frame.of(Frame.Kind.READY));
        while (true) {
            Frame frame = take(requests);
            WorkerReply reply = runs.run(WorkerRequest.of(frame));
            System.out.flush();
            System.err.flush();
            channel.send(reply.frame());
        }
    }

    /** Hands every RUN frame to the main thread; ends the JVM when the host's pipe ends or breaks. */
    private static void readHost(DataInputStream in, BlockingQueue<Frame> requests) {
        int status = 0;
        try {
            while (true) {
                Frame frame = Frame.readFrom(in);
                if (frame.kind() != Frame.Kind.RUN) {
                    throw new Frame.CorruptStreamException("expected a RUN frame, found " + frame.kind());
                }
                requests.add(frame);
            }
        } catch (EOFException hostDone) {
            status = 0;
        } catch (IOException e) {
            status = 3;
        }
        end(status);
    }

    /**
     * Ends the JVM: an orderly exit (shutdown hooks run; threads a test left behind must not keep the
     * JVM alive), and a halt if that does not finish within the grace, e.g. a hook that hangs.
     */
    private static void end(int status) {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(EXIT_GRACE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(status);
        }, "worker-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(status);
    }

    private static Frame take(BlockingQueue<Frame> requests) {
        while (true) {
            try {
                return requests.take();
            } catch (InterruptedException e) {
                // nothing interrupts the main thread on purpose; keep waiting for the host
            }
        }
    }
}
