package dev.redyellow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of the JVM a benchmark runs in, which its figures depend on: the engine runs in it, so
 * its JIT is the engine's. The README's command and the installed launcher start RedYellow with
 * {@code -XX:TieredStopAtLevel=1} (C1 only); a benchmark names what it ran with, in its header and in
 * the command that reproduces it.
 */
final class BenchJvm {

    /** The launcher's JIT option (packaging/app-image.jpackage, the README's command). */
    static final String LAUNCHER_OPTION = "-XX:TieredStopAtLevel=1";

    private BenchJvm() {
    }

    /** The package the in-process javac lives in, which the launcher exports to the class path (app-image.jpackage). */
    static final String JAVAC_EXPORT = "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED";

    /**
     * The JVM options of the installed {@code redyellow} command line, its class-data archive aside: the
     * launcher's (packaging/app-image.jpackage) and those packaging/redyellow-cli.sh adds for the command
     * line, huge pages only where the kernel lends them, as the script decides.
     */
    static List<String> commandLineOptions() {
        List<String> options = new ArrayList<>(List.of(LAUNCHER_OPTION, JAVAC_EXPORT, "-XX:+UseSerialGC", "-Xms64m"));
        if (kernelLendsHugePages(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"))) {
            options.add("-XX:+UseTransparentHugePages");
        }
        return options;
    }

    /** Whether {@code setting} (the kernel's transparent huge page mode) lends them on request or always. */
    static boolean kernelLendsHugePages(Path setting) {
        try {
            String mode = Files.readString(setting);
            return mode.contains("[madvise]") || mode.contains("[always]");
        } catch (IOException | RuntimeException e) {
            return false; // no such setting: not Linux, or no huge pages
        }
    }

    /** This JVM's -X and -XX options. */
    static List<String> options() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("-X"))
                .toList();
    }

    /** What a header says of the JVM: its options, and whether it compiles as the launcher's does. */
    static String describe() {
        List<String> options = options();
        String named = options.isEmpty() ? "no JVM options" : "JVM options " + String.join(" ", options);
        return options.contains(LAUNCHER_OPTION) ? named + " (the launcher's JIT)"
                : named + " (not the launcher's " + LAUNCHER_OPTION + ": C2 compiles here, the app's JVM does not)";
    }

    /** {@code java <this JVM's -X options> -jar target/redyellow.jar}: the start of a reproduce line. */
    static String command() {
        StringBuilder command = new StringBuilder("java");
        options().forEach(option -> command.append(' ').append(option));
        return command.append(" -jar target/redyellow.jar").toString();
    }
}
