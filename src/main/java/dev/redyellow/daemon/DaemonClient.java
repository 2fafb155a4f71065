package dev.redyellow.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The command line's side of the daemon. With {@code REDYELLOW_DAEMON=1} (or {@code true}, {@code on},
 * {@code yes}) a {@code run} or {@code plan} goes to the daemon of this JVM's {@link DaemonIdentity}: its
 * output is written here as the daemon writes it, its questions asked at this terminal, Ctrl-C here stops
 * the run there, and its exit code is this process's. Where there is no such daemon yet, the command runs
 * in this JVM as without the switch and a daemon is started beside it for the next command; where the
 * daemon is busy with another command, or cannot be reached, the command runs here too.
 */
public final class DaemonClient {
    public static final String SWITCH = "REDYELLOW_DAEMON";
    /** The commands a daemon answers: the ones a developer repeats, whose time is mostly the JVM's start. */
    static final Set<String> SERVED = Set.of("run", "plan");
    /** How long Ctrl-C waits for the daemon to wind the run down, as the in-process run's own hook waits. */
    private static final long STOP_WAIT_SECONDS = 20;
    private static final int INTERNAL_ERROR = 3;
    /** How long a daemon has to accept or refuse a command before the command runs in this JVM instead. */
    static final Duration HANDSHAKE = Duration.ofSeconds(5);
    /** A daemon that could not take an identity is not started again for it before this long. */
    static final Duration REFUSED_FOR = Duration.ofDays(1);

    private DaemonClient() {
    }

    /** Whether {@code environment} asks for the daemon. */
    public static boolean wanted(Map<String, String> environment) {
        String value = environment.get(SWITCH);
        return value != null && Set.of("1", "true", "on", "yes").contains(value.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Runs {@code args} in this identity's daemon and returns its exit code; empty when the command is to run
     * in this JVM (the switch is off, the command is not one a daemon answers, there is no daemon yet, or it is
     * busy or unreachable).
     */
    public static OptionalInt run(String[] args, Terminal terminal, PrintStream out, PrintStream err) {
        if (!wanted(System.getenv()) || args.length == 0 || !SERVED.contains(args[0])) {
            return OptionalInt.empty();
        }
        Optional<DaemonIdentity> known = DaemonIdentity.current();
        if (known.isEmpty()) {
            return OptionalInt.empty(); // this JVM's options are not known: no daemon could have them
        }
        DaemonIdentity identity = known.get();
        DaemonFolder folder = DaemonFolder.current();
        if (!folder.socketFits(identity.id())) {
            return OptionalInt.empty();
        }
        SocketChannel channel;
        try {
            if (!folder.isPrivate()) {
                start(identity, folder); // it makes the folder, or finds why it cannot
                return OptionalInt.empty();
            }
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(folder.socket(identity.id())));
            } catch (IOException e) {
                channel.close();
                start(identity, folder);
                return OptionalInt.empty();
            }
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalInt.empty();
        }
        try (channel) {
            if (!Wire.peerIsThisUser(channel)) {
                return OptionalInt.empty(); // not our daemon: say nothing to it
            }
            return converse(channel, identity, folder, args, terminal, out, err);
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    private static OptionalInt converse(SocketChannel channel, DaemonIdentity identity, DaemonFolder folder, String[] args,
                                        Terminal terminal, PrintStream out, PrintStream err) throws IOException {
        DataOutputStream toDaemon = new DataOutputStream(new BufferedOutputStream(Wire.output(channel)));
        DataInputStream fromDaemon = new DataInputStream(new BufferedInputStream(Wire.input(channel)));
        toDaemon.writeInt(Wire.MAGIC);
        toDaemon.writeByte(Wire.Hello.COMMAND.code);
        Wire.writeString(toDaemon, identity.id());
        toDaemon.writeInt(args.length);
        for (String arg : args) {
            Wire.writeString(toDaemon, arg);
        }
        toDaemon.writeBoolean(terminal != null);
        toDaemon.flush();
        // a daemon that does not answer at once (stopped, wedged) leaves the command to this JVM
        int answer = Wire.withDeadline(channel, HANDSHAKE, () -> Wire.readKind(fromDaemon));
        if (answer == Wire.REFUSED) {
            Wire.readString(fromDaemon);
            return OptionalInt.empty();
        }
        if (answer != Wire.ACCEPTED) {
            return OptionalInt.empty(); // busy, or gone before it answered: nothing ran there
        }
        CountDownLatch ended = new CountDownLatch(1);
        Thread stop = new Thread(() -> {
            if (ended.getCount() == 0) {
                return;
            }
            try {
                synchronized (toDaemon) {
                    toDaemon.writeByte(Wire.CANCEL);
                    toDaemon.flush();
                }
                ended.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (IOException e) {
                // the daemon is gone: it stopped the run when the connection broke
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "redyellow-daemon-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            while (true) {
                int kind = Wire.readKind(fromDaemon);
                switch (kind) {
                    case Wire.OUT -> {
                        out.write(Wire.readChunk(fromDaemon));
                        out.flush();
                    }
                    case Wire.ERR -> {
                        err.write(Wire.readChunk(fromDaemon));
                        err.flush();
                    }
                    case Wire.TEXT -> {
                        String text = Wire.readString(fromDaemon);
                        if (terminal != null) {
                            terminal.print(text);
                        }
                    }
                    case Wire.PROMPT -> {
                        String prompt = Wire.readString(fromDaemon);
                        String line = terminal == null ? null : terminal.readLine(prompt);
                        synchronized (toDaemon) {
                            if (line == null) {
                                toDaemon.writeByte(Wire.NO_LINE);
                            } else {
                                toDaemon.writeByte(Wire.LINE);
                                Wire.writeString(toDaemon, line);
                            }
                            toDaemon.flush();
                        }
                    }
                    case Wire.EXIT -> {
                        return OptionalInt.of(fromDaemon.readInt());
                    }
                    default -> {
                        err.println("redyellow: error: the daemon stopped answering during the command"
                                + (kind < 0 ? "" : " (it sent " + kind + ")") + "; its log is " + folder.log(identity.id()));
                        err.flush();
                        return OptionalInt.of(INTERNAL_ERROR);
                    }
                }
            }
        } catch (IOException e) {
            err.println("redyellow: error: the connection to the daemon broke during the command (" + e.getMessage()
                    + "); its log is " + folder.log(identity.id()));
            err.flush();
            return OptionalInt.of(INTERNAL_ERROR);
        } finally {
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and has seen the end
            }
        }
    }

    /**
     * Starts this identity's daemon in the background, in a session of its own (so the terminal's Ctrl-C and
     * hang-up do not reach it), with this JVM's Java, options, class path and working folder, unless one is
     * starting (it holds the lock) or one could not take this identity before. Any trouble leaves the command
     * to this JVM; the daemon's own goes to its log.
     */
    static void start(DaemonIdentity identity, DaemonFolder folder) {
        String id = identity.id();
        try {
            Path refused = folder.refused(id);
            if (Files.exists(refused)) {
                if (Files.getLastModifiedTime(refused).toInstant().isAfter(Instant.now().minus(REFUSED_FOR))) {
                    return;
                }
                Files.deleteIfExists(refused);
            }
            Optional<List<String>> options = DaemonIdentity.jvmOptions();
            if (options.isEmpty()) {
                return;
            }
            folder.make();
            if (folder.held(id)) {
                return;
            }
            boolean windows = System.getProperty("os.name", "").startsWith("Windows");
            Path launcher = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
            if (!Files.isExecutable(launcher)) {
                return;
            }
            List<String> command = new ArrayList<>();
            for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
                if (Files.isExecutable(Path.of(setsid))) {
                    command.add(setsid);
                    break;
                }
            }
            command.add(launcher.toString());
            // the command line's options, as given: the variables that add more (JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS) are
            // inherited and read again by the daemon's JVM, as by this one
            command.addAll(options.get());
            String classPath = System.getProperty("java.class.path", "");
            String launched = System.getProperty("sun.java.command", "");
            if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar") && launched.startsWith(classPath)) {
                command.addAll(List.of("-jar", classPath));
            } else {
                command.addAll(List.of("-cp", classPath, "dev.redyellow.Main"));
            }
            command.addAll(List.of("daemon", "serve", "--identity", id));
            new ProcessBuilder(command)
                    .directory(new File(System.getProperty("user.dir")))
                    .redirectInput(ProcessBuilder.Redirect.from(new File(windows ? "NUL" : "/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.log(id).toFile())) // two may start at once
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException | RuntimeException | LinkageError e) {
            // no daemon this time: the command runs here as without the switch
        }
    }
}
