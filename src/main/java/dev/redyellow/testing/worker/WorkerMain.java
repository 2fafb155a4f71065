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

/**
 * The worker JVM: reads {@link Frame.Kind#RUN} frames from standard input, runs each, answers with
 * a {@link Frame.Kind#RESULT}. The tests' System.out and System.err become frames on standard output;
 * standard input is replaced by an empty stream so a test that reads it cannot eat the protocol.
 * The worker ends when its standard input ends.
 *
 * <p>Arguments: the path of the JUnit console jar (the class path the workspace compiles against).
 */
public final class WorkerMain {

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
        WorkspaceRun runs = new WorkspaceRun(Path.of(args[0]), platform);
        // Only a test calling System.exit (or a signal) shuts the JVM down during a run; say so
        // before the pipe closes, so the host can tell it from a crash.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (runs.running()) {
                channel.send(Frame.of(Frame.Kind.EXITING));
            }
        }, "worker-exit-notice"));
        channel.send(Frame.of(Frame.Kind.READY));
        while (true) {
            Frame frame;
            try {
                frame = Frame.readFrom(in);
            } catch (EOFException hostDone) {
                System.exit(0); // threads a test left behind must not keep the JVM alive
                return;
            }
            if (frame.kind() != Frame.Kind.RUN) {
                throw new Frame.CorruptStreamException("expected a RUN frame, found " + frame.kind());
            }
            WorkerReply reply = runs.run(WorkerRequest.of(frame));
            System.out.flush();
            System.err.flush();
            channel.send(reply.frame());
        }
    }
}
