package dev.redyellow.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessOutputTail;
import dev.redyellow.exec.ProcessReaper;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.exec.ProcessTree;
import dev.redyellow.files.Folders;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One warm script server as the host sees it: a python (pytest) or node (vitest) process started
 * from a bundled script ({@link WarmScript}), that imported its test runner once and then runs one
 * request at a time. A request is one line of JSON on its stdin; the replies are frames on its
 * stdout (a kind byte, a four-byte big-endian length, the payload): {@code R} ready, {@code P} the
 * pid of the child that runs a pytest request, {@code O}/{@code E} the run's output, {@code T} a
 * temporary folder of the run's (a vitest project's, removed after the run), {@code X} its exit code.
 * The server's own standard error goes to the run's output as standard error.
 */
final class ScriptServer {

    private static final System.Logger LOG = System.getLogger(ScriptServer.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How often the server's descendants are noted while a run goes on (they may outlive it). */
    private static final long WATCH_MILLIS = 200;
    /** How long a server gets to end when its input closes, and a killed pytest child's server to reply. */
    static final Duration STOP_GRACE = Duration.ofSeconds(2);
    /** The largest frame accepted: more means the stream is not frames any more. */
    private static final int MAX_FRAME = 64 * 1024 * 1024;
    /** The name vitest gives a project's temporary folder: nanoid's 21 characters. */
    private static final Pattern TMP_NAME = Pattern.compile("[A-Za-z0-9_-]{21}");

    private final int id;
    private final WarmScript.Key key;
    private final Process process;
    private final OutputStream input;
    private final String reapTag;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
    /** What the server wrote to standard error outside any run: why it did not start, if it did not. */
    private final ProcessOutputTail startErrors = new ProcessOutputTail(4096);
    private volatile OutputSink sink = OutputSink.DISCARD;
    /** The temporary folder of the run going on, as its environment names it: where its {@code T} folders must be. */
    private volatile Path tmpRoot;
    /** The temporary folders the runs told of ({@code T}), removed once their run has ended. */
    private final Set<Path> tmpDirs = ConcurrentHashMap.newKeySet();
    /**
     * Why this server must serve no further run ({@code U}), or null: its last run left state in the
     * process that a fresh one would not have (see the server script).
     */
    private volatile String keptState;
    private int runs;

    private ScriptServer(int id, WarmScript.Key key, Process process, String reapTag) {
        this.id = id;
        this.key = key;
        this.process = process;
        this.reapTag = reapTag;
        this.input = process.getOutputStream();
        ChildProcesses.daemon("script-server-" + id + "-frames", () -> readFrames(new DataInputStream(new BufferedInputStream(process.getInputStream()))));
        ChildProcesses.daemon("script-server-" + id + "-stderr", () -> ChildProcesses.pumpStandardError(process.getErrorStream(), () -> sink, startErrors,
                "script server " + id));
    }

    /**
     * Starts a server for {@code key} in {@code directory} and waits until it is ready for a run;
     * {@code codeFolder} as {@link WarmScript.Key#command(Path, Path)} says.
     */
    static ScriptServer start(int id, WarmScript.Key key, Path script, Path codeFolder, Path directory, Duration readyWithin)
            throws IOException, InterruptedException {
        List<String> command = key.command(script, codeFolder);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(key.env());
        // marked, so that the run's reaper kills it and whatever its tests started even after a kill -9
        String tag = ProcessReaper.shared().mark(builder);
        Process process = builder.start();
        ProcessReaper.shared().started(process.toHandle());
        ScriptServer server = new ScriptServer(id, key, process, tag);
        Event first;
        try {
            first = server.events.poll(readyWithin.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            server.kill();
            throw e;
        }
        if (!(first instanceof Ready)) {
            server.kill();
            String why = first instanceof Ended ended ? ended.reason() : "not ready within " + readyWithin.toSeconds() + " s";
            throw new IOException("the warm " + key.kind().label() + " server did not start: " + why + " (command: "
                    + String.join(" ", command) + ")\n" + server.startErrors.toString().strip());
        }
        return server;
    }

    int id() {
        return id;
    }

    WarmScript.Key key() {
        return key;
    }

    synchronized int runs() {
        return runs;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Why the server must not serve another run, once a run said so; empty while it may. */
    Optional<String> keptState() {
        return Optional.ofNullable(keptState);
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** How one request ended. */
    sealed interface Exchange permits Exited, TimedOut, Died {
    }

    /** The run ended by itself with this exit code; the server serves the next run. */
    record Exited(int exitCode) implements Exchange {
    }

    /** The deadline came first: the run was killed, and with it the server unless {@code serverKept}. */
    record TimedOut(boolean serverKept) implements Exchange {
    }

    /** The server ended or broke the protocol during the run; it is dead now. */
    record Died(String reason) implements Exchange {
    }

    /**
     * Runs one request in {@code workspace} with these arguments and this environment, sending its
     * output to {@code output} as it comes, until {@code deadlineNanos} ({@link System#nanoTime()}).
     * On a timeout the run is killed: a pytest run's child tree alone when the server then answers,
     * else the whole server. An interrupt kills the server.
     */
    Exchange run(Path workspace, List<String> args, Map<String, String> env, OutputSink output, long deadlineNanos)
            throws InterruptedException {
        synchronized (this) {
            runs++;
        }
        sink = output;
        Long child = null;
        // A tag of the run's own, so what the run leaves running can be found and killed after it, as
        // a process per run's leftovers are; the server and its runs' children keep the server's.
        String runTag = ProcessReaper.shared().mark(new ProcessBuilder());
        // Only processes made after this can carry the tag: the leftovers are looked for among those.
        ProcessReaper.PidsFrom from = ProcessReaper.PidsFrom.now();
        tmpRoot = tmpRoot(env);
        try {
            try {
                input.write(request(workspace, args, env, runTag));
                input.flush();
            } catch (IOException e) {
                kill();
                return new Died("the warm " + key.kind().label() + " server did not take the run: " + e.getMessage());
            }
            while (true) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return timedOut(child);
                }
                Event event = events.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(WATCH_MILLIS)), TimeUnit.NANOSECONDS);
                if (event instanceof Child c) {
                    // Just forked: nothing of its own yet. A walk of every process on the machine (the JDK
                    // reads each one's stat) here cost each run more than the rest of its engine work on a
                    // machine of 500 processes; what the run starts is noted by the walks while it goes on
                    // and, however short it is, found by its tag when it ends.
                    child = c.pid();
                    continue;
                } else if (event instanceof Exit exit) {
                    return new Exited(exit.code());
                } else if (event instanceof Ended ended) {
                    return new Died(death(ended));
                }
                seen.addAll(ProcessTree.descendants(process.toHandle()));
            }
        } catch (InterruptedException e) {
            kill();
            throw e;
        } finally {
            sink = OutputSink.DISCARD;
            reapLeftovers(runTag, from); // however the run ended
            removeTmpDirs();
        }
    }

    /**
     * The machine's temporary folder as Node's {@code os.tmpdir()} reads it from this environment on
     * POSIX ({@code TMPDIR}, {@code TMP}, {@code TEMP}, else /tmp; a trailing slash dropped); null
     * when that is not an absolute path.
     */
    static Path tmpRoot(Map<String, String> env) {
        String dir = "/tmp";
        for (String name : List.of("TMPDIR", "TMP", "TEMP")) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                dir = value;
                break;
            }
        }
        try {
            Path root = Path.of(dir).normalize();
            return root.isAbsolute() ? root : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * The folder a {@code T} frame names, when it is one vitest makes for a project: a folder of a
     * random name ({@link #TMP_NAME}) right in the run's temporary folder {@code root}; empty for
     * anything else, which is never removed.
     */
    static Optional<Path> projectTmpDir(String reported, Path root) {
        try {
            Path folder = Path.of(reported);
            boolean vitests = root != null && folder.isAbsolute() && folder.equals(folder.normalize())
                    && root.equals(folder.getParent()) && TMP_NAME.matcher(folder.getFileName().toString()).matches();
            return vitests ? Optional.of(folder) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * Removes the temporary folders the runs told of: vitest removes its own when a run closes, but a
     * run killed on its timeout (and the server with it) never closes.
     */
    private void removeTmpDirs() {
        for (Path folder : List.copyOf(tmpDirs)) {
            if (!tmpDirs.remove(folder)) {
                continue; // another thread (a kill beside the run's end) took it
            }
            try {
                if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    Folders.deleteTree(folder);
                    LOG.log(Level.DEBUG, "removed " + folder + ", left by a run in warm " + key.kind().label() + " server " + id);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                LOG.log(Level.WARNING, "could not remove " + folder + ", left by a run in warm " + key.kind().label()
                        + " server " + id + ": " + e.getMessage());
            }
        }
    }

    /** Kills what a run that ended left running, as {@link ProcessRunner} does after a process. */
    private void reapLeftovers(String runTag, ProcessReaper.PidsFrom from) {
        ProcessReaper.Leftovers left = ProcessReaper.shared().killTagged(runTag, ProcessRunner.KILL_GRACE, from);
        if (left.any()) {
            LOG.log(Level.INFO, "killed " + left.killed().size() + " process(es) that a run in warm "
                    + key.kind().label() + " server " + id + " left running: " + String.join(", ", left.killed()));
        }
    }

    private byte[] request(Path workspace, List<String> args, Map<String, String> env, String runTag) {
        Map<String, String> full = new LinkedHashMap<>(env);
        full.put(ProcessReaper.ENV, runTag);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("cwd", realPath(workspace));
        request.put("args", args);
        request.put("env", full);
        try {
            return (JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a request of strings", e);
        }
    }

    /**
     * The workspace as a process started in it sees its working folder: links resolved (the kernel's cwd
     * is the real path), so a runner names the workspace's files from it alike in both fork modes (pytest's
     * skip places under a runs folder reached through a link were "../../.." paths in a warm run).
     */
    private static String realPath(Path workspace) {
        try {
            return workspace.toRealPath().toString();
        } catch (IOException e) {
            return workspace.toAbsolutePath().toString();
        }
    }

    /** Kills the timed-out run: the pytest child's tree when its pid is known and the server then answers. */
    private Exchange timedOut(Long child) throws InterruptedException {
        if (child != null) {
            ProcessHandle.of(child).ifPresent(h -> ProcessTree.kill(h, ProcessRunner.KILL_GRACE));
            long until = System.nanoTime() + STOP_GRACE.toNanos();
            while (System.nanoTime() < until) {
                Event event = events.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event instanceof Exit) {
                    return new TimedOut(true);
                }
                if (event == null || event instanceof Ended) {
                    break;
                }
            }
        }
        kill();
        return new TimedOut(false);
    }

    private String death(Ended ended) throws InterruptedException {
        boolean exited = process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        String code = exited ? " (exit code " + process.exitValue() + ")" : "";
        kill();
        return ended.reason() + code + "; the server will be replaced";
    }

    /** Asks the server to end (its input closes), and kills it if it does not, with what it left. */
    void stop() {
        askToStop();
        awaitStop();
    }

    /** The first half of {@link #stop()}: closes the server's input, so that several can end at once. */
    void askToStop() {
        try {
            input.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the input of script server " + id + " failed", e);
        }
    }

    /** The second half of {@link #stop()}: waits a while for the server to end, then kills what is left. */
    void awaitStop() {
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
        kill(); // whatever its runs left running
    }

    /** Kills the server and everything it started. */
    void kill() {
        ChildProcesses.killTree(process, seen, reapTag, "warm script server " + id); // with the daemons its runs left behind
        removeTmpDirs();
    }

    private void readFrames(DataInputStream frames) {
        String end = "the warm " + key.kind().label() + " server ended unexpectedly";
        try {
            while (true) {
                int kind = frames.read();
                if (kind < 0) {
                    break;
                }
                int length = frames.readInt();
                if (length < 0 || length > MAX_FRAME) {
                    throw new IOException("a frame of " + length + " bytes");
                }
                byte[] payload = frames.readNBytes(length);
                if (payload.length < length) {
                    throw new EOFException();
                }
                switch (kind) {
                    case 'R' -> events.add(new Ready());
                    case 'O' -> sink.write(OutputSink.Stream.STDOUT, payload, 0, payload.length);
                    case 'E' -> sink.write(OutputSink.Stream.STDERR, payload, 0, payload.length);
                    case 'P' -> events.add(new Child(Long.parseLong(ascii(payload))));
                    case 'T' -> projectTmpDir(new String(payload, StandardCharsets.UTF_8), tmpRoot).ifPresent(tmpDirs::add);
                    case 'U' -> {
                        if (keptState == null) {
                            keptState = new String(payload, StandardCharsets.UTF_8); // before its X: seen by whoever takes the exit
                        }
                    }
                    case 'X' -> events.add(new Exit(Integer.parseInt(ascii(payload))));
                    default -> throw new IOException("a frame of unknown kind " + kind);
                }
            }
        } catch (EOFException e) {
            LOG.log(Level.DEBUG, "script server " + id + " closed its output mid-frame");
        } catch (IOException | NumberFormatException e) {
            end = "the warm " + key.kind().label() + " server's protocol stream was corrupted (" + e.getMessage()
                    + "); something wrote to its standard output directly";
        }
        events.add(new Ended(end));
    }

    private static String ascii(byte[] payload) {
        return new String(payload, StandardCharsets.US_ASCII).trim();
    }



    private sealed interface Event permits Ready, Child, Exit, Ended {
    }

    private record Ready() implements Event {
    }

    private record Child(long pid) implements Event {
    }

    private record Exit(int code) implements Event {
    }

    private record Ended(String reason) implements Event {
    }
}
