package dev.redyellow.cli;

import dev.redyellow.concurrent.Uninterruptibly;
import dev.redyellow.daemon.DaemonFolder;
import dev.redyellow.daemon.DaemonIdentity;
import dev.redyellow.daemon.Terminal;
import dev.redyellow.daemon.Wire;
import dev.redyellow.run.BetweenCommands;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A RedYellow JVM kept warm for the commands of one {@link DaemonIdentity} ({@code redyellow daemon serve},
 * which {@link dev.redyellow.daemon.DaemonClient} starts). It runs one command at a time, as a new JVM with the
 * same code, Java, options, properties, environment and working folder would run it: its standard streams are the
 * client's for the time, its manual reviews are asked at the client's terminal, the client's Ctrl-C (or the
 * client going away, killed or not) stops the run; after each command, what it left running is killed and what
 * compiles kept JVM-wide is dropped ({@link BetweenCommands}), as a JVM's end would. A second client meanwhile
 * is told it is busy and runs its command itself. It ends when it has been idle for its idle time, when its code
 * changes (a new build or release: the next client starts a daemon of the new code), when its socket is taken
 * away, on SIGTERM, on {@code redyellow daemon stop}, or after a command that failed with an error (its state is
 * then not to be trusted).
 */
final class DaemonServer {
    /** How often the daemon looks at its idle time, its code and its socket. */
    private static final Duration WATCH = Duration.ofSeconds(2);
    /** How long a stopped command may take to wind down (its report, its processes), as the run's own stop waits. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);
    /** Past this after a stop, a command that still runs ends with the JVM (its reaper kills what it started). */
    private static final Duration HALT_AFTER = STOP_WAIT.plusSeconds(10);
    /** How long a client has to say what it wants. */
    private static final Duration HELLO = Duration.ofSeconds(5);
    /** How long a command waits for the one before to be put away (its processes killed) before it is told busy. */
    private static final Duration QUEUE = Duration.ofSeconds(2);
    /** A command's arguments, all together, at most. */
    private static final int MAX_ARGUMENT_BYTES = 1 << 20;
    /** The largest frame of output sent at once. */
    private static final int FRAME = 64 * 1024;
    /** An identity's log is cut when a daemon of it starts and finds it longer. */
    private static final long LOG_LIMIT = 1 << 20;
    /** Other identities' files are removed when untouched this long (and no daemon holds them). */
    private static final Duration KEEP_OTHERS = Duration.ofDays(7);

    private final DaemonIdentity identity;
    private final DaemonFolder folder;
    private final Duration idle;
    private final PrintStream log;
    private final Instant started = Instant.now();
    /** One command at a time: a permit while none runs. */
    private final Semaphore free = new Semaphore(1);
    private final AtomicInteger served = new AtomicInteger();
    private volatile long lastUsed = System.nanoTime();
    private volatile String running = "";
    private volatile String stopping;
    private volatile ServerSocketChannel server;
    /** The client of the command that runs; null when none does. */
    private volatile Client current;
    /** Set once this daemon removed its socket, before it lets go of the lock. */
    private volatile boolean socketRemoved;

    DaemonServer(DaemonIdentity identity, DaemonFolder folder, Duration idle, PrintStream log) {
        this.identity = identity;
        this.folder = folder;
        this.idle = idle;
        this.log = log;
    }

    /** Serves until it ends (see the class); 0, or 3 when it could not start. */
    int serve() throws IOException {
        String id = identity.id();
        folder.make();
        try (FileChannel lockFile = FileChannel.open(folder.lock(id), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = lockFile.tryLock();
            if (lock == null) {
                log("another daemon serves this identity; this one ends");
                return 0;
            }
            tidy();
            Path socket = folder.socket(id);
            Files.deleteIfExists(socket); // a daemon killed before it could remove it: its lock went with it
            try (ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                listening.bind(UnixDomainSocketAddress.of(socket));
                server = listening;
                // SIGTERM (or a system's shutdown): the command that runs is stopped as its client's Ctrl-C would
                Thread shutdown = new Thread(() -> {
                    stopCommand();
                    // the accepting thread may never get to its own clean-up; once it has, the lock is free and the
                    // socket may be a new daemon's
                    if (!socketRemoved) {
                        try {
                            Files.deleteIfExists(socket);
                        } catch (IOException e) {
                            // the next daemon of this identity removes it
                        }
                    }
                }, "redyellow-daemon-shutdown");
                Runtime.getRuntime().addShutdownHook(shutdown);
                String codeStamp = DaemonIdentity.codeStamp();
                Thread watch = new Thread(() -> watch(socket, codeStamp), "redyellow-daemon-watch");
                watch.setDaemon(true);
                watch.start();
                log("serving identity " + id + " in " + System.getProperty("user.dir") + " (pid " + ProcessHandle.current().pid()
                        + ", idle time " + idle.toMinutes() + " min)");
                List<Thread> connections = new ArrayList<>();
                while (true) {
                    SocketChannel channel;
                    try {
                        channel = listening.accept();
                    } catch (ClosedChannelException e) { // closed by stop(), from another thread
                        break;
                    }
                    Thread connection = new Thread(() -> converse(channel), "redyellow-daemon-connection");
                    connection.start();
                    connections.removeIf(t -> !t.isAlive());
                    connections.add(connection);
                }
                for (Thread connection : connections) {
                    connection.join(); // a command that runs ends first
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                Files.deleteIfExists(socket);
                socketRemoved = true;
                log("ended: " + (stopping != null ? stopping : "its socket closed") + "; " + served.get() + " commands served");
            }
        }
        return 0;
    }

    /** Keeps the folder small: this identity's log (appended to by each daemon) and other identities' old files. */
    private void tidy() {
        try {
            Path log = folder.log(identity.id());
            if (Files.isRegularFile(log) && Files.size(log) > LOG_LIMIT) {
                // every daemon writes it in append mode: cut to nothing, the next line goes at the start
                try (FileChannel file = FileChannel.open(log, StandardOpenOption.WRITE)) {
                    file.truncate(0);
                }
            }
            folder.sweep(identity.id(), KEEP_OTHERS);
        } catch (IOException e) {
            log("could not tidy " + folder.root() + ": " + e);
        }
    }

    private void watch(Path socket, String codeStamp) {
        while (stopping == null) {
            try {
                Thread.sleep(WATCH.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (free.availablePermits() == 0) {
                continue; // a command runs, or is being put away
            }
            if (System.nanoTime() - lastUsed > idle.toNanos()) {
                stop("idle for " + idle.toMinutes() + " min");
            } else if (!Files.exists(socket)) {
                stop("its socket " + socket + " was removed");
            } else if (!DaemonIdentity.codeStamp().equals(codeStamp)) {
                stop("RedYellow's code changed (a new build or release)");
            }
        }
    }

    /** Stops the command that runs, if any, and waits (as a run's own stop does) until it has wound down. */
    private void stopCommand() {
        Client client = current;
        if (client == null) {
            return;
        }
        client.stopRun();
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (current == client && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void stop(String why) {
        stopping = why;
        ServerSocketChannel listening = server;
        try {
            if (listening != null) {
                listening.close();
            }
        } catch (IOException e) {
            log("could not close the socket: " + e);
        }
    }

    private void converse(SocketChannel channel) {
        try (channel) {
            if (!Wire.peerIsThisUser(channel)) {
                log("refused a connection from another user");
                return;
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(Wire.input(channel)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Wire.output(channel)));
            Wire.Hello hello = Wire.withDeadline(channel, HELLO, () -> {
                if (in.readInt() != Wire.MAGIC) {
                    throw new IOException("not RedYellow's daemon protocol");
                }
                return Wire.Hello.of(in.readUnsignedByte());
            });
            switch (hello) {
                case STATUS -> {
                    out.writeByte(Wire.ACCEPTED);
                    Wire.writeString(out, status());
                    out.flush();
                }
                case STOP -> {
                    out.writeByte(Wire.ACCEPTED);
                    out.flush();
                    stop("asked to stop (redyellow daemon stop)");
                }
                case COMMAND -> command(channel, in, out);
            }
        } catch (IOException e) {
            log("a connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One line: what a user of {@code redyellow daemon status} wants to know. */
    private String status() {
        long idleSeconds = (System.nanoTime() - lastUsed) / 1_000_000_000L;
        return "pid " + ProcessHandle.current().pid() + ", in " + System.getProperty("user.dir") + ", up "
                + Duration.between(started, Instant.now()).toSeconds() + " s, " + served.get() + " commands served, "
                + (current != null ? "running: " + running : "idle " + idleSeconds + " s of " + idle.toMinutes() + " min");
    }

    private void command(SocketChannel channel, DataInputStream in, DataOutputStream out) throws IOException, InterruptedException {
        String wanted = Wire.withDeadline(channel, HELLO, () -> Wire.readString(in));
        if (!wanted.equals(identity.id())) {
            out.writeByte(Wire.REFUSED);
            Wire.writeString(out, "this daemon serves identity " + identity.id() + ", not " + wanted);
            out.flush();
            return;
        }
        // the command before may still be put away (its processes killed): a moment's wait, then busy
        if (stopping != null || !free.tryAcquire(QUEUE.toMillis(), TimeUnit.MILLISECONDS)) {
            out.writeByte(Wire.BUSY);
            out.flush();
            return;
        }
        long start = System.nanoTime();
        Client client = null;
        boolean failed = false;
        try {
            String[] args = Wire.withDeadline(channel, HELLO, () -> arguments(in));
            boolean terminal = Wire.withDeadline(channel, HELLO, in::readBoolean);
            client = new Client(out, terminal);
            current = client;
            running = String.join(" ", args);
            int number = served.incrementAndGet();
            out.writeByte(Wire.ACCEPTED);
            out.flush();
            Client reading = client;
            Thread reader = new Thread(() -> reading.read(in), "redyellow-daemon-client");
            reader.setDaemon(true);
            reader.start();
            int code;
            try {
                code = run(args, client);
            } catch (RuntimeException | Error e) {
                // what picocli did not catch (out of memory, a stack overflow, a class that could not initialise):
                // the command fails as in its own JVM, and this JVM's state is not to be trusted for the next
                failed = true;
                client.stackTrace(e);
                code = ExitCodes.NOT_ALL_GREEN;
            }
            client.exit(code);
            log("command " + number + ": " + running + ": exit " + code + " in "
                    + String.format("%.2f s", (System.nanoTime() - start) / 1e9) + (client.gone() ? " (its client went away)" : ""));
        } finally {
            lastUsed = System.nanoTime();
            current = null;
            running = "";
            if (client != null) {
                try {
                    putAway();
                } catch (Throwable e) { // out of memory after a command that ran out of it: no next command here
                    failed = true;
                    log("could not put the last command away: " + e);
                }
            }
            lastUsed = System.nanoTime();
            free.release();
            if (failed) {
                stop("a command failed with an error, or could not be put away (see above)");
            }
        }
    }

    private static String[] arguments(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 10_000) {
            throw new IOException("a command of " + count + " arguments");
        }
        String[] args = new String[count];
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            args[i] = Wire.readString(in);
            bytes += args[i].length();
            if (bytes > MAX_ARGUMENT_BYTES) {
                throw new IOException("a command's arguments over " + MAX_ARGUMENT_BYTES + " bytes");
            }
        }
        return args;
    }

    /** What a JVM's end would do, before the next command: its leftover processes killed, compiles' state dropped. */
    private void putAway() {
        List<String> killed = BetweenCommands.reset();
        if (!killed.isEmpty()) {
            log("killed " + killed.size() + " processes the command left running: " + String.join(", ", killed));
        }
        // what the command left behind is garbage now; an idle daemon should not hold the heap it took
        System.gc();
    }

    /** Runs the command with the client's streams as this JVM's standard streams. */
    private int run(String[] args, Client client) {
        Charset charset = Charset.defaultCharset();
        PrintStream stdout = new PrintStream(client.stream(Wire.OUT), true, charset);
        PrintStream stderr = new PrintStream(client.stream(Wire.ERR), true, charset);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, charset), true);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(stdout);
        System.setErr(stderr);
        try {
            return RedYellowCommand.execute(args, out, err, client);
        } finally {
            out.flush();
            err.flush();
            stdout.flush();
            stderr.flush();
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private void log(String line) {
        log.println(Instant.now() + " " + line);
        log.flush();
    }

    /** The client of the command that runs: its streams, terminal and stop. */
    private static final class Client extends CommandSession {
        private final DataOutputStream out;
        private final boolean hasTerminal;
        private final LinkedBlockingQueue<Optional<String>> answers = new LinkedBlockingQueue<>();
        /** The client pressed Ctrl-C or went away; the stop ran (once). */
        private volatile boolean stopWanted;
        private final AtomicBoolean stopRan = new AtomicBoolean();
        private volatile boolean gone;
        private volatile boolean ended;
        private volatile Runnable stop;

        Client(DataOutputStream out, boolean hasTerminal) {
            this.out = out;
            this.hasTerminal = hasTerminal;
        }

        /** Reads what the client sends until it goes away: Ctrl-C, and answers to questions. */
        void read(DataInputStream in) {
            try {
                while (true) {
                    int kind = Wire.readKind(in);
                    if (kind == Wire.CANCEL) {
                        stopRun();
                    } else if (kind == Wire.LINE) {
                        answers.add(Optional.of(Wire.readString(in)));
                    } else if (kind == Wire.NO_LINE) {
                        answers.add(Optional.empty());
                    } else {
                        break;
                    }
                }
            } catch (IOException e) {
                // gone
            }
            if (!ended) {
                gone = true;
                answers.add(Optional.empty());
                stopRun();
            }
        }

        boolean gone() {
            return gone;
        }

        void stopRun() {
            stopWanted = true;
            runStop(stop);
        }

        private void runStop(Runnable registered) {
            if (registered != null && stopWanted && stopRan.compareAndSet(false, true)) {
                Thread stopping = new Thread(registered, "redyellow-daemon-stop");
                stopping.setDaemon(true);
                stopping.start();
                // a run that does not wind down ends with the JVM, as in its own: the reaper kills what it started
                Thread halt = new Thread(() -> {
                    try {
                        Thread.sleep(HALT_AFTER.toMillis());
                        if (!ended) {
                            Runtime.getRuntime().halt(ExitCodes.INTERNAL);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "redyellow-daemon-halt");
                halt.setDaemon(true);
                halt.start();
            }
        }

        OutputStream stream(byte kind) {
            return new Wire.BlockOutput() {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    for (int at = off; at < off + len; at += FRAME) {
                        int size = Math.min(FRAME, off + len - at);
                        synchronized (out) {
                            out.writeByte(kind);
                            out.writeInt(size);
                            out.write(b, at, size);
                            out.flush();
                        }
                    }
                }
            };
        }

        void stackTrace(Throwable e) {
            PrintStream err = new PrintStream(stream(Wire.ERR), true, Charset.defaultCharset());
            err.print("Exception in thread \"main\" ");
            e.printStackTrace(err);
        }

        void exit(int code) {
            ended = true; // the client may close as soon as it has the code: that is no client going away
            try {
                synchronized (out) {
                    out.writeByte(Wire.EXIT);
                    out.writeInt(code);
                    out.flush();
                }
            } catch (IOException e) {
                gone = true;
            }
        }

        @Override
        Terminal terminal() {
            if (!hasTerminal) {
                return null;
            }
            return new Terminal() {
                @Override
                public void print(String text) {
                    send(Wire.TEXT, text);
                }

                @Override
                public String readLine(String prompt) {
                    if (gone || !send(Wire.PROMPT, prompt)) {
                        return null;
                    }
                    // as a console's read, an interrupt (a feature's timeout, a cancel) does not end the wait: the
                    // person still answers this question, and the answer must not go to the next one
                    return Uninterruptibly.take(answers).orElse(null);
                }
            };
        }

        private boolean send(byte kind, String text) {
            try {
                synchronized (out) {
                    out.writeByte(kind);
                    Wire.writeString(out, text);
                    out.flush();
                }
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        boolean stopWanted() {
            return stopWanted;
        }

        @Override
        Registration onStop(Runnable stop) {
            this.stop = stop;
            runStop(stop); // the client pressed Ctrl-C or went away before the run could be stopped
            return () -> this.stop = null;
        }
    }
}
