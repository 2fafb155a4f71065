package dev.redyellow.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.manifest.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheKeyTest {
    private static final TestSettings JUNIT = new TestSettings.JUnit(60);
    private static final List<String> TESTS = List.of("src/test/java/tools/SlugifyTest.java");

    @TempDir
    Path dir;
    private final FileHashes hashes = new FileHashes();

    private Path workspace(String name) throws IOException {
        Path root = dir.resolve(name);
        write(root, "src/main/java/tools/Slugify.java", "class Slugify {}");
        write(root, "src/test/java/tools/SlugifyTest.java", "class SlugifyTest {}");
        write(root, "README.md", "slugs");
        return root;
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private CacheKey key(Path workspace) {
        return CacheKey.of(JUNIT, TESTS, workspace, hashes);
    }

    @Test
    void givesTheSameKeyForTheSameContent() throws IOException {
        Path workspace = workspace("w");
        assertEquals(key(workspace), key(workspace));
    }

    @Test
    void givesTheSameKeyForTheSameContentInAnotherFolder() throws IOException {
        assertEquals(key(workspace("one")).sha256(), key(workspace("two")).sha256());
    }

    @Test
    void changesWhenAFilesContentChanges() throws IOException {
        Path workspace = workspace("w");
        CacheKey before = key(workspace);
        write(workspace, "src/main/java/tools/Slugify.java", "class Slugify { int x; }");
        assertNotEquals(before.sha256(), key(workspace).sha256());
    }

    @Test
    void changesWhenAFileBecomesExecutableAndNamesTheMode() throws IOException {
        Path workspace = workspace("w");
        CacheKey before = key(workspace);
        Files.setPosixFilePermissions(workspace.resolve("README.md"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr--r--"));
        CacheKey executable = key(workspace);
        assertNotEquals(before.sha256(), executable.sha256());
        assertEquals(List.of("mode:README.md"), MissExplanation.compare("f", before, executable).added());
        Files.setPosixFilePermissions(workspace.resolve("README.md"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(before.sha256(), key(workspace).sha256(), "the bit back, the key back");
    }

    @Test
    void changesWhenAFileIsAddedOrRemoved() throws IOException {
        Path workspace = workspace("w");
        CacheKey before = key(workspace);
        write(workspace, "src/main/java/tools/Extra.java", "");
        CacheKey added = key(workspace);
        assertNotEquals(before.sha256(), added.sha256());
        Files.delete(workspace.resolve("README.md"));
        assertNotEquals(added.sha256(), key(workspace).sha256());
    }

    @Test
    void changesWhenAFileMovesWithTheSameContent() throws IOException {
        Path workspace = workspace("w");
        CacheKey before = key(workspace);
        Files.move(workspace.resolve("README.md"), workspace.resolve("README.txt"));
        assertNotEquals(before.sha256(), key(workspace).sha256());
    }

    @Test
    void changesWhenTheSettingsOrTheSelectedTestsChange() throws IOException {
        Path workspace = workspace("w");
        CacheKey junit = key(workspace);
        CacheKey longer = CacheKey.of(new TestSettings.JUnit(90), TESTS, workspace, hashes);
        CacheKey command = CacheKey.of(new TestSettings.Command(List.of("pytest"), Map.of(), 60, null), TESTS,
                workspace, hashes);
        CacheKey otherEnv = CacheKey.of(new TestSettings.Command(List.of("pytest"), Map.of("A", "1"), 60, null),
                TESTS, workspace, hashes);
        CacheKey moreTests = CacheKey.of(JUNIT, List.of(TESTS.get(0), "src/test/java/tools/OtherTest.java"),
                workspace, hashes);
        List<String> keys = List.of(junit.sha256(), longer.sha256(), command.sha256(), otherEnv.sha256(),
                moreTests.sha256());
        assertEquals(keys.size(), keys.stream().distinct().count(), keys.toString());
    }

    @Test
    void ignoresTheRedYellowFolderAndPythonByteCode() throws IOException {
        Path workspace = workspace("w");
        CacheKey before = key(workspace);
        write(workspace, ".redyellow/classes/Slugify.class", "bytes");
        write(workspace, "src/tools/__pycache__/slugify.cpython-311.pyc", "bytes");
        assertEquals(before, key(workspace));
    }

    @Test
    void readsEachUnchangedFileOnlyOnceAcrossKeys() throws IOException {
        Path workspace = workspace("w");
        try (var files = Files.walk(workspace)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }
        key(workspace);
        key(workspace);
        assertEquals(3, hashes.computedCount());
        write(workspace, "README.md", "slugs and more");
        key(workspace);
        assertEquals(4, hashes.computedCount());
    }

    /** An input of the inherited environment or the machine's zone and locale. */
    private static boolean environmental(String name) {
        return name.startsWith(InheritedEnvironment.PREFIX) || name.startsWith("system:");
    }

    @Test
    void listsEverySettingTestAndFileInputWithRelativeSlashPaths() throws IOException {
        CacheKey key = key(workspace("w"));
        // the environment's inputs depend on the machine: InheritedEnvironmentTest covers them
        assertEquals(List.of("kind", "timeout", "fork", "workerHeapMb", "runsPerWorker", "tool", "runner", "tests",
                        "file:README.md", "file:src/main/java/tools/Slugify.java", "file:src/test/java/tools/SlugifyTest.java"),
                key.inputs().stream().map(CacheInput::name).filter(n -> !environmental(n)).toList());
        assertEquals(List.of("README.md", "src/main/java/tools/Slugify.java", "src/test/java/tools/SlugifyTest.java"),
                key.files());
        assertTrue(key.sha256().matches("[0-9a-f]{64}"));
    }

    @Test
    void theCommandKindListsItsSettingsAndTool() throws IOException {
        CacheKey key = CacheKey.of(command(List.of("python3", "-m", "unittest"), Map.of()), TESTS, workspace("w"), hashes);

        assertEquals(List.of("kind", "argv", "env", "timeout", "reports", "rerunDependencyTests", "tool", "runner", "tests"),
                key.inputs().stream().map(CacheInput::name).filter(n -> !n.startsWith("file:") && !environmental(n)).toList());
    }

    @Test
    void aCommandThatRunsWarmIsKeyedApartFromOneRunAsAProcessPerRun() throws IOException {
        Path workspace = workspace("w");
        List<String> pytest = List.of("python3", "-m", "pytest", "-q");
        TestSettings.Command warm = new TestSettings.Command(pytest, Map.of(), 60, null, false, List.of(), TestSettings.Fork.WARM);
        CacheKey warmKey = CacheKey.of(warm, TESTS, workspace, hashes);
        CacheKey perRunKey = CacheKey.of(warm.withFork(TestSettings.Fork.PER_RUN), TESTS, workspace, hashes);

        assertNotEquals(warmKey.sha256(), perRunKey.sha256());
        assertTrue(warmKey.inputs().contains(CacheKey.value("fork", "warm")), warmKey.inputs().toString());
        assertTrue(perRunKey.inputs().stream().noneMatch(i -> i.name().equals("fork")), "per-run keys stay as they were");
        // unittest never runs warm: its key is the per-run one whatever the settings say.
        TestSettings.Command unittest = command(List.of("python3", "-m", "unittest"), Map.of());
        assertEquals(CacheKey.of(unittest, TESTS, workspace, hashes).sha256(),
                CacheKey.of(unittest.withFork(TestSettings.Fork.PER_RUN), TESTS, workspace, hashes).sha256());
    }

    @Test
    void eachJUnitSettingChangesTheKey() throws IOException {
        Path workspace = workspace("w");
        TestSettings.JUnit base = new TestSettings.JUnit(60);
        List<TestSettings> variants = List.of(base, new TestSettings.JUnit(61), base.withFork(TestSettings.Fork.PER_RUN),
                new TestSettings.JUnit(60, TestSettings.Fork.WARM, 512, 500),
                new TestSettings.JUnit(60, TestSettings.Fork.WARM, 256, 1));

        List<String> keys = variants.stream().map(v -> CacheKey.of(v, TESTS, workspace, hashes).sha256()).toList();

        assertEquals(keys.size(), keys.stream().distinct().count(), keys.toString());
    }

    @Test
    void eachCommandSettingChangesTheKey() throws IOException {
        Path workspace = workspace("w");
        List<String> argv = List.of("python3", "-m", "unittest");
        List<TestSettings> variants = List.of(
                command(argv, Map.of()),
                command(List.of("python3", "-m", "unittest", "-v"), Map.of()),
                command(argv, Map.of("MODE", "strict")),
                new TestSettings.Command(argv, Map.of(), 61, null, false),
                new TestSettings.Command(argv, Map.of(), 60, "reports/*.xml", false),
                new TestSettings.Command(argv, Map.of(), 60, null, true));

        List<String> keys = variants.stream().map(v -> CacheKey.of(v, TESTS, workspace, hashes).sha256()).toList();

        assertEquals(keys.size(), keys.stream().distinct().count(), keys.toString());
    }

    @Test
    void equalSettingsGiveEqualKeysWhateverTheOrderOfTheEnvironment() throws IOException {
        Path workspace = workspace("w");
        Map<String, String> one = new java.util.LinkedHashMap<>();
        one.put("A", "1");
        one.put("B", "2");
        Map<String, String> other = new java.util.LinkedHashMap<>();
        other.put("B", "2");
        other.put("A", "1");

        assertEquals(CacheKey.of(command(List.of("node", "--test"), one), TESTS, workspace, hashes),
                CacheKey.of(command(List.of("node", "--test"), other), TESTS, workspace, hashes));
        assertEquals(CacheKey.of(new TestSettings.JUnit(60), TESTS, workspace, hashes),
                CacheKey.of(new TestSettings.JUnit(60), TESTS, workspace, hashes));
    }

    @Test
    void argvAndEnvAreEncodedSoThatJoinedValuesDiffer() throws IOException {
        Path workspace = workspace("w");

        assertNotEquals(CacheKey.of(command(List.of("echo", "a, b"), Map.of()), TESTS, workspace, hashes).sha256(),
                CacheKey.of(command(List.of("echo", "a", "b"), Map.of()), TESTS, workspace, hashes).sha256());
        assertNotEquals(CacheKey.of(command(List.of("echo"), Map.of("A", "1, B=2")), TESTS, workspace, hashes).sha256(),
                CacheKey.of(command(List.of("echo"), Map.of("A", "1", "B", "2")), TESTS, workspace, hashes).sha256());
        assertNotEquals(CacheKey.of(JUNIT, List.of("a\nb"), workspace, hashes).sha256(),
                CacheKey.of(JUNIT, List.of("a", "b"), workspace, hashes).sha256());
    }

    @Test
    void theFeatureIsAnInputOnlyWhenTheCommandNamesIt() throws IOException {
        Path workspace = workspace("w");
        TestSettings named = command(List.of("check", "--only={feature}"), Map.of());
        TestSettings plain = command(List.of("check"), Map.of());

        assertNotEquals(CacheKey.of(named, TESTS, "slug", workspace, hashes).sha256(),
                CacheKey.of(named, TESTS, "title", workspace, hashes).sha256());
        assertEquals(CacheKey.of(plain, TESTS, "slug", workspace, hashes).sha256(),
                CacheKey.of(plain, TESTS, "title", workspace, hashes).sha256());
    }

    @Test
    void inputsAreLengthPrefixedSoNoFieldRunsIntoTheNext() {
        assertNotEquals(CacheKey.of(List.of(new CacheInput("ab", "c"))).sha256(),
                CacheKey.of(List.of(new CacheInput("a", "bc"))).sha256());
        assertNotEquals(CacheKey.of(List.of(new CacheInput("a", "b"), new CacheInput("c", "d"))).sha256(),
                CacheKey.of(List.of(new CacheInput("a", "b\nc\0d"))).sha256());
    }

    @Test
    void theProgramFoundOnThePathIsAnInput() throws IOException {
        Path workspace = workspace("w");
        Path one = program(dir.resolve("bin-one"), "#!/bin/sh\necho one\n");
        Path two = program(dir.resolve("bin-two"), "#!/bin/sh\necho two, a longer one\n");

        CacheInput first = tool(CacheKey.of(command(List.of("redyellow-probe"), Map.of("PATH", one.toString())), TESTS,
                workspace, hashes));
        CacheInput second = tool(CacheKey.of(command(List.of("redyellow-probe"), Map.of("PATH", two.toString())), TESTS,
                workspace, hashes));
        CacheInput again = tool(CacheKey.of(command(List.of("redyellow-probe"), Map.of("PATH", one.toString())), TESTS,
                workspace, hashes));

        assertNotEquals(first, second);
        assertEquals(first, again);
    }

    @Test
    void aLinkedProgramIsKnownByWhatItLinksTo() throws IOException {
        Path workspace = workspace("w");
        Path real311 = program(dir.resolve("py311"), "#!/bin/sh\necho 3.11\n").resolve("redyellow-probe");
        Path real312 = program(dir.resolve("py312"), "#!/bin/sh\necho 3.12\n").resolve("redyellow-probe");
        Path linkA = Files.createDirectories(dir.resolve("link-a"));
        Path linkB = Files.createDirectories(dir.resolve("link-b"));
        Files.createSymbolicLink(linkA.resolve("redyellow-probe"), real311);
        Files.createSymbolicLink(linkB.resolve("redyellow-probe"), real312);

        assertNotEquals(
                tool(CacheKey.of(command(List.of(linkA.resolve("redyellow-probe").toString()), Map.of()), TESTS, workspace, hashes)),
                tool(CacheKey.of(command(List.of(linkB.resolve("redyellow-probe").toString()), Map.of()), TESTS, workspace, hashes)));
    }

    @Test
    void aProgramInsideTheWorkspaceGivesTheSameKeyInAnotherFolder() throws IOException {
        Path one = workspace("one");
        Path two = workspace("two");
        for (Path w : List.of(one, two)) {
            program(w.resolve(".venv/bin"), "#!/bin/sh\necho venv\n");
        }
        TestSettings settings = command(List.of(".venv/bin/redyellow-probe", "-m", "pytest"), Map.of());

        assertEquals(CacheKey.of(settings, TESTS, one, hashes).sha256(), CacheKey.of(settings, TESTS, two, hashes).sha256());
    }

    @Test
    void theJavaRuntimeIsTheJUnitTool() throws IOException {
        CacheInput tool = tool(key(workspace("w")));

        assertEquals(CacheKey.value("tool", ToolStamps.javaRuntime()), tool);
        assertTrue(ToolStamps.javaRuntime().contains(System.getProperty("java.runtime.version")));
    }

    @Test
    void aJavaRuntimeOfTheSameVersionAndPlaceWithOtherModulesIsAnotherTool() throws Exception {
        // Two real JVMs of this JDK: one with all its modules, one limited to a few, as a trimmed runtime is.
        String full = runtimeStampOf();
        String limited = runtimeStampOf("--limit-modules", "java.base,java.logging");
        assertTrue(full.contains(System.getProperty("java.home")) && limited.contains(System.getProperty("java.home")),
                full + " / " + limited);
        assertNotEquals(full, limited, "the modules a project may use differ");
        assertEquals(full, runtimeStampOf(), "and the stamp is the same for the same runtime");
    }

    private static String runtimeStampOf(String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PrintRuntimeStamp.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void aMissNamesTheForkModeAndTheToolThatChanged() throws IOException {
        Path workspace = workspace("w");
        CacheKey warm = CacheKey.of(JUNIT, TESTS, workspace, hashes);
        CacheKey perRun = CacheKey.of(new TestSettings.JUnit(60).withFork(TestSettings.Fork.PER_RUN), TESTS, workspace, hashes);
        Path one = program(dir.resolve("bin-a"), "#!/bin/sh\n");
        Path two = program(dir.resolve("bin-b"), "#!/bin/sh\n\n");
        CacheKey toolOne = CacheKey.of(new TestSettings.Command(List.of("redyellow-probe"), Map.of(), 60, null), TESTS,
                workspace, hashes);
        CacheKey rerun = CacheKey.of(new TestSettings.Command(List.of("redyellow-probe"), Map.of(), 60, null, true), TESTS,
                workspace, hashes);

        assertEquals(List.of("fork"), MissExplanation.compare("slug", warm, perRun).changed());
        assertEquals(List.of("rerunDependencyTests"), MissExplanation.compare("slug", toolOne, rerun).changed());
        MissExplanation tools = MissExplanation.compare("slug",
                CacheKey.of(command(List.of("redyellow-probe"), Map.of("PATH", one.toString())), TESTS, workspace, hashes),
                CacheKey.of(command(List.of("redyellow-probe"), Map.of("PATH", two.toString())), TESTS, workspace, hashes));
        assertEquals(List.of("env", "tool"), tools.changed());
        assertTrue(tools.describe().contains("  changed tool"), tools.describe());
    }

    private static TestSettings.Command command(List<String> argv, Map<String, String> env) {
        return new TestSettings.Command(argv, env, 60, null);
    }

    private static CacheInput tool(CacheKey key) {
        return key.inputs().stream().filter(i -> i.name().equals("tool")).findFirst().orElseThrow();
    }

    /** An executable {@code redyellow-probe} in the folder. */
    private static Path program(Path folder, String text) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("redyellow-probe");
        Files.writeString(file, text);
        file.toFile().setExecutable(true);
        return folder;
    }
}
