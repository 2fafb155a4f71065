package dev.redyellow.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.WorkspaceFactory;
import dev.redyellow.exec.WorkspacePlan;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.TestRequest;
import dev.redyellow.testing.TestResult;
import dev.redyellow.testing.TestRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key made from a planned workspace's content (base snapshot hashed once, layers from their
 * bytes) is the key the walk of the made workspace gives, on real folders with links, a shared
 * dependency folder, an executable script, ignored folders and a FIFO.
 */
class PlannedKeyTest {
    private static final TestSettings JUNIT = new TestSettings.JUnit(60);
    private static final TestSettings PYTHON = new TestSettings.Command(List.of("python3", "-m", "pytest", "{tests}"),
            Map.of("A", "1"), 30, null);
    private static final List<String> TESTS = List.of("test/ATest.java");

    @TempDir
    Path dir;
    private final FileHashes hashes = new FileHashes();

    private Path base(String name) throws Exception {
        Path base = dir.resolve(name);
        write(base, "src/A.java", "class A {}");
        write(base, "README.md", "readme");
        write(base, "bin/run.sh", "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(base.resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        write(base, "node_modules/pkg/index.js", "module.exports = 1;");
        write(base, "__pycache__/a.pyc", "bytecode");
        write(base, "sub/__pycache__/b.pyc", "bytecode");
        write(base, ".redyellow/scratch.txt", "scratch");
        Files.createDirectories(base.resolve("docs"));
        Files.createSymbolicLink(base.resolve("docs/latest"), Path.of("../README.md"));
        Files.createSymbolicLink(base.resolve("lib"), Path.of("src"));
        Files.createSymbolicLink(base.resolve("dangling"), Path.of("nowhere/at/all"));
        Process mkfifo = new ProcessBuilder("mkfifo", base.resolve("pipe").toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        return base;
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static List<FileSet> layers(String attemptText) {
        return List.of(
                FileSet.ofText(Map.of("src/B.java", "class B {}", "README.md", "dependency's readme")),
                FileSet.ofText(Map.of("test/ATest.java", "class ATest {}", "docs/latest", "a file over the link")),
                FileSet.ofText(Map.of("src/A.java", attemptText, "pkg/__pycache__/c.pyc", "ignored",
                        "new/deep/C.java", "class C {}", "bin/run.sh", "#!/bin/sh\necho replaced\n")));
    }

    private CacheKey walked(TestSettings settings, WorkspacePlan plan) throws IOException {
        return CacheKey.of(settings, TESTS, "a", plan.materialise().root(), hashes);
    }

    private static CacheKey planned(TestSettings settings, WorkspacePlan plan) {
        return CacheKey.of(settings, TESTS, "a", plan.content().orElseThrow());
    }

    @Test
    void thePlannedKeyIsTheKeyOfTheMadeWorkspace() throws Exception {
        WorkspaceFactory factory = new WorkspaceFactory(dir.resolve("run"), base("base"));
        for (TestSettings settings : List.of(JUNIT, PYTHON)) {
            for (List<FileSet> layers : List.of(List.<FileSet>of(), layers("class A { int x; }"))) {
                WorkspacePlan plan = factory.plan("a", "red", layers);
                CacheKey planned = planned(settings, plan);
                assertFalse(plan.made().isPresent(), "the content is known without the folder");
                assertFalse(Files.exists(plan.root()));
                CacheKey walked = walked(settings, plan);
                assertEquals(walked.inputs(), planned.inputs());
                assertEquals(walked.sha256(), planned.sha256());
            }
        }
    }

    @Test
    void theKeyNamesLinksSharedFoldersAndModesAndLeavesOutIgnoredFolders() throws Exception {
        WorkspaceFactory factory = new WorkspaceFactory(dir.resolve("run"), base("base"));
        List<String> names = planned(JUNIT, factory.plan("a", "red", List.of())).inputs().stream()
                .map(CacheInput::name).toList();
        assertTrue(names.contains("file:node_modules"), "the shared folder is a link: " + names);
        assertTrue(names.contains("file:lib") && names.contains("file:dangling"), names.toString());
        assertTrue(names.contains("mode:bin/run.sh"), names.toString());
        assertFalse(names.stream().anyMatch(n -> n.contains("pyc") || n.contains("scratch") || n.contains("pipe")),
                names.toString());
        // an attempt that rewrites the script writes a plain file: the mode input goes with it
        List<String> after = planned(JUNIT, factory.plan("a", "attempt1", layers("class A {}"))).inputs().stream()
                .map(CacheInput::name).toList();
        assertFalse(after.contains("mode:bin/run.sh"), after.toString());
    }

    @Test
    void theSameContentGivesTheSameKeyInAnotherRunAndEveryChangeAnother() throws Exception {
        Path base = base("base");
        CacheKey first = planned(JUNIT, new WorkspaceFactory(dir.resolve("run1"), base).plan("a", "red", layers("x")));
        CacheKey again = planned(JUNIT, new WorkspaceFactory(dir.resolve("run2"), base).plan("a", "red", layers("x")));
        assertEquals(first.sha256(), again.sha256());

        assertNotEquals(first.sha256(), planned(JUNIT, new WorkspaceFactory(dir.resolve("run3"), base)
                .plan("a", "red", layers("y"))).sha256(), "a changed byte in a layer");
        write(base, "src/Other.java", "class Other {}");
        CacheKey added = planned(JUNIT, new WorkspaceFactory(dir.resolve("run4"), base).plan("a", "red", layers("x")));
        assertNotEquals(first.sha256(), added.sha256(), "a file more in the base");
        Files.setPosixFilePermissions(base.resolve("src/Other.java"), PosixFilePermissions.fromString("rwx------"));
        CacheKey mode = planned(JUNIT, new WorkspaceFactory(dir.resolve("run5"), base).plan("a", "red", layers("x")));
        assertNotEquals(added.sha256(), mode.sha256(), "a file made executable");
        Files.delete(base.resolve("lib"));
        Files.createSymbolicLink(base.resolve("lib"), Path.of("bin"));
        CacheKey link = planned(JUNIT, new WorkspaceFactory(dir.resolve("run6"), base).plan("a", "red", layers("x")));
        assertNotEquals(mode.sha256(), link.sha256(), "a link with another target");
        write(base, "node_modules/pkg/index.js", "module.exports = 2;");
        CacheKey shared = planned(JUNIT, new WorkspaceFactory(dir.resolve("run7"), base).plan("a", "red", layers("x")));
        assertNotEquals(link.sha256(), shared.sha256(), "a byte changed in a shared dependency folder");
    }

    @Test
    void aLayerPathThroughALinkOrOnAFolderIsLeftToTheWalk() throws Exception {
        WorkspaceFactory factory = new WorkspaceFactory(dir.resolve("run"), base("base"));
        assertTrue(factory.plan("a", "x", List.of(FileSet.ofText(Map.of("lib/X.java", "x")))).content().isEmpty());
        assertTrue(factory.plan("a", "x", List.of(FileSet.ofText(Map.of("src", "x")))).content().isEmpty());
        assertTrue(factory.plan("a", "x", List.of(FileSet.ofText(Map.of("README.md/x", "x")))).content().isEmpty());
        assertTrue(factory.plan("a", "x", List.of(FileSet.ofText(Map.of("node_modules/pkg/y.js", "x"))))
                .content().isEmpty());

        // the cache still answers such a run, keyed by the walk of the made workspace
        Counting runner = new Counting();
        try (OpenedCache opened = TestCaches.open(dir.resolve("cache.db"), CacheSettings.defaults())) {
            CachingTestRunner cached = new CachingTestRunner(runner, opened.cache(), hashes, "a", Set.of());
            for (int i = 0; i < 2; i++) {
                WorkspacePlan plan = factory.plan("a", "x" + i, List.of(FileSet.ofText(Map.of("lib/X.java", "x"))));
                cached.run(request(plan), plan);
                assertTrue(plan.made().isPresent());
                assertTrue(Files.isRegularFile(plan.root().resolve("src/X.java")), "written through the link");
            }
            assertEquals(1, runner.runs.get());
            assertEquals(1, cached.hits());
        }
    }

    @Test
    void aHitOnPlannedContentMakesNoWorkspaceAndLooksUpOnce() throws Exception {
        WorkspaceFactory factory = new WorkspaceFactory(dir.resolve("run"), base("base"));
        Counting runner = new Counting();
        try (OpenedCache opened = TestCaches.open(dir.resolve("cache.db"), CacheSettings.defaults())) {
            CachingTestRunner cached = new CachingTestRunner(runner, opened.cache(), hashes, "a", Set.of());
            WorkspacePlan cold = factory.plan("a", "attempt1", layers("class A {}"));
            cached.run(request(cold), cold);
            assertTrue(cold.made().isPresent(), "a miss runs on a real workspace");
            assertEquals(List.of(cold.root()), runner.workspaces);

            WorkspacePlan warm = factory.plan("a", "attempt1", layers("class A {}"));
            TestResult result = cached.run(request(warm), warm);
            assertTrue(warm.made().isEmpty());
            assertFalse(Files.exists(warm.root()));
            assertTrue(cached.servedFromCache(result));
            assertEquals(1, runner.runs.get());
            assertEquals(2, opened.cache().sessionStats().requests(), "one lookup per run, not two");
            assertEquals(1, opened.cache().sessionStats().hits());

            // a result stored from a walked workspace answers a planned run of the same content, and back
            WorkspacePlan walkedPlan = factory.plan("a", "attempt2", layers("class A { int y; }"));
            walkedPlan.materialise();
            cached.run(request(walkedPlan));
            WorkspacePlan planned = factory.plan("a", "attempt2", layers("class A { int y; }"));
            cached.run(request(planned), planned);
            assertTrue(planned.made().isEmpty());
            assertEquals(2, runner.runs.get());
            assertEquals(2, cached.hits());
        }
    }

    @Test
    void aCommandRunFromTheWorkspaceIsStampedThereAndKeyedAsTheWalkKeysIt() throws Exception {
        TestSettings local = new TestSettings.Command(List.of("bin/run.sh"), Map.of(), 30, null);
        assertTrue(CacheKey.needsFolder(local));
        assertFalse(CacheKey.needsFolder(PYTHON));
        assertFalse(CacheKey.needsFolder(new TestSettings.Command(List.of("/bin/sh", "x"), Map.of(), 30, null)));
        WorkspaceFactory factory = new WorkspaceFactory(dir.resolve("run"), base("base"));
        Counting runner = new Counting();
        try (OpenedCache opened = TestCaches.open(dir.resolve("cache.db"), CacheSettings.defaults())) {
            CachingTestRunner cached = new CachingTestRunner(runner, opened.cache(), hashes, "a", Set.of());
            WorkspacePlan plan = factory.plan("a", "red", List.of());
            cached.run(new TestRequest(plan.root(), local, TESTS, OutputSink.DISCARD, "a"), plan);
            assertTrue(plan.made().isPresent());
            assertEquals(1, runner.runs.get());

            for (String attempt : List.of("class A { int x; }", "class A { int y; }")) {
                WorkspacePlan layered = factory.plan("a", "attempt", layers(attempt));
                CacheKey fromPlan = CacheKey.of(local, TESTS, "a", layered.materialise().root(), layered.content().orElseThrow());
                assertEquals(walked(local, layered).sha256(), fromPlan.sha256(), "the walk's key, files from the plan");
                assertEquals(walked(local, layered).inputs(), fromPlan.inputs());
            }
            long computedBefore = hashes.computedCount();
            WorkspacePlan again = factory.plan("a", "red", List.of());
            cached.run(new TestRequest(again.root(), local, TESTS, OutputSink.DISCARD, "a"), again);
            assertEquals(1, runner.runs.get(), "the same content and tool: a hit");
            assertEquals(computedBefore, hashes.computedCount(), "no file of the made workspace was read to key it");
        }
    }

    private static TestRequest request(WorkspacePlan plan) {
        return new TestRequest(plan.root(), JUNIT, TESTS, OutputSink.DISCARD, "a");
    }

    /** Passes and notes the workspace of each run, which must exist when it runs. */
    private static final class Counting implements TestRunner {
        final AtomicInteger runs = new AtomicInteger();
        final List<Path> workspaces = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public TestResult run(TestRequest request) {
            assertTrue(Files.isDirectory(request.workspace()), "the workspace is made before a real run");
            runs.incrementAndGet();
            workspaces.add(request.workspace());
            return Results.passed(100);
        }
    }
}
