package dev.redyellow.exec;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes sure nothing RedYellow starts outlives it, even when its JVM is killed with SIGKILL and no
 * shutdown hook runs.
 *
 * <p>Every process RedYellow starts carries {@value #ENV}{@code =<token>-<n>} in its environment:
 * the token is random per JVM, {@code n} per started process. The environment is inherited, so the
 * mark survives a double fork, {@code setsid} and re-parenting to init, where process groups,
 * sessions and parent links do not. Beside the mark, the pid and start time (field 22 of
 * {@code /proc/PID/stat}) of every started process and of every descendant seen while it ran are
 * recorded, for processes that clear their environment.
 *
 * <p>Three places use this:
 * <ul>
 *   <li>after each process ends, {@link #killTagged} kills what it left running (a daemon that
 *       ignores SIGTERM included) and names any that survived;</li>
 *   <li>a reaper, a {@code /bin/sh} script this JVM starts detached (it is not the JVM's descendant,
 *       so it never shows among the processes a run left), watches the JVM by pid and start time
 *       and, once it is gone, however it ended, kills every marked or recorded process;</li>
 *   <li>at start, {@link #sweep} kills what earlier JVMs recorded when their reaper did not get to
 *       (it was killed too): only processes that are provably theirs, by pid and start time.</li>
 * </ul>
 * Linux only (it needs {@code /proc}); elsewhere the mark is still set and the rest does nothing.
 *
 * <p>Thread-safe.
 */
public final class ProcessReaper {
    private static final System.Logger LOG = System.getLogger(ProcessReaper.class.getName());

    /** The environment variable that marks every process RedYellow starts, and their descendants. */
    public static final String ENV = "REDYELLOW_REAP";
    private static final Path PROC = Path.of("/proc");
    private static final String RECORD_SUFFIX = ".pids";

    private static volatile ProcessReaper shared;

    private final String token;
    private final Path record;
    private final long reaperPid;
    private final OutputStream toRecord;
    private final AtomicLong next = new AtomicLong();

    private ProcessReaper(String token, Path record, long reaperPid, OutputStream toRecord) {
        this.token = token;
        this.record = record;
        this.reaperPid = reaperPid;
        this.toRecord = toRecord;
    }

    /**
     * The reaper of this JVM, started on first use, recording under {@code ~/.redyellow/reaper}
     * (the temporary folder when home cannot be written). The first call also sweeps what earlier
     * JVMs left there.
     */
    public static ProcessReaper shared() {
        ProcessReaper r = shared;
        if (r == null) {
            synchronized (ProcessReaper.class) {
                r = shared;
                if (r == null) {
                    r = start(defaultFolder());
                    shared = r;
                }
            }
        }
        return r;
    }

    /** This JVM's reaper if one was started; none when it started no process. */
    public static Optional<ProcessReaper> sharedIfStarted() {
        return Optional.ofNullable(shared);
    }

    static Path defaultFolder() {
        Path home = Path.of(System.getProperty("user.home"), ".redyellow", "reaper");
        try {
            Files.createDirectories(home);
            if (Files.isWritable(home)) {
                return home;
            }
        } catch (IOException | SecurityException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot use " + home + " for the reaper", e);
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "redyellow-reaper-" + System.getProperty("user.name"));
    }

    /** Sweeps {@code folder}, then starts a reaper for this JVM recording there. */
    public static ProcessReaper start(Path folder) {
        return start(folder, ProcessHandle.current());
    }

    /**
     * Sweeps {@code folder}, then starts a reaper that acts when {@code watched} ends (this JVM, but
     * for tests any process). Never fails: without /proc, or when the reaper cannot start, it only marks.
     */
    static ProcessReaper start(Path folder, ProcessHandle watched) {
        String token = HexFormat.of().formatHex(randomBytes());
        Optional<String> watchedStart = startTime(watched.pid());
        if (!Files.isDirectory(PROC.resolve("self")) || watchedStart.isEmpty()) {
            return new ProcessReaper(token, null, -1, null);
        }
        try {
            Files.createDirectories(folder);
            sweep(folder);
            Path record = folder.resolve(token + RECORD_SUFFIX);
            // The header says whose record this is: while that process lives, nobody sweeps it.
            Files.writeString(record, "jvm " + watched.pid() + " " + watchedStart.get() + "\n");
            OutputStream toRecord = Files.newOutputStream(record, java.nio.file.StandardOpenOption.APPEND);
            // The outer shell starts the reaper in the background and exits at once, so the reaper is
            // re-parented away from this JVM and never counts among its descendants.
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c",
                    "sh -c \"$0\" redyellow-reaper \"$@\" </dev/null >/dev/null 2>&1 & echo $!", script(), token,
                    record.toString(), Long.toString(watched.pid()), watchedStart.get());
            builder.environment().remove(ENV);
            builder.redirectErrorStream(true);
            Process launcher = builder.start();
            launcher.getOutputStream().close();
            String pid = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            launcher.waitFor();
            return new ProcessReaper(token, record, Long.parseLong(pid), toRecord);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot start the process reaper (" + e.getMessage()
                    + "); processes left by a killed RedYellow may keep running", e);
            return new ProcessReaper(token, null, -1, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProcessReaper(token, null, -1, null);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String script() throws IOException {
        try (InputStream in = ProcessReaper.class.getResourceAsStream("reaper.sh")) {
            if (in == null) {
                throw new IOException("reaper.sh is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** This JVM's token: the value of {@value #ENV} in every process it starts begins with it. */
    public String token() {
        return token;
    }

    /** Whether a reaper process is watching (false off Linux, or when it could not start). */
    public boolean watching() {
        return reaperProcess().map(h -> !ProcessTree.hasExited(h)).orElse(false);
    }

    /** The reaper process itself (for tests). */
    Optional<ProcessHandle> reaperProcess() {
        return reaperPid < 0 ? Optional.empty() : ProcessHandle.of(reaperPid);
    }

    /**
     * Marks a process about to be started from {@code builder}; returns its tag, for
     * {@link #killTagged}. Call {@link #started} once it has started.
     */
    public String mark(ProcessBuilder builder) {
        String tag = token + "-" + next.incrementAndGet();
        builder.environment().put(ENV, tag);
        return tag;
    }

    /** Records a started process (and, later, any descendant seen) so the reaper kills it if this JVM dies. */
    public void started(ProcessHandle process) {
        if (toRecord == null) {
            return;
        }
        Optional<String> start = startTime(process.pid());
        if (start.isEmpty()) {
            return;
        }
        String line = process.pid() + " " + start.get() + "\n";
        synchronized (this) {
            try {
                // One write per line, appended: the reaper reads the file only after this JVM is gone.
                toRecord.write(line.getBytes(StandardCharsets.US_ASCII));
                toRecord.flush();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot record process " + process.pid() + " in " + record, e);
            }
        }
    }

    /**
     * Kills every live process marked with {@code tag} (SIGTERM, then after {@code grace} SIGKILL),
     * with all their descendants, wherever they moved. Returns what was left: the killed processes,
     * and any that survived the kill, each named by pid and command.
     */
    public Leftovers killTagged(String tag, Duration grace) {
        return killTagged(tag, grace, PidsFrom.UNKNOWN);
    }

    /**
     * As {@link #killTagged(String, Duration)} for a tag handed out after {@code from} was taken: only
     * processes whose PIDs were handed out since can carry it, so only theirs are read, where
     * {@link PidsFrom} can tell which those are.
     */
    public Leftovers killTagged(String tag, Duration grace, PidsFrom from) {
        Set<String> killed = new LinkedHashSet<>();
        List<ProcessHandle> survivors = List.of();
        // A leftover may fork while its kin die; a later round finds the new one by the same mark.
        for (int round = 0; round < 3; round++) {
            List<ProcessHandle> found = marked(ENV + "=" + tag + "\0", from);
            if (found.isEmpty()) {
                break;
            }
            Set<ProcessHandle> all = new LinkedHashSet<>(found);
            for (ProcessHandle h : found) {
                h.descendants().forEach(all::add);
            }
            all.stream().map(ProcessReaper::describe).forEach(killed::add);
            survivors = ProcessTree.killAll(List.copyOf(all), round == 0 ? grace : Duration.ZERO);
        }
        if (killed.isEmpty()) {
            return Leftovers.NONE;
        }
        return new Leftovers(List.copyOf(killed), survivors.stream().map(ProcessReaper::describe).toList());
    }

    /**
     * Does now what this JVM's reaper does once the JVM is gone, for a JVM that lives on between commands it runs
     * for others (the daemon): kills every live process marked with this JVM's token and every recorded one whose
     * start time still matches, with their descendants, and empties the record but for its header. No command may
     * run meanwhile. Returns the processes killed, each named by pid and command.
     */
    public synchronized List<String> killEverythingStarted() {
        Set<ProcessHandle> ours = new LinkedHashSet<>(marked(ENV + "=" + token + "-"));
        List<String> lines = List.of();
        if (record != null) {
            try {
                lines = Files.readAllLines(record, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot read the record " + record, e);
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] parts = line.trim().split(" ");
                try {
                    if (parts.length == 2) {
                        long pid = Long.parseLong(parts[0]);
                        if (startTime(pid).filter(parts[1]::equals).isPresent()) {
                            ProcessHandle.of(pid).ifPresent(ours::add);
                        }
                    }
                } catch (NumberFormatException e) {
                    // not a line this class wrote
                }
            }
        }
        for (ProcessHandle h : List.copyOf(ours)) {
            h.descendants().forEach(ours::add);
        }
        ours.remove(ProcessHandle.current());
        List<String> named = ours.stream().map(ProcessReaper::describe).toList();
        List<ProcessHandle> survivors = ours.isEmpty() ? List.of() : ProcessTree.killAll(List.copyOf(ours), Duration.ofSeconds(1));
        if (record != null && !lines.isEmpty()) {
            // appended to from the end: cut back to the header, then keep what survived for the reaper
            try (java.nio.channels.FileChannel file = java.nio.channels.FileChannel.open(record,
                    java.nio.file.StandardOpenOption.WRITE)) {
                file.truncate(lines.get(0).getBytes(StandardCharsets.US_ASCII).length + 1L);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot cut the record " + record, e);
            }
            survivors.forEach(this::started);
        }
        return named;
    }

    /** Live processes that carry this JVM's mark: what it started and has not ended yet (for the fault bench). */
    public List<ProcessHandle> liveMarked() {
        return marked(ENV + "=" + token + "-");
    }

    /** What a command left running when it ended: what was killed, and what survived the kill. */
    public record Leftovers(List<String> killed, List<String> survived) {
        public static final Leftovers NONE = new Leftovers(List.of(), List.of());

        public Leftovers {
            killed = List.copyOf(killed);
            survived = List.copyOf(survived);
        }

        public boolean any() {
            return !killed.isEmpty();
        }
    }

    /** Live processes whose environment holds {@code needle} (any user's that this user may read). */
    static List<ProcessHandle> marked(String needle) {
        return marked(needle, PidsFrom.UNKNOWN);
    }

    /** As {@link #marked(String)}, among the processes made since {@code from} where that can be told. */
    static List<ProcessHandle> marked(String needle, PidsFrom from) {
        byte[] wanted = needle.getBytes(StandardCharsets.UTF_8);
        List<ProcessHandle> found = new ArrayList<>();
        String self = Long.toString(ProcessHandle.current().pid());
        String[] entries = PROC.toFile().list();
        if (entries == null) {
            LOG.log(System.Logger.Level.DEBUG, "cannot list /proc");
            return found;
        }
        // Read after the listing: whatever it lists was made before, so its PID is at most the last.
        java.util.function.LongPredicate since = from.madeSince();
        // Every run's leftovers are looked for here, in every process of the machine (hundreds on a
        // desktop): each environment is read into one buffer, kept for the whole scan, with no path,
        // channel or array made per process.
        byte[] buffer = new byte[16 * 1024];
        for (String name : entries) {
            if (name.isEmpty() || name.charAt(0) < '0' || name.charAt(0) > '9' || name.equals(self)) {
                continue;
            }
            if (since != null) {
                long pid;
                try {
                    pid = Long.parseLong(name);
                } catch (NumberFormatException e) {
                    continue;
                }
                if (!since.test(pid)) {
                    continue; // made before the tag was handed out: it cannot carry it
                }
            }
            int length;
            try (FileInputStream in = new FileInputStream("/proc/" + name + "/environ")) {
                length = 0;
                int n;
                while ((n = in.read(buffer, length, buffer.length - length)) > 0) {
                    length += n;
                    if (length == buffer.length) {
                        buffer = Arrays.copyOf(buffer, buffer.length * 2);
                    }
                }
            } catch (IOException | SecurityException e) {
                continue; // gone, or another user's
            }
            if (contains(buffer, length, wanted)) {
                long pid;
                try {
                    pid = Long.parseLong(name);
                } catch (NumberFormatException e) {
                    continue;
                }
                ProcessHandle.of(pid).filter(h -> !ProcessTree.hasExited(h)).ifPresent(found::add);
            }
        }
        return found;
    }

    /**
     * Where the PIDs of the processes made from now on will be: the last PID handed out and the threads
     * alive (the fifth and fourth fields of {@code /proc/loadavg}), the processes and threads made since
     * boot ({@code processes} in {@code /proc/stat}) and the largest PID. PIDs are handed out in rising
     * order, skipping those in use, and come round only after the largest; so a process made since has a
     * PID above the last one then, up to the last one now, as long as the counter has not come round
     * meanwhile (the last one not lower than before, and those made since with every thread alive fewer
     * than half the PIDs there are). When that cannot be told (no /proc, a
     * /proc of another PID namespace, the counter came round), every process is a candidate.
     */
    public record PidsFrom(long lastPid, long made, long maxPid, long threads) {
        /** Nothing known: every process is read. */
        public static final PidsFrom UNKNOWN = new PidsFrom(-1, -1, -1, -1);

        /** The figures now, or {@link #UNKNOWN}. */
        public static PidsFrom now() {
            if (!OWN_PROC) {
                return UNKNOWN;
            }
            try {
                String[] load = Files.readString(PROC.resolve("loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+");
                long last = Long.parseLong(load[4]);
                long threads = Long.parseLong(load[3].substring(load[3].indexOf('/') + 1));
                long made = -1;
                for (String line : Files.readAllLines(PROC.resolve("stat"), StandardCharsets.US_ASCII)) {
                    if (line.startsWith("processes ")) {
                        made = Long.parseLong(line.substring("processes ".length()).trim());
                    }
                }
                long max = Long.parseLong(sysctl("sys/kernel/pid_max"));
                return made < 0 || last < 0 || max <= 0 ? UNKNOWN : new PidsFrom(last, made, max, threads);
            } catch (IOException | RuntimeException e) {
                return UNKNOWN;
            }
        }

        /**
         * A sysctl's value, read in one call: past its first byte a sysctl file reads as ended, and a
         * read that starts with one byte (as {@code Files.readString} does on a file of size 0) gets
         * "3" of "32768".
         */
        private static String sysctl(String name) throws IOException {
            try (FileInputStream in = new FileInputStream(PROC.resolve(name).toFile())) {
                byte[] buffer = new byte[64];
                int n = in.read(buffer);
                return n <= 0 ? "" : new String(buffer, 0, n, StandardCharsets.US_ASCII).trim();
            }
        }

        /** Whether a PID may be that of a process made since these figures; null: any may be. */
        java.util.function.LongPredicate madeSince() {
            if (lastPid < 0) {
                return null;
            }
            PidsFrom now = now();
            // The counter skips PIDs in use, so it comes round after fewer processes than there are PIDs:
            // those made since, and every thread alive, must stay under half of them.
            if (now.lastPid < 0 || now.maxPid != maxPid || now.lastPid < lastPid
                    || now.made - made + Math.max(threads, now.threads) >= maxPid / 2) {
                return null;
            }
            long from = lastPid;
            long to = now.lastPid;
            return pid -> pid > from && pid <= to;
        }
    }

    /** Whether /proc shows this JVM's own PID namespace (its {@code self} is this process). */
    private static final boolean OWN_PROC = ownProc();

    private static boolean ownProc() {
        try {
            return Files.readSymbolicLink(PROC.resolve("self")).toString().equals(Long.toString(ProcessHandle.current().pid()));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether a variable of the first {@code length} bytes of a NUL-separated environment starts with {@code needle}. */
    private static boolean contains(byte[] haystack, int length, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            if (i > 0 && haystack[i - 1] != 0) {
                continue;
            }
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Kills what earlier JVMs recorded under {@code folder} when their JVM is gone and their reaper
     * did not finish: processes marked with their token, and recorded ones whose pid and start time
     * still match. Returns how many processes were killed.
     */
    public static int sweep(Path folder) {
        int killed = 0;
        List<Path> records = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + RECORD_SUFFIX)) {
            files.forEach(records::add);
        } catch (IOException e) {
            return 0;
        }
        for (Path file : records) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                continue;
            }
            if (lines.isEmpty() || ownerAlive(lines.get(0))) {
                continue;
            }
            String name = file.getFileName().toString();
            String oldToken = name.substring(0, name.length() - RECORD_SUFFIX.length());
            Set<ProcessHandle> ours = new LinkedHashSet<>(marked(ENV + "=" + oldToken + "-"));
            for (String line : lines.subList(1, lines.size())) {
                String[] parts = line.trim().split(" ");
                if (parts.length != 2) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(parts[0]);
                    if (startTime(pid).filter(parts[1]::equals).isPresent()) {
                        ProcessHandle.of(pid).ifPresent(ours::add);
                    }
                } catch (NumberFormatException e) {
                    // not a line this class wrote
                }
            }
            if (!ours.isEmpty()) {
                for (ProcessHandle h : List.copyOf(ours)) {
                    h.descendants().forEach(ours::add);
                }
                LOG.log(System.Logger.Level.WARNING, "killing " + ours.size() + " processes an earlier RedYellow left running: "
                        + String.join(", ", ours.stream().map(ProcessReaper::describe).toList()));
                ProcessTree.killAll(List.copyOf(ours), Duration.ZERO);
                killed += ours.size();
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot delete " + file, e);
            }
        }
        return killed;
    }

    /** Whether the JVM a record's header names ("jvm PID STARTTIME") still runs. */
    private static boolean ownerAlive(String header) {
        String[] parts = header.trim().split(" ");
        if (parts.length != 3 || !parts[0].equals("jvm")) {
            return false;
        }
        try {
            return startTime(Long.parseLong(parts[1])).filter(parts[2]::equals).isPresent();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Field 22 of /proc/PID/stat (clock ticks since boot): with the pid, names one process for ever. */
    public static Optional<String> startTime(long pid) {
        try {
            String text = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.US_ASCII);
            int end = text.lastIndexOf(')');
            if (end < 0) {
                return Optional.empty();
            }
            String[] fields = text.substring(end + 2).trim().split(" ");
            // fields[0] is field 3 (state); field 22 is fields[19].
            if (fields.length < 20 || fields[0].equals("Z")) {
                return Optional.empty();
            }
            return Optional.of(fields[19]);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** "1234 (sleep 1000)": the pid and what it runs. */
    static String describe(ProcessHandle h) {
        String command = h.info().commandLine().or(() -> h.info().command()).orElse("?");
        if (command.length() > 80) {
            command = command.substring(0, 77) + "...";
        }
        return h.pid() + " (" + command + ")";
    }

    /** The record file of this JVM (for tests and the fault bench); empty off Linux. */
    Optional<Path> record() {
        return Optional.ofNullable(record);
    }
}
