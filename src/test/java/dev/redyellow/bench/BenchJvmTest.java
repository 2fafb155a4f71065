package dev.redyellow.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options a benchmark gives a new JVM "as the installed command runs it" are the installed command's. */
class BenchJvmTest {
    @TempDir
    Path dir;

    @Test
    void theCommandLinesOptionsAreTheLaunchersAndTheScriptsOwn() throws Exception {
        String launcher = Files.readString(ProjectFiles.root().resolve("packaging/app-image.jpackage"));
        String script = Files.readString(ProjectFiles.root().resolve("packaging/redyellow-cli.sh"));
        List<String> options = BenchJvm.commandLineOptions();
        for (String option : options) {
            assertTrue(launcher.contains("--java-options " + option + "\n") || script.contains(" " + option),
                    option + " is neither the launcher's nor redyellow-cli.sh's");
        }
        assertTrue(options.containsAll(List.of("-XX:TieredStopAtLevel=1", BenchJvm.JAVAC_EXPORT, "-XX:+UseSerialGC", "-Xms64m")),
                options.toString());
        assertTrue(script.contains("set -- \"$@\" -XX:+UseSerialGC -Xms64m\n"), "the script's command-line options moved");
        assertTrue(script.contains("-XX:+UseTransparentHugePages"), "the script asks for huge pages");
    }

    @Test
    void hugePagesAreAskedForOnlyWhereTheKernelLendsThem() throws Exception {
        Path setting = dir.resolve("enabled");
        Files.writeString(setting, "always [madvise] never\n");
        assertTrue(BenchJvm.kernelLendsHugePages(setting));
        Files.writeString(setting, "[always] madvise never\n");
        assertTrue(BenchJvm.kernelLendsHugePages(setting));
        Files.writeString(setting, "always madvise [never]\n");
        assertFalse(BenchJvm.kernelLendsHugePages(setting));
        assertFalse(BenchJvm.kernelLendsHugePages(dir.resolve("missing")));
    }
}
