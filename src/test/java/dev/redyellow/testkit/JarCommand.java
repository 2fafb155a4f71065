package dev.redyellow.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts the built jar as a process of its own, as a user does: this JVM's java,
 * and, when the build set {@code redyellow.log.dir}, that log folder, so tests never write into the
 * user's own {@code ~/.redyellow/logs}.
 */
public final class JarCommand {
    private JarCommand() {
    }

    /** {@code java [-Dredyellow.log.dir=...] -jar JAR}, to which the caller adds the arguments. */
    public static List<String> of(Path jar) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String logs = System.getProperty("redyellow.log.dir");
        if (logs != null && !logs.isBlank()) {
            command.add("-Dredyellow.log.dir=" + logs);
        }
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }
}
