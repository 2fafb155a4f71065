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
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
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
    /** The launcher's own: the main class and arguments, and the terminal's encodings (a daemon has none). */
    static final Set<String> LAUNCH_PROPERTIES = Set.of("sun.java.command", "sun.stdout.encoding",
            "sun.stderr.encoding", "stdout.encoding", "stderr.encoding", "jdk.module.main");
    /** The shell's: its last command, previous folder and nesting depth. */
    static final Set<String> SHELL_VARIABLES = Set.of("_", "OLDPWD", "SHLVL");

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

    /** This JVM's identity. */
    public static DaemonIdentity current() {
        return of(codeStamp(), System.getProperties(), System.getenv());
    }

    /** The identity of a JVM running {@code code} with these properties and this environment. */
    static DaemonIdentity of(String code, Properties properties, Map<String, String> environment) {
        SortedMap<String, String> parts = new TreeMap<>();
        parts.put("code", code);
        for (String name : properties.stringPropertyNames()) {
            if (!LAUNCH_PROPERTIES.contains(name)) {
                parts.put("property:" + name, properties.getProperty(name));
            }
        }
        environment.forEach((name, value) -> {
            if (!SHELL_VARIABLES.contains(name)) {
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
