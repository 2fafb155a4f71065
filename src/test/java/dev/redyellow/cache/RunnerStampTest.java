package dev.redyellow.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner stamp: what RedYellow's test-running code is, from a jar or a class folder. */
class RunnerStampTest {
    @TempDir
    Path dir;

    private static final Map<String, String> CODE = new TreeMap<>(Map.of(
            "dev/redyellow/testing/JUnitTestRunner.class", "runner v1",
            "dev/redyellow/testing/warm/pytest_server.py", "server v1",
            "dev/redyellow/exec/ProcessRunner.class", "processes v1",
            "dev/redyellow/ui/MainWindow.class", "window v1"));

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    private Path folder(String name, Map<String, String> entries) throws IOException {
        return dev.redyellow.testkit.FileTrees.write(dir.resolve(name), entries);
    }

    private static Map<String, String> with(String name, String content) {
        Map<String, String> changed = new TreeMap<>(CODE);
        changed.put(name, content);
        return changed;
    }

    @Test
    void theSameCodeGivesTheSameStampWhereverItLiesAndAChangedRunnerAnother() throws IOException {
        String stamp = RunnerStamp.of(jar("a.jar", CODE));
        assertTrue(stamp.matches("[0-9a-f]{64}"), stamp);
        Path elsewhere = Files.createDirectories(dir.resolve("opt/app"));
        assertEquals(stamp, RunnerStamp.of(Files.move(jar("b.jar", CODE), elsewhere.resolve("redyellow.jar"))));
        assertNotEquals(stamp, RunnerStamp.of(jar("c.jar", with("dev/redyellow/testing/JUnitTestRunner.class", "runner v2"))));
        assertNotEquals(stamp, RunnerStamp.of(jar("d.jar", with("dev/redyellow/testing/warm/pytest_server.py", "server v2"))));
        assertNotEquals(stamp, RunnerStamp.of(jar("e.jar", with("dev/redyellow/exec/ProcessRunner.class", "processes v2"))));
        // the window is no runner: a change to it keeps every key
        assertEquals(stamp, RunnerStamp.of(jar("f.jar", with("dev/redyellow/ui/MainWindow.class", "window v2"))));
    }

    @Test
    void aClassFolderIsReadByContent() throws IOException {
        String stamp = RunnerStamp.of(folder("classes", CODE));
        assertTrue(stamp.matches("[0-9a-f]{64}"), stamp);
        assertEquals(stamp, RunnerStamp.of(folder("again", CODE)));
        assertNotEquals(stamp, RunnerStamp.of(folder("changed", with("dev/redyellow/testing/JUnitTestRunner.class", "runner v2"))));
        assertEquals(stamp, RunnerStamp.of(folder("window", with("dev/redyellow/ui/MainWindow.class", "window v2"))));
    }

    @Test
    void withoutRunnerCodeTheStampIsOneNoOtherStartShares() throws IOException {
        String none = RunnerStamp.of(jar("ui-only.jar", Map.of("dev/redyellow/ui/MainWindow.class", "window")));
        assertTrue(none.startsWith("unknown "), none);
        assertNotEquals(none, RunnerStamp.of(jar("ui-only-2.jar", Map.of("dev/redyellow/ui/MainWindow.class", "window"))));
        assertTrue(RunnerStamp.of(dir.resolve("missing.jar")).startsWith("unknown "));
    }

    @Test
    void aJarAndTheClassFolderItIsMadeOfGiveOneStamp() throws IOException {
        assertEquals(RunnerStamp.of(folder("classes", CODE)), RunnerStamp.of(jar("made.jar", CODE)));
    }

    @Test
    void theStampTheBuildWroteIsThatOfTheClassesThisJvmRuns() throws Exception {
        // the tests run from the build's class folder, where the pom's runner-stamp execution wrote it: a stamp
        // left from an earlier build of other runner code would differ
        Path classes = Path.of(RunnerStamp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(classes), classes.toString());
        assertTrue(RunnerStamp.built().isPresent(), "no " + RunnerStamp.RESOURCE + " beside RunnerStamp");
        assertEquals(RunnerStamp.of(classes), RunnerStamp.built().get());
        assertEquals(RunnerStamp.of(classes), RunnerStamp.get());
    }

    @Test
    void theBuildStepWritesTheStampAndRefusesAFolderWithoutRunnerCode() throws Exception {
        Path stamp = dir.resolve("runner.stamp");
        RunnerStamp.main(new String[] {folder("classes", CODE).toString(), stamp.toString()});
        assertEquals(RunnerStamp.of(folder("again", CODE)), Files.readString(stamp).strip());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        IOException refused = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> RunnerStamp.main(new String[] {empty.toString(), dir.resolve("none.stamp").toString()}));
        assertTrue(refused.getMessage().contains("cannot stamp the runner code in " + empty), refused.getMessage());
    }
}
