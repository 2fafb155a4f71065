package dev.redyellow.daemon;

import dev.redyellow.files.Sha256;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a daemon must share with a command for its answer to be the one a new JVM would give: RedYellow's
 * code, and every system property and environment variable of the JVM the command started (the working
 * folder is the property {@code user.dir}, the Java runtime {@code java.home} and its version). Test
 * processes inherit the daemon's environment, and the test cache keys what they inherit from it; a
 * command whose environment differs in anything is therefore never answered by that daemon, but by one
 * of its own.
 *
 * <p>Left out, as they name the launch and not what the command does: the properties the launcher sets
 * from its own command line and terminal ({@link #LAUNCH_PROPERTIES}), and the shell's bookkeeping
 * variables ({@link #SHELL_VARIABLES}). Values are only ever hashed: {@link #differences} names parts,
 * never their values, as variables may hold secrets.
 */
public final class DaemonIdentity {
    /**
     * The launcher's own: the main class and arguments, the terminal's encodings (a daemon has none), and the VM's
     * description (its JIT mode and whether the class-data archive mapped, which the options already say, or which
     * a start may lose by chance).
     */
    static final Set<String> LAUNCH_PROPERTIES = Set.of("sun.java.command", "sun.stdout.encoding",
            "sun.stderr.encoding", "stdout.encoding", "stderr.encoding", "stdin.encoding", "jdk.module.main", "java.vm.info");
    /** The shell's: its last command, previous folder and nesting depth. */
    static final Set<String> SHELL_VARIABLES = Set.of("_", "OLDPWD", "SHLVL");
    /** What macOS's java launcher sets in its own environment, by its pid: every JVM's differs. */
    static final Pattern LAUNCHER_VARIABLES = Pattern.compile("JAVA_MAIN_CLASS_\\d+|JAVA_STARTED_ON_FIRST_THREAD_\\d+");
    /** The launcher's options that take the next word as their value. */
    private static final Set<String> WITH_VALUE = Set.of("-p", "--module-path", "--upgrade-module-path", "--add-modules",
            "--limit-modules", "--add-exports", "--add-opens", "--add-reads", "--patch-module", "--source",
            "--enable-native-access");
    private static final Set<String> CLASS_PATH = Set.of("-cp", "-classpath", "--class-path");
    /** Where Linux tells what else a process inherits: its umask, groups, CPUs, limits, control groups, namespaces. */
    private static final Path PROC_SELF = Path.of("/proc/self");

    private final String id;
    private final SortedMap<String, String> parts;

    private DaemonIdentity(SortedMap<String, String> parts) {
        this.parts = parts;
        MessageDigest digest = Sha256.digest();
        parts.forEach((name, value) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(value.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        });
        this.id = Sha256.hex(digest).substring(0, 24);
    }

    /**
     * This JVM's identity; empty where the system does not tell this JVM's options (no daemon can be started
     * with them then).
     */
    public static Optional<DaemonIdentity> current() {
        Optional<List<String>> options = jvmOptions();
        if (options.isEmpty()) {
            return Optional.empty();
        }
        SortedMap<String, String> machine = new TreeMap<>();
        machine.put("jvm", String.join("\0", options.get()));
        machine.put("cwd", fileKey(Path.of(".")));
        machine.put("runtime", stamp(Path.of(System.getProperty("java.home"), "lib", "modules")));
        machine.put("zone", zoneFiles(Path.of("/etc")));
        machine.putAll(processState(PROC_SELF));
        return Optional.of(of(codeStamp(), System.getProperties(), System.getenv(), machine));
    }

    /** The identity of a JVM running {@code code} with these properties and this environment. */
    static DaemonIdentity of(String code, Properties properties, Map<String, String> environment) {
        return of(code, properties, environment, new TreeMap<>());
    }

    /**
     * The identity of a JVM running {@code code} with these properties, this environment, and these other parts
     * (its options, working folder, runtime, the machine's zone, the process's inherited state).
     */
    static DaemonIdentity of(String code, Properties properties, Map<String, String> environment,
                             SortedMap<String, String> other) {
        SortedMap<String, String> parts = new TreeMap<>(other);
        parts.put("code", code);
        for (String name : properties.stringPropertyNames()) {
            if (!LAUNCH_PROPERTIES.contains(name)) {
                parts.put("property:" + name, properties.getProperty(name));
            }
        }
        environment.forEach((name, value) -> {
            if (!SHELL_VARIABLES.contains(name) && !LAUNCHER_VARIABLES.matcher(name).matches()) {
                parts.put("env:" + name, value);
            }
        });
        return new DaemonIdentity(parts);
    }

    /** The hex digest that names the daemon: its socket, lock and log files. */
    public String id() {
        return id;
    }

    /** The names of the parts (code, {@code property:NAME}, {@code env:NAME}) where {@code other} differs. */
    public List<String> differences(DaemonIdentity other) {
        Set<String> names = new java.util.TreeSet<>(parts.keySet());
        names.addAll(other.parts.keySet());
        List<String> differing = new ArrayList<>();
        for (String name : names) {
            if (!Objects.equals(parts.get(name), other.parts.get(name))) {
                differing.add(name);
            }
        }
        return differing;
    }

    /**
     * This JVM's options as its command line gave them, up to the main class, jar or module (the class path left
     * out: it is the property {@code java.class.path}); the variables that add options ({@code JAVA_TOOL_OPTIONS},
     * {@code JDK_JAVA_OPTIONS}) are keyed as variables. Empty where the system does not tell.
     */
    public static Optional<List<String>> jvmOptions() {
        return commandLine().flatMap(DaemonIdentity::jvmOptions);
    }

    /**
     * This process's arguments after the program: on Linux from {@code /proc/self/cmdline} (the JDK's own reading
     * gives nothing for a command line of a page or more, as a long class path makes), elsewhere the JDK's.
     */
    private static Optional<List<String>> commandLine() {
        Path cmdline = PROC_SELF.resolve("cmdline");
        if (Files.isRegularFile(cmdline)) {
            try {
                String text = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
                List<String> words = new ArrayList<>(List.of(text.split("\0", -1)));
                if (words.size() > 1 && words.get(words.size() - 1).isEmpty()) {
                    words.remove(words.size() - 1);
                }
                return words.isEmpty() ? Optional.empty() : Optional.of(words.subList(1, words.size()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return ProcessHandle.current().info().arguments().map(List::of);
    }

    /** The options of {@code args}; empty when an argument file ({@code @file}) hides what they are. */
    static Optional<List<String>> jvmOptions(List<String> args) {
        List<String> options = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("@")) {
                return Optional.empty();
            }
            if (arg.equals("-jar") || arg.equals("-m") || arg.equals("--module") || !arg.startsWith("-")) {
                break; // what follows is the main and its arguments
            }
            if (CLASS_PATH.contains(arg)) {
                i++;
                continue;
            }
            options.add(arg);
            if (WITH_VALUE.contains(arg) && i + 1 < args.size()) {
                options.add(args.get(++i));
            }
        }
        return Optional.of(options);
    }

    /** The file system's identity of {@code path} (device and inode): a folder replaced under the same name differs. */
    static String fileKey(Path path) {
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            return key != null ? key.toString() : path.toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return "unreadable (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** A file by size and modification time (the Java runtime's module image: a runtime rebuilt in place differs). */
    static String stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() + " " + a.lastModifiedTime().toMillis() + " " + a.fileKey();
        } catch (IOException | RuntimeException e) {
            return "unreadable (" + e.getClass().getSimpleName() + ")";
        }
    }

    /**
     * The machine's time zone as a process without {@code TZ} finds it: {@code /etc/localtime}'s link (or the
     * file's stamp) and {@code /etc/timezone}. A JVM reads them once; a daemon would keep an old zone.
     */
    static String zoneFiles(Path etc) {
        StringBuilder zone = new StringBuilder();
        Path localtime = etc.resolve("localtime");
        try {
            zone.append(Files.isSymbolicLink(localtime) ? Files.readSymbolicLink(localtime).toString() : stamp(localtime));
            Path timezone = etc.resolve("timezone");
            if (Files.isRegularFile(timezone)) {
                zone.append(" ").append(Files.readString(timezone, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException | RuntimeException e) {
            zone.append(" unreadable (").append(e.getClass().getSimpleName()).append(')');
        }
        return zone.toString();
    }

    /**
     * What a process inherits besides its environment, as Linux tells it: the umask, groups and CPUs allowed
     * ({@code status}), resource limits ({@code limits}), control groups ({@code cgroup}) and namespaces ({@code ns/}).
     * Test processes inherit all of them from the daemon. Nothing where there is no {@code /proc}.
     */
    static SortedMap<String, String> processState(Path self) {
        SortedMap<String, String> state = new TreeMap<>();
        if (!Files.isDirectory(self)) {
            return state;
        }
        try {
            for (String line : Files.readAllLines(self.resolve("status"), StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                String name = colon < 0 ? "" : line.substring(0, colon);
                if (Set.of("Umask", "Groups", "Cpus_allowed_list", "Mems_allowed_list", "NoNewPrivs").contains(name)) {
                    state.put("process:" + name, line.substring(colon + 1).strip());
                }
            }
            state.put("process:limits", Files.readString(self.resolve("limits"), StandardCharsets.UTF_8));
            state.put("process:cgroup", Files.readString(self.resolve("cgroup"), StandardCharsets.UTF_8));
            try (Stream<Path> namespaces = Files.list(self.resolve("ns"))) {
                for (Path ns : namespaces.sorted().toList()) {
                    state.put("process:ns:" + ns.getFileName(), Files.readSymbolicLink(ns).toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            state.put("process:unreadable", e.getClass().getSimpleName());
        }
        return state;
    }

    /**
     * RedYellow's code, by where it was loaded from: a jar by its path, size and modification time (the
     * installer's and the build's jars are replaced whole), a class folder by every file's path, size and
     * modification time (a developer's build rewrites a few of them).
     */
    public static String codeStamp() {
        try {
            return codeStamp(Path.of(DaemonIdentity.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return "unknown code source (" + e + ")";
        }
    }

    /** The stamp of the jar or class folder {@code code}. */
    static String codeStamp(Path code) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(code, BasicFileAttributes.class);
            if (!attributes.isDirectory()) {
                return code + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
            }
            MessageDigest digest = Sha256.digest();
            try (Stream<Path> files = Files.walk(code)) {
                files.filter(Files::isRegularFile).sorted().forEach(file -> {
                    try {
                        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                        digest.update((code.relativize(file) + " " + a.size() + " " + a.lastModifiedTime().toMillis() + "\n")
                                .getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        digest.update(("unreadable " + file + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                });
            }
            return code + " " + Sha256.hex(digest);
        } catch (IOException | RuntimeException e) {
            return "unreadable code source " + code + " (" + e + ")";
        }
    }
}
