package dev.redyellow.cli;

import dev.redyellow.daemon.DaemonClient;
import dev.redyellow.daemon.DaemonFolder;
import dev.redyellow.daemon.DaemonIdentity;
import dev.redyellow.daemon.Wire;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code redyellow daemon status|stop}: the daemons {@code REDYELLOW_DAEMON=1} starts ({@link DaemonServer}). */
@Command(name = "daemon", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Lists or stops the daemons: with " + DaemonClient.SWITCH + "=1 in the environment, run and plan go to a "
                + "RedYellow JVM kept warm for the same code, Java, options, environment and working folder (one is started "
                + "beside the first such command, which runs by itself).",
            "status (the default) lists them, stop stops them."})
final class DaemonCommand implements Callable<Integer> {
    /** How long a daemon waits for its next command before it ends. */
    static final Duration IDLE = Duration.ofMinutes(30);
    /** How long a daemon has to answer status or stop. */
    private static final Duration ANSWER = Duration.ofSeconds(5);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        return status();
    }

    @Command(name = "status", description = "Lists this user's daemons: their process, folder, age and what they run.")
    int status() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> sockets = sockets();
        out.println(sockets.isEmpty() ? "No daemon runs (" + DaemonFolder.current().root() + ")."
                : sockets.size() + (sockets.size() == 1 ? " daemon" : " daemons") + " (" + DaemonFolder.current().root() + "):");
        for (Path socket : sockets) {
            out.println("  " + name(socket) + ": " + ask(socket, Wire.Hello.STATUS));
        }
        removeLeftSockets(sockets);
        out.flush();
        return ExitCodes.ALL_GREEN;
    }

    @Command(name = "stop", description = "Stops this user's daemons (a command one runs ends first).")
    int stop() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        int stopped = 0;
        for (Path socket : sockets()) {
            String answer = ask(socket, Wire.Hello.STOP);
            if (answer.isEmpty()) {
                stopped++;
            } else {
                out.println("  " + name(socket) + ": " + answer);
            }
        }
        removeLeftSockets(sockets());
        // a client never starts a daemon for an identity one was refused; after a stop, it may try again
        try (Stream<Path> files = list()) {
            for (Path refused : files.filter(p -> p.toString().endsWith(".refused")).toList()) {
                Files.deleteIfExists(refused);
            }
        }
        out.println("Stopped " + stopped + (stopped == 1 ? " daemon." : " daemons."));
        out.flush();
        return ExitCodes.ALL_GREEN;
    }

    @Command(name = "serve", hidden = true, description = "Serves commands of one identity (started by the client).")
    int serve(@Option(names = "--identity", required = true) String wanted) throws IOException {
        if (!wanted.matches("[0-9a-f]{24}")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--identity must be 24 hex digits: " + wanted);
        }
        DaemonFolder folder = DaemonFolder.current();
        java.util.Optional<DaemonIdentity> known = DaemonIdentity.current();
        if (known.isEmpty()) {
            String why = "this JVM's options cannot be told (an argument file, or a system that does not say)";
            folder.make();
            Files.writeString(folder.refused(wanted), why + System.lineSeparator());
            spec.commandLine().getErr().println("redyellow: daemon: " + why);
            return ExitCodes.INTERNAL;
        }
        DaemonIdentity identity = known.get();
        if (!identity.id().equals(wanted)) {
            // what differs cannot be told from here (a client sends its identity's digest alone); no client starts one again
            String why = "started for identity " + wanted + " but this JVM's is " + identity.id()
                    + ": a system property or variable the launch changed";
            folder.make();
            Files.writeString(folder.refused(wanted), why + System.lineSeparator());
            spec.commandLine().getErr().println("redyellow: daemon: " + why);
            return ExitCodes.INTERNAL;
        }
        return new DaemonServer(identity, folder, IDLE, System.err).serve();
    }

    /** Removes the sockets no daemon holds the lock of (one killed before it could remove its own). */
    private static void removeLeftSockets(List<Path> sockets) throws IOException {
        DaemonFolder folder = DaemonFolder.current();
        for (Path socket : sockets) {
            String id = name(socket);
            if (!folder.held(id)) {
                Files.deleteIfExists(socket);
            }
        }
    }

    private static List<Path> sockets() throws IOException {
        try (Stream<Path> files = list()) {
            return files.filter(p -> p.getFileName().toString().endsWith(".sock")).sorted().toList();
        }
    }

    private static Stream<Path> list() throws IOException {
        Path root = DaemonFolder.current().root();
        return Files.isDirectory(root) ? Files.list(root) : Stream.empty();
    }

    private static String name(Path socket) {
        String file = socket.getFileName().toString();
        return file.substring(0, file.length() - ".sock".length());
    }

    /** A status line, or "" for a stop the daemon took; what went wrong otherwise. */
    private static String ask(Path socket, Wire.Hello hello) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            if (!Wire.peerIsThisUser(channel)) {
                return "served by another user's process: not asked";
            }
            DataOutputStream out = new DataOutputStream(Wire.output(channel));
            DataInputStream in = new DataInputStream(new BufferedInputStream(Wire.input(channel)));
            out.writeInt(Wire.MAGIC);
            out.writeByte(hello.code);
            out.flush();
            return Wire.withDeadline(channel, ANSWER, () -> {
                if (Wire.readKind(in) != Wire.ACCEPTED) {
                    return "did not answer";
                }
                return hello == Wire.Hello.STATUS ? Wire.readString(in) : "";
            });
        } catch (IOException e) {
            return "not answering (" + e.getMessage() + "): its daemon is starting, or was killed (then its socket is removed)";
        }
    }
}
