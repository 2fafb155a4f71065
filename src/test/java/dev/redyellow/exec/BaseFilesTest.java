package dev.redyellow.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.manifest.FileSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which of a planned workspace's files come unchanged from the base, and the base's hash (issue 19). */
class BaseFilesTest {

    @TempDir
    Path tmp;

    private Path base(String name, String rates) throws Exception {
        Path base = Files.createDirectories(tmp.resolve(name).resolve("src/p"));
        Files.writeString(base.resolve("Rates.java"), rates);
        Files.writeString(base.resolve("Money.java"), "package p; class Money { }\n");
        Files.writeString(tmp.resolve(name).resolve("notes.txt"), "n\n");
        return tmp.resolve(name);
    }

    @Test
    void aPlanSaysWhichFilesAreTheBasesAndTheBasesHash() throws Exception {
        WorkspaceFactory factory = new WorkspaceFactory(tmp.resolve("run"), base("b", "package p; class Rates { }\n"));
        WorkspacePlan plan = factory.plan("f", "1", List.of(FileSet.ofText(Map.of(
                "src/p/Rates.java", "package p; class Rates { int changed; }\n",
                "src/p/Money.java", "package p; class Money { }\n", // written over with the same bytes: still the base's
                "src/p/Shop.java", "package p; class Shop { }\n"))));

        BaseFiles files = plan.baseFiles().orElseThrow();

        assertEquals(Set.of("src/p/Money.java", "notes.txt"), files.unchanged());
        assertEquals(tmp.resolve("run/base").toAbsolutePath(), files.snapshot());
        assertTrue(Files.isRegularFile(files.snapshot().resolve("src/p/Rates.java")));
        assertEquals(WorkspaceContent.scan(files.snapshot()).hash(), files.hash());
        assertEquals(files.hash(), factory.plan("g", "1", List.of()).baseFiles().orElseThrow().hash());
        assertEquals(Set.of("src/p/Rates.java", "src/p/Money.java", "notes.txt"),
                factory.plan("g", "2", List.of()).baseFiles().orElseThrow().unchanged());

        WorkspaceFactory changed = new WorkspaceFactory(tmp.resolve("run2"), base("c", "package p; class Rates { int x; }\n"));
        assertNotEquals(files.hash(), changed.plan("f", "1", List.of()).baseFiles().orElseThrow().hash(),
                "a changed base has another hash");
    }

    @Test
    void theBasesClassesGoWithTheWorkspacesAtTheRunsEnd() throws Exception {
        RunFolder run = new RunFolder(Files.createDirectories(tmp.resolve("run")));
        new WorkspaceFactory(run.path(), base("b", "package p; class Rates { }\n")).create("a", "x", List.of());
        Path classes = Files.createDirectories(run.path().resolve("base-classes/0123456789abcdef/p"));
        Files.writeString(classes.resolve("Rates.class"), "not really");
        run.removeWorkspaces();
        assertFalse(Files.exists(run.path().resolve("base-classes")));
        assertFalse(Files.exists(run.path().resolve("base")));
    }

    @Test
    void aDependencysFilesCountWhereTheWorkspaceHoldsThemAsWritten() throws Exception {
        WorkspaceFactory factory = new WorkspaceFactory(tmp.resolve("run"), base("b", "package p; class Rates { }\n"));
        FileSet first = FileSet.ofText(Map.of("src/p/Tax.java", "old", "src/p/Fee.java", "fee", "src/p/Money.java",
                "package p; class Money { }\n"));
        FileSet second = FileSet.ofText(Map.of("src/p/Tax.java", "new", "src/p/Cut.java", "cut"));
        FileSet feature = FileSet.ofText(Map.of("src/p/Cut.java", "the feature's own", "src/p/Shop.java", "shop"));
        WorkspacePlan plan = factory.plan("f", "1", List.of(first, second, feature));

        BaseFiles files = plan.baseFiles().orElseThrow().withDependencies(plan.content().orElseThrow(),
                List.of(first, second));

        assertEquals(Map.of("src/p/Tax.java", WorkspaceContent.contentHash("new".getBytes()),
                "src/p/Fee.java", WorkspaceContent.contentHash("fee".getBytes())), files.dependencyFiles(),
                "the later layer wins, the feature's file is its own, the base's (same bytes) stays the base's");
    }

    @Test
    void eachDependencysShareSaysWhetherTheWorkspaceHoldsAllOfItAndWhatItNeeds() throws Exception {
        WorkspaceFactory factory = new WorkspaceFactory(tmp.resolve("run"), base("b", "package p; class Rates { }\n"));
        FileSet first = FileSet.ofText(Map.of("src/p/Tax.java", "old", "src/p/Fee.java", "fee"));
        FileSet second = FileSet.ofText(Map.of("src/p/Tax.java", "new", "src/p/Cut.java", "cut"));
        FileSet third = FileSet.ofText(Map.of("src/p/Due.java", "due"));
        FileSet feature = FileSet.ofText(Map.of("src/p/Cut.java", "the feature's own", "src/p/Shop.java", "shop"));
        WorkspacePlan plan = factory.plan("f", "1", List.of(first, second, third, feature));

        BaseFiles files = plan.baseFiles().orElseThrow().withDependencies(plan.content().orElseThrow(),
                List.of(first, second, third), List.of(List.of(), List.of(0), List.of()));

        List<BaseFiles.DependencyLayer> layers = files.dependencyLayers();
        assertEquals(3, layers.size());
        assertEquals(Map.of("src/p/Fee.java", WorkspaceContent.contentHash("fee".getBytes())), layers.get(0).files());
        assertFalse(layers.get(0).exact(), "its Tax.java is written over by the next layer");
        assertFalse(layers.get(1).exact(), "its Cut.java is written over by the feature");
        assertEquals(List.of(0), layers.get(1).needs());
        assertTrue(layers.get(2).exact());
        assertEquals(Map.of("src/p/Due.java", WorkspaceContent.contentHash("due".getBytes())), layers.get(2).files());
        assertEquals(List.of(List.of(), List.of(0), List.of(0, 1)), plan.baseFiles().orElseThrow()
                .withDependencies(plan.content().orElseThrow(), List.of(first, second, third)).dependencyLayers().stream()
                .map(BaseFiles.DependencyLayer::needs).toList(), "not told: every earlier layer");
    }

    @Test
    void noBaseMeansNoBaseFiles() throws Exception {
        WorkspaceFactory factory = new WorkspaceFactory(tmp.resolve("run"), null);
        assertEquals(Optional.empty(), factory.plan("f", "1", List.of(FileSet.ofText(Map.of("A.java", "class A { }\n"))))
                .baseFiles());
    }

    @Test
    void theContentHashTellsEveryDifference() {
        WorkspaceContent.Entry file = new WorkspaceContent.Entry("aa", false, false);
        WorkspaceContent one = new WorkspaceContent(new java.util.TreeMap<>(Map.of("a", file)));
        assertEquals(one.hash(), new WorkspaceContent(new java.util.TreeMap<>(Map.of("a", file))).hash());
        assertNotEquals(one.hash(), new WorkspaceContent(new java.util.TreeMap<>(Map.of("b", file))).hash());
        assertNotEquals(one.hash(), new WorkspaceContent(new java.util.TreeMap<>(
                Map.of("a", new WorkspaceContent.Entry("aa", false, true)))).hash(), "the executable flag counts");
        assertNotEquals(one.hash(), new WorkspaceContent(new java.util.TreeMap<>(
                Map.of("a", new WorkspaceContent.Entry("ab", false, false)))).hash());
    }

    @Test
    void theSnapshotIsMadeOnlyWhenAWorkspaceOrTheBasesClassesNeedIt() throws Exception {
        Path run = tmp.resolve("run");
        WorkspaceFactory factory = new WorkspaceFactory(run, base("b", "package p; class Rates { }\n"));
        WorkspacePlan plan = factory.plan("f", "1", List.of(FileSet.ofText(Map.of("src/p/Shop.java", "package p; class Shop { }\n"))));
        assertTrue(plan.content().isPresent());
        assertFalse(Files.exists(run.resolve("base")), "a plan the cache answers copies nothing");

        BaseFiles files = plan.baseFiles().orElseThrow();
        assertEquals("package p; class Rates { }\n", Files.readString(files.snapshot().resolve("src/p/Rates.java")),
                "asking for the base's folder makes it");
        Workspace made = plan.materialise();
        assertEquals("package p; class Shop { }\n", Files.readString(made.root().resolve("src/p/Shop.java")));
        assertEquals("n\n", Files.readString(made.root().resolve("notes.txt")));
    }

    @Test
    void aBaseChangedAfterThePlansWereKeyedFailsTheWorkspaceNamingTheFile() throws Exception {
        Path base = base("b", "package p; class Rates { }\n");
        WorkspaceFactory factory = new WorkspaceFactory(tmp.resolve("run"), base);
        WorkspacePlan plan = factory.plan("f", "1", List.of());
        Files.writeString(base.resolve("src/p/Rates.java"), "package p; class Rates { int edited; }\n");
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, plan::materialise);
        assertTrue(e.getMessage().contains("changed while the run was using it (src/p/Rates.java changed)"), e.getMessage());
        assertTrue(e.getMessage().contains(base.toRealPath().toString()), e.getMessage());
        java.io.IOException again = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> factory.plan("g", "1", List.of()).materialise());
        assertTrue(again.getMessage().contains("changed while the run was using it"),
                "no half copy is left to fail on for another reason: " + again.getMessage());
    }

    @Test
    void aPlansJavaSourcesAreWhatAWalkOfTheMadeWorkspaceFinds() throws Exception {
        Path base = base("b", "package p; class Rates { }\n");
        Files.createDirectories(base.resolve(".redyellow"));
        Files.writeString(base.resolve(".redyellow/Own.java"), "class Own { }\n"); // RedYellow's folder at the top: not a source
        Files.createDirectories(base.resolve("deep/.redyellow"));
        Files.writeString(base.resolve("deep/.redyellow/Deep.java"), "class Deep { }\n"); // only the top one is RedYellow's
        Files.createSymbolicLink(base.resolve("src/p/Linked.java"), Path.of("Money.java")); // a link is never compiled
        Files.createDirectories(base.resolve("src/p/folder.java"));
        Files.writeString(base.resolve("src/p/folder.java/In.java"), "class In { }\n");
        Files.writeString(base.resolve("src/p/Readme.javadoc"), "not a source\n");
        WorkspaceFactory factory = new WorkspaceFactory(tmp.resolve("run"), base);
        FileSet dependency = FileSet.ofText(Map.of("src/p/Tax.java", "package p; class Tax { }\n"));
        WorkspacePlan plan = factory.plan("f", "1", List.of(dependency, FileSet.ofText(Map.of(
                "src/p/Rates.java", "package p; class Rates { int changed; }\n",
                "test/p/ShopTest.java", "package p; class ShopTest { }\n"))));

        BaseFiles files = plan.baseFiles().orElseThrow().withDependencies(plan.content().orElseThrow(), List.of(dependency));
        Workspace made = plan.materialise();

        List<String> walked = dev.redyellow.testing.worker.WorkspaceCompiler.sources(made.root()).stream()
                .map(p -> made.root().relativize(p).toString()).toList();
        assertEquals(walked, files.javaSources().orElseThrow().stream().sorted().toList());
        assertEquals(Set.of("src/p/Rates.java", "src/p/Money.java", "src/p/Tax.java", "test/p/ShopTest.java",
                "deep/.redyellow/Deep.java", "src/p/folder.java/In.java"), Set.copyOf(walked));
        assertEquals(Optional.empty(), new BaseFiles(tmp, "h", Set.of()).javaSources(), "unknown without a plan's content");
    }
}
