package dev.redyellow.bench;

import java.lang.management.ManagementFactory;
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
