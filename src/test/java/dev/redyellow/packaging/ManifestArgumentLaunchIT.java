package dev.redyellow.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file manager starts the installed launcher with the double-clicked manifest as its only
 * argument: that must open the window, while every other argument list stays the command line.
 * Run without a display, the window side is recognisable by its "no display" refusal.
 */
class ManifestArgumentLaunchIT {

    private static final String NO_DISPLAY = "no display to open the window on";

    @TempDir
    Path tmp;

    record Result(int exit, String out, String err) {
    }

    private Result launch(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("redyellow.jar", "target/redyellow.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "built jar at " + jar);
        List<String> command = new ArrayList<>(dev.redyellow.testkit.JarCommand.of(jar));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process p = builder.start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the launcher finished");
        return new Result(p.exitValue(), Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
    }

    @Test
    void aSingleExistingRedyellowFileOpensTheWindow() throws Exception {
        Path manifest = Files.writeString(tmp.resolve("project.redyellow"), "{}");
        Result r = launch(manifest.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(NO_DISPLAY), r.err());
    }

    @Test
    void aSingleExistingJsonFileGivenRelativeToTheWorkingFolderOpensTheWindow() throws Exception {
        Files.writeString(tmp.resolve("manifest.json"), "{}");
        Result r = launch("manifest.json");
        assertTrue(r.err().contains(NO_DISPLAY), r.err());
    }

    @Test
    void aManifestFileThatDoesNotExistIsACommandLineError() throws Exception {
        Result r = launch(tmp.resolve("missing.redyellow").toString());
        assertEquals(2, r.exit());
        assertFalse(r.err().contains(NO_DISPLAY), r.err());
    }

    @Test
    void anExistingFileOfAnotherKindIsACommandLineError() throws Exception {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "hello");
        Result r = launch(notes.toString());
        assertEquals(2, r.exit());
        assertFalse(r.err().contains(NO_DISPLAY), r.err());
    }

    @Test
    void aCommandWithAManifestStaysTheCommandLine() throws Exception {
        Path samples = dev.redyellow.ProjectFiles.samples();
        Result r = launch("plan", samples.resolve("string-tools/manifest.json").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Critical path"), r.out());
    }
}
