package dev.redyellow.testing.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base's classes shared per hash, with the real javac and class loading: what is compiled, when
 * the whole workspace is compiled instead, and that the errors are those of a whole compile.
 */
class BaseCompileTest {
    private static final String H1 = "1111111111111111aaaa";
    private static final String H2 = "2222222222222222bbbb";
    private static final Map<String, String> BASE = Map.of(
            "src/p/Rates.java", "package p; public class Rates { public static int rate() { return 7; } }\n",
            "src/p/Money.java", "package p; public class Money { public static int twice() { return 2 * Rates.rate(); } }\n");

    @TempDir
    Path tmp;

    private final BaseCompile shared = new BaseCompile();
    private final WorkspaceCompiler compiler = new WorkspaceCompiler(true);

    /** The run's base snapshot, as WorkspaceFactory makes it: {@code run/base}. */
    private Path snapshot(Map<String, String> files) throws Exception {
        Path base = tmp.resolve("run/base");
        write(base, files);
        return base;
    }

    /** A workspace: the base's files, then {@code own} over them; unchanged = base paths not written over. */
    private Workspace workspace(String name, Map<String, String> base, Map<String, String> own) throws Exception {
        Path root = tmp.resolve("run/workspaces").resolve(name);
        write(root, base);
        write(root, own);
        Set<String> unchanged = new HashSet<>(base.keySet());
        unchanged.removeAll(own.keySet());
        return new Workspace(root, root.resolve(".redyellow/classes"), unchanged);
    }

    private record Workspace(Path root, Path classes, Set<String> unchanged) {
    }

    private static void write(Path root, Map<String, String> files) throws Exception {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = root.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
        }
    }

    private BaseCompile.Result shared(Workspace ws, Path snapshot, String hash) throws Exception {
        return shared.compile(compiler, ws.root(), ws.classes(), List.of(),
                Optional.of(new BaseCompile.Base(snapshot, hash, ws.unchanged())));
    }

    /** The same workspace compiled whole, into a folder of its own. */
    private WorkspaceCompiler.Compilation whole(Workspace ws) throws Exception {
        return new WorkspaceCompiler().compile(ws.root(), ws.root().resolve(".redyellow/whole"), List.of());
    }

    private static Object call(List<Path> classPath, String className, String method) throws Exception {
        URL[] urls = new URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = classPath.get(i).toUri().toURL();
        }
        try (URLClassLoader loader = new URLClassLoader(urls, null)) {
            return loader.loadClass(className).getMethod(method).invoke(null);
        }
    }

    private static List<Path> path(Workspace ws, BaseCompile.Result r) {
        List<Path> all = new ArrayList<>(List.of(ws.classes()));
        all.addAll(r.afterClasses());
        return all;
    }

    @Test
    void compilesOnlyTheWorkspacesOwnSourcesAgainstTheBasesClasses() throws Exception {
        Path base = snapshot(BASE);
        Workspace ws = workspace("f-1", BASE, Map.of(
                "src/p/Shop.java", "package p; public class Shop { public static int total() { return Money.twice() + 1; } }\n",
                "test/p/ShopTest.java", "package p; public class ShopTest { public static boolean ok() { return Shop.total() == 15; } }\n"));

        BaseCompile.Result r = shared(ws, base, H1);

        assertTrue(r.shared(), r.wholeBecause());
        assertEquals(List.of(), r.compilation().errors());
        assertEquals(4, r.compilation().sources(), "counted as a whole compile counts");
        assertEquals(2, r.ownSources());
        assertTrue(Files.isRegularFile(ws.classes().resolve("p/Shop.class")));
        assertTrue(Files.isRegularFile(ws.classes().resolve("p/ShopTest.class")));
        assertFalse(Files.exists(ws.classes().resolve("p/Rates.class")), "a base class is not compiled per run");
        assertFalse(Files.exists(ws.classes().resolve("p/Money.class")));
        assertEquals(List.of(tmp.resolve("run/" + BaseCompile.FOLDER).resolve(H1)), r.afterClasses());
        assertTrue(Files.isRegularFile(r.afterClasses().get(0).resolve("p/Rates.class")));
        assertEquals(true, call(path(ws, r), "p.ShopTest", "ok"));

        // a second workspace of the run reuses the folder: the base's sources going away changes nothing
        Files.delete(base.resolve("src/p/Rates.java"));
        Workspace other = workspace("f-2", BASE, Map.of(
                "src/p/Tax.java", "package p; public class Tax { public static int of() { return Rates.rate() * 3; } }\n"));
        BaseCompile.Result again = shared.compile(compiler, other.root(), other.classes(), List.of(),
                Optional.of(new BaseCompile.Base(base, H1, other.unchanged())));
        assertTrue(again.shared(), again.wholeBecause());
        assertEquals(r.afterClasses(), again.afterClasses());
        assertEquals(21, call(path(other, again), "p.Tax", "of"));
    }

    @Test
    void theSameOwnSourcesAgainstTheSameBaseTakeTheClassesTheirFirstCompileMade() throws Exception {
        BaseCompile compiles = new BaseCompile(new MadeClasses());
        Path base = snapshot(BASE);
        Map<String, String> own = Map.of(
                "src/p/Shop.java", "package p; public class Shop { public static int total() { return Money.twice() + 1; } }\n");
        Workspace first = workspace("f-1", BASE, own);
        Workspace second = workspace("mutation-1", BASE, own); // another folder, the same content
        BaseCompile.Result compiled = compiles.compile(compiler, first.root(), first.classes(), List.of(),
                Optional.of(new BaseCompile.Base(base, H1, first.unchanged())));
        BaseCompile.Result reused = compiles.compile(compiler, second.root(), second.classes(), List.of(),
                Optional.of(new BaseCompile.Base(base, H1, second.unchanged())));

        assertFalse(compiled.reused());
        assertTrue(reused.reused(), "the same sources against the same class folders: no second javac");
        assertEquals(compiled.compilation(), reused.compilation());
        assertEquals(compiled.afterClasses(), reused.afterClasses());
        assertEquals(Files.readString(first.classes().resolve("p/Shop.class"), java.nio.charset.StandardCharsets.ISO_8859_1),
                Files.readString(second.classes().resolve("p/Shop.class"), java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(15, call(path(second, reused), "p.Shop", "total"));

        // one changed byte is another compile; a compile with errors is never kept
        Workspace changed = workspace("f-2", BASE, Map.of(
                "src/p/Shop.java", "package p; public class Shop { public static int total() { return Money.twice() + 2; } }\n"));
        BaseCompile.Result again = compiles.compile(compiler, changed.root(), changed.classes(), List.of(),
                Optional.of(new BaseCompile.Base(base, H1, changed.unchanged())));
        assertFalse(again.reused());
        assertEquals(16, call(path(changed, again), "p.Shop", "total"));
        Map<String, String> broken = Map.of("src/p/Shop.java", "package p; public class Shop { int x = Missing.y; }\n");
        for (String name : List.of("f-3", "f-4")) {
            Workspace ws = workspace(name, BASE, broken);
            BaseCompile.Result failed = compiles.compile(compiler, ws.root(), ws.classes(), List.of(),
                    Optional.of(new BaseCompile.Base(base, H1, ws.unchanged())));
            assertFalse(failed.compilation().succeeded());
            assertFalse(failed.reused(), name);
        }
    }

    @Test
    void aChangedBaseHashGetsANewClassFolder() throws Exception {
        Path base = snapshot(BASE);
        Workspace ws = workspace("f-1", BASE, Map.of("src/p/Shop.java",
                "package p; public class Shop { public static int total() { return Money.twice(); } }\n"));
        BaseCompile.Result first = shared(ws, base, H1);
        assertEquals(14, call(path(ws, first), "p.Shop", "total"));

        Map<String, String> changed = new TreeMap<>(BASE);
        changed.put("src/p/Rates.java", "package p; public class Rates { public static int rate() { return 50; } }\n");
        write(base, changed);
        Workspace next = workspace("f-2", changed, Map.of("src/p/Shop.java",
                "package p; public class Shop { public static int total() { return Money.twice(); } }\n"));
        BaseCompile.Result second = shared(next, base, H2);

        assertTrue(second.shared(), second.wholeBecause());
        assertNotEquals(first.afterClasses(), second.afterClasses());
        assertEquals(100, call(path(next, second), "p.Shop", "total"), "never the old base's classes");
    }

    @Test
    void aWorkspaceReplacingABaseSourceIsCompiledWhole() throws Exception {
        Path base = snapshot(BASE);
        // the feature changes Rates' signature: Money, a base class, no longer compiles against it
        Workspace ws = workspace("f-1", BASE, Map.of(
                "src/p/Rates.java", "package p; public class Rates { public static int rate(int x) { return x; } }\n"));

        BaseCompile.Result r = shared(ws, base, H1);

        assertFalse(r.shared());
        assertTrue(r.wholeBecause().contains("replaces the base source src/p/Rates.java"), r.wholeBecause());
        assertEquals(List.of(), r.afterClasses());
        assertEquals(whole(ws).errors(), r.compilation().errors());
        assertTrue(r.compilation().errors().get(0).startsWith("src/p/Money.java:1: method rate in class p.Rates"),
                r.compilation().errors().toString());
    }

    @Test
    void aBaseThatDoesNotCompileAloneFallsBackToTheWholeCompileWithTheSameVerdict() throws Exception {
        Map<String, String> needsFeature = Map.of(
                "src/p/Money.java", "package p; public class Money { public static int twice() { return 2 * Rates.rate(); } }\n");
        Path base = snapshot(needsFeature);
        Workspace ws = workspace("f-1", needsFeature, Map.of(
                "src/p/Rates.java", "package p; public class Rates { public static int rate() { return 4; } }\n"));

        BaseCompile.Result r = shared(ws, base, H1);

        // the base names the feature's class, so it is compiled whole, and passes as a whole compile does
        assertFalse(r.shared());
        assertEquals(List.of(), r.compilation().errors());
        assertEquals(8, call(List.of(ws.classes()), "p.Money", "twice"));
    }

    @Test
    void aBaseWithItsOwnCompileErrorFallsBackAndFailsAsTheWholeCompileDoes() throws Exception {
        Map<String, String> broken = Map.of(
                "src/p/Money.java", "package p; public class Money { public static int twice() { return 2 * Cart.size(); } }\n");
        Path base = snapshot(broken);
        Workspace ws = workspace("f-1", broken, Map.of("src/p/Rates.java", "package p; public class Rates { }\n"));

        BaseCompile.Result r = shared(ws, base, H1);

        assertFalse(r.shared());
        assertEquals("the base does not compile alone", r.wholeBecause());
        assertEquals(whole(ws).errors(), r.compilation().errors());
        assertTrue(r.compilation().errors().get(0).startsWith("src/p/Money.java:1: cannot find symbol"),
                r.compilation().errors().toString());
        try (var left = Files.list(tmp.resolve("run/" + BaseCompile.FOLDER))) {
            assertEquals(List.of(), left.toList(), "no folder, and nothing left aside");
        }
        // tried once per hash: the next workspace falls back without compiling the base again
        assertEquals("the base does not compile alone", shared(workspace("f-2", broken,
                Map.of("src/p/Tax.java", "package p; public class Tax { }\n")), base, H1).wholeBecause());
    }

    @Test
    void anOwnClassWhoseNameTheBaseUsesIsCompiledWhole() throws Exception {
        // in a whole compile p.List wins over java.util.* in the base's Names: "type List does not take
        // parameters"; the base's classes, compiled alone, would hide that
        Map<String, String> files = Map.of("src/p/Names.java",
                "package p; import java.util.*; public class Names { public static List<String> all() { return new ArrayList<>(); } }\n");
        Path base = snapshot(files);
        Workspace ws = workspace("f-1", files, Map.of("src/p/List.java", "package p; public class List { }\n"));

        BaseCompile.Result r = shared(ws, base, H1);

        assertFalse(r.shared());
        assertTrue(r.wholeBecause().contains("names List"), r.wholeBecause());
        assertEquals(whole(ws).errors(), r.compilation().errors());
        assertFalse(r.compilation().succeeded());
    }

    @Test
    void aSecondClassInAnOwnFileThatDuplicatesABaseClassIsCompiledWhole() throws Exception {
        Path base = snapshot(BASE);
        Workspace ws = workspace("f-1", BASE, Map.of("src/p/Extra.java",
                "package p; public class Extra { } class Money { }\n"));

        BaseCompile.Result r = shared(ws, base, H1);

        assertFalse(r.shared());
        assertEquals(whole(ws).errors(), r.compilation().errors());
        assertTrue(r.compilation().errors().toString().contains("duplicate class: p.Money"), r.compilation().errors().toString());
    }

    @Test
    void aCompileErrorNamesTheMissingSymbolAsTheWholeCompileDoes() throws Exception {
        Path base = snapshot(BASE);
        Workspace ws = workspace("f-1", BASE, Map.of("test/p/CartTest.java",
                "package p; public class CartTest { int n = Cart.size() + Money.twice(); }\n"));

        BaseCompile.Result r = shared(ws, base, H1);

        assertTrue(r.shared(), r.wholeBecause());
        assertEquals(whole(ws).errors(), r.compilation().errors());
        assertEquals(1, r.compilation().errors().size());
        assertTrue(r.compilation().errors().get(0).matches(".*cannot find symbol \\(symbol: +variable Cart.*"),
                r.compilation().errors().get(0));
        assertEquals(3, r.compilation().sources());
    }

    @Test
    void namesInCommentsAndStringsOfTheBaseDoNotForceAWholeCompile() throws Exception {
        Map<String, String> files = Map.of("src/p/Doc.java", """
                package p;
                /** See {@link Shop}; // not code */
                public class Doc { String s = "Shop \\" Shop"; char c = '"'; String t = \"""
                    Shop
                    \"""; // Shop
                }
                """);
        Path base = snapshot(files);
        Workspace ws = workspace("f-1", files, Map.of("src/p/Shop.java", "package p; public class Shop { }\n"));

        BaseCompile.Result r = shared(ws, base, H1);

        assertTrue(r.shared(), r.wholeBecause());
        assertTrue(Files.isRegularFile(ws.classes().resolve("p/Shop.class")));
    }

    @Test
    void aNameTheBaseUsesInAnotherPackageDoesNotForceAWholeCompile() throws Exception {
        // q.Rates is no p.Rates: base code in p, importing neither q nor q.*, cannot mean it
        Path base = snapshot(BASE);
        Workspace ws = workspace("f-1", BASE, Map.of("src/q/Rates.java",
                "package q; public class Rates { public static int rate() { return p.Money.twice() + 1; } }\n"));

        BaseCompile.Result r = shared(ws, base, H1);

        assertTrue(r.shared(), r.wholeBecause());
        assertEquals(15, call(path(ws, r), "q.Rates", "rate"));
    }

    @Test
    void aNameUsedByBaseCodeImportingThePackageOnDemandForcesAWholeCompile() throws Exception {
        // r.Names sees q.* and java.util.*: a q.List makes List ambiguous in the whole compile
        Map<String, String> files = Map.of("src/r/Names.java",
                "package r; import java.util.*; import q.*; public class Names { List<String> all; Object o = Tool.class; }\n",
                "src/q/Tool.java", "package q; public class Tool { }\n");
        Path base = snapshot(files);
        Workspace ws = workspace("f-1", files, Map.of("src/q/List.java", "package q; public class List { }\n"));

        BaseCompile.Result r = shared(ws, base, H1);

        assertFalse(r.shared());
        assertEquals(whole(ws).errors(), r.compilation().errors());
        assertFalse(r.compilation().succeeded(), "the whole compile's verdict: List is ambiguous");
    }

    @Test
    void aWorkspaceDeclaringAModuleIsCompiledWhole() throws Exception {
        Map<String, String> files = new TreeMap<>(BASE);
        files.put("src/module-info.java", "module shop { exports p; }\n");
        Path base = snapshot(files);
        Workspace ws = workspace("f-1", files, Map.of("src/p/Shop.java", "package p; public class Shop { }\n"));

        BaseCompile.Result r = shared(ws, base, H1);

        assertFalse(r.shared());
        assertEquals("the workspace declares a module (src/module-info.java)", r.wholeBecause());
        assertEquals(whole(ws).errors(), r.compilation().errors());
    }

    private BaseCompile.Result withDependencies(Workspace ws, Path snapshot, Map<String, String> dependencyFiles)
            throws Exception {
        return shared.compile(compiler, ws.root(), ws.classes(), List.of(),
                Optional.of(new BaseCompile.Base(snapshot, H1, ws.unchanged(), dependencyFiles)));
    }

    @Test
    void aGreenDependencysFilesAreCompiledOncePerContentHash() throws Exception {
        Path base = snapshot(BASE);
        Map<String, String> dependency = Map.of("src/p/Tax.java",
                "package p; public class Tax { public static int of() { return Rates.rate() * 3; } }\n");
        Map<String, String> feature = new TreeMap<>(dependency);
        feature.put("src/p/Shop.java", "package p; public class Shop { public static int total() { return Tax.of() + 1; } }\n");
        Workspace ws = workspace("f-1", BASE, feature);

        BaseCompile.Result r = withDependencies(ws, base, Map.of("src/p/Tax.java", "aa"));

        assertTrue(r.shared(), r.wholeBecause());
        assertEquals(List.of(), r.compilation().errors());
        assertEquals(1, r.ownSources(), "only the feature's own file");
        assertEquals(4, r.compilation().sources());
        assertFalse(Files.exists(ws.classes().resolve("p/Tax.class")));
        assertTrue(Files.isRegularFile(ws.classes().resolve("p/Shop.class")));
        assertEquals(2, r.afterClasses().size());
        assertTrue(r.afterClasses().get(0).startsWith(tmp.resolve("run/" + BaseCompile.DEPENDENCY_FOLDER)));
        assertTrue(Files.isRegularFile(r.afterClasses().get(0).resolve("p/Tax.class")));
        assertEquals(22, call(path(ws, r), "p.Shop", "total"));

        // the next run of the feature: the same files, the same folder
        BaseCompile.Result again = withDependencies(workspace("f-2", BASE, feature), base, Map.of("src/p/Tax.java", "aa"));
        assertEquals(r.afterClasses(), again.afterClasses());
        // another content hash of the dependency's file: another folder
        BaseCompile.Result changed = withDependencies(workspace("f-3", BASE, feature), base, Map.of("src/p/Tax.java", "bb"));
        assertNotEquals(r.afterClasses().get(0), changed.afterClasses().get(0));
    }

    @Test
    void aFeatureClassWhoseNameADependencyUsesCompilesWithTheDependency() throws Exception {
        // in the whole compile p.List wins over java.util.* in the dependency's Tax
        Path base = snapshot(BASE);
        Workspace ws = workspace("f-1", BASE, Map.of(
                "src/p/Tax.java", "package p; import java.util.*; public class Tax { List<String> names; }\n",
                "src/p/List.java", "package p; public class List { }\n"));

        BaseCompile.Result r = withDependencies(ws, base, Map.of("src/p/Tax.java", "aa"));

        assertEquals(2, r.ownSources(), "the dependency's file compiled with the feature's");
        assertEquals(whole(ws).errors(), r.compilation().errors());
        assertFalse(r.compilation().succeeded());
    }

    @Test
    void aDependencyFileThatNeedsTheFeatureCompilesWithIt() throws Exception {
        Path base = snapshot(BASE);
        Workspace ws = workspace("f-1", BASE, Map.of(
                "src/p/Tax.java", "package p; public class Tax { public static int of() { return Extra.MORE + Rates.rate(); } }\n",
                "src/q/Extra.java", "package q; public class Extra { }\n",
                "src/p/Extra.java", "package p; public class Extra { public static final int MORE = 1; }\n"));

        BaseCompile.Result r = withDependencies(ws, base, Map.of("src/p/Tax.java", "aa"));

        assertTrue(r.shared(), r.wholeBecause());
        assertEquals(3, r.ownSources());
        assertEquals(List.of(), r.compilation().errors());
        assertEquals(8, call(path(ws, r), "p.Tax", "of"));
    }

    private BaseCompile.Result layered(Workspace ws, Path snapshot, List<BaseCompile.Layer> layers) throws Exception {
        Map<String, String> all = new TreeMap<>();
        layers.forEach(layer -> all.putAll(layer.files()));
        return shared.compile(compiler, ws.root(), ws.classes(), List.of(),
                Optional.of(new BaseCompile.Base(snapshot, H1, ws.unchanged(), all, Optional.empty(), layers)));
    }

    private static final String TAX = "package p; public class Tax { public static int of() { return Rates.rate() * 3; } }\n";
    private static final String DUTY = "package p; public class Duty { public static int of() { return Tax.of() + 10; } }\n";

    @Test
    void eachGreenDependencysClassesAreCompiledOnceOnTheirOwnAgainstWhatItNeeds() throws Exception {
        Path base = snapshot(BASE);
        Map<String, String> feature = new TreeMap<>(Map.of("src/p/Tax.java", TAX, "src/p/Duty.java", DUTY,
                "src/p/Shop.java", "package p; public class Shop { public static int total() { return Duty.of() + 1; } }\n"));
        Workspace ws = workspace("f-1", BASE, feature);
        BaseCompile.Layer tax = new BaseCompile.Layer(Map.of("src/p/Tax.java", "aa"), List.of(), true);
        BaseCompile.Layer duty = new BaseCompile.Layer(Map.of("src/p/Duty.java", "dd"), List.of(0), true);

        BaseCompile.Result r = layered(ws, base, List.of(tax, duty));

        assertTrue(r.shared(), r.wholeBecause());
        assertEquals(List.of(), r.compilation().errors());
        assertEquals(1, r.ownSources(), "only the feature's own file");
        assertEquals(5, r.compilation().sources());
        assertEquals(3, r.afterClasses().size(), "a folder per dependency, then the base's: " + r.afterClasses());
        Path taxFolder = r.afterClasses().stream().filter(f -> Files.isRegularFile(f.resolve("p/Tax.class"))).findFirst().orElseThrow();
        Path dutyFolder = r.afterClasses().stream().filter(f -> Files.isRegularFile(f.resolve("p/Duty.class"))).findFirst().orElseThrow();
        assertFalse(Files.exists(dutyFolder.resolve("p/Tax.class")), "Duty's folder holds Duty's classes only");
        assertTrue(taxFolder.startsWith(tmp.resolve("run/" + BaseCompile.DEPENDENCY_FOLDER)));
        assertEquals(32, call(path(ws, r), "p.Shop", "total"));

        // another feature that needs Tax only, listed with another dependency before it: Tax's folder again
        Map<String, String> other = new TreeMap<>(Map.of("src/p/Tax.java", TAX,
                "src/p/Fee.java", "package p; public class Fee { public static int of() { return 5; } }\n",
                "src/p/Till.java", "package p; public class Till { public static int sum() { return Tax.of() + Fee.of(); } }\n"));
        Workspace ws2 = workspace("g-1", BASE, other);
        BaseCompile.Result r2 = layered(ws2, base, List.of(
                new BaseCompile.Layer(Map.of("src/p/Fee.java", "ff"), List.of(), true),
                new BaseCompile.Layer(Map.of("src/p/Tax.java", "aa"), List.of(), true)));
        assertEquals(3, r2.afterClasses().size(), r2.wholeBecause());
        assertTrue(r2.afterClasses().contains(taxFolder), "the same folder: " + r2.afterClasses());
        assertEquals(26, call(path(ws2, r2), "p.Till", "sum"));
        // a RED proof: the feature's class missing, the error a whole compile gives
        Workspace red = workspace("f-red", BASE, Map.of("src/p/Tax.java", TAX, "src/p/Duty.java", DUTY,
                "test/p/ShopTest.java", "package p; class ShopTest { int t = Shop.total(); }\n"));
        BaseCompile.Result proof = layered(red, base, List.of(tax, duty));
        assertEquals(3, proof.afterClasses().size());
        assertEquals(whole(red).errors(), proof.compilation().errors());
        assertFalse(proof.compilation().succeeded());
    }

    private static String hash(String content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aDependencysClassesAreThoseItsOwnCompileMadeNotCompiledAgain() throws Exception {
        Path base = snapshot(BASE);
        BaseCompile.Layer tax = new BaseCompile.Layer(Map.of("src/p/Tax.java", hash(TAX)), List.of(), true);
        BaseCompile.Layer duty = new BaseCompile.Layer(Map.of("src/p/Duty.java", hash(DUTY)), List.of(0), true);
        long[] before = BaseCompile.layerCounts();
        // Tax's own run (no dependencies), then Duty's (Tax GREEN), as the run makes them
        Workspace taxRun = workspace("tax-1", BASE, Map.of("src/p/Tax.java", TAX));
        assertTrue(shared(taxRun, base, H1).compilation().succeeded());
        Workspace dutyRun = workspace("duty-1", BASE, Map.of("src/p/Tax.java", TAX, "src/p/Duty.java", DUTY));
        BaseCompile.Result duties = layered(dutyRun, base, List.of(tax));
        assertEquals(2, duties.afterClasses().size(), duties.wholeBecause());
        long[] afterOwnRuns = BaseCompile.layerCounts();
        assertEquals(2, afterOwnRuns[1] - before[1], "Tax's and Duty's folders kept from their own compiles");
        assertEquals(0, afterOwnRuns[0] - before[0], "Duty's run took Tax's folder");

        // the runs' own class folders go (the next run in a worker's folder deletes them): the kept ones are copies
        BaseClasses.deleteTree(taxRun.classes());
        BaseClasses.deleteTree(dutyRun.classes());
        Workspace shopRun = workspace("shop-1", BASE, Map.of("src/p/Tax.java", TAX, "src/p/Duty.java", DUTY,
                "src/p/Shop.java", "package p; public class Shop { public static int total() { return Duty.of() + 1; } }\n"));
        BaseCompile.Result r = layered(shopRun, base, List.of(tax, duty));

        long[] after = BaseCompile.layerCounts();
        assertEquals(0, after[0] - before[0], "no dependency folder compiled");
        assertEquals(List.of(), r.compilation().errors());
        assertEquals(32, call(path(shopRun, r), "p.Shop", "total"));
        // a dependency whose content is not what its run compiled is compiled, not taken
        String changed = DUTY.replace("+ 10", "+ 20");
        Workspace other = workspace("shop-2", BASE, Map.of("src/p/Tax.java", TAX, "src/p/Duty.java", changed,
                "src/p/Shop.java", "package p; public class Shop { public static int total() { return Duty.of() + 1; } }\n"));
        BaseCompile.Result r2 = layered(other, base, List.of(tax,
                new BaseCompile.Layer(Map.of("src/p/Duty.java", hash(changed)), List.of(0), true)));
        assertEquals(1, BaseCompile.layerCounts()[0] - after[0]);
        assertEquals(42, call(path(other, r2), "p.Shop", "total"));
    }

    /** Two dependencies, neither needing the other, each of one file. */
    private BaseCompile.Result independent(Workspace ws, Path base, String first, String second) throws Exception {
        return layered(ws, base, List.of(new BaseCompile.Layer(Map.of(first, "aa"), List.of(), true),
                new BaseCompile.Layer(Map.of(second, "bb"), List.of(), true)));
    }

    @Test
    void aDependencyWhoseCodeUsesANameAnotherItDoesNotNeedDeclaresIsCompiledWithTheOthers() throws Exception {
        // in the whole compile p.List wins over java.util.* in Tax, which compiled alone against java.util.List
        Path base = snapshot(BASE);
        Workspace ws = workspace("f-1", BASE, Map.of(
                "src/p/Tax.java", "package p; import java.util.*; public class Tax { List<String> names; }\n",
                "src/p/List.java", "package p; public class List { }\n",
                "src/p/Shop.java", "package p; public class Shop { }\n"));

        BaseCompile.Result r = independent(ws, base, "src/p/Tax.java", "src/p/List.java");

        assertNotEquals(3, r.afterClasses().size(), "not a folder per dependency");
        assertEquals(whole(ws).errors(), r.compilation().errors());
        assertFalse(r.compilation().succeeded());
    }

    @Test
    void aSecondClassInADependencysFileThatAnotherOneNamesIsCompiledWithTheOthers() throws Exception {
        // in the whole compile Duty's p.Helper (a second class in Cut.java) wins over q.* in Tax
        Map<String, String> files = new TreeMap<>(BASE);
        files.put("src/q/Helper.java", "package q; public class Helper { }\n");
        Path base = snapshot(files);
        Workspace ws = workspace("f-1", files, Map.of(
                "src/p/Tax.java", "package p; import q.*; public class Tax { Helper h; }\n",
                "src/p/Cut.java", "package p; public class Cut { } class Helper { }\n",
                "src/p/Shop.java", "package p; public class Shop { }\n"));

        BaseCompile.Result r = independent(ws, base, "src/p/Tax.java", "src/p/Cut.java");

        assertNotEquals(3, r.afterClasses().size(), "not a folder per dependency: " + r.afterClasses());
        assertEquals(whole(ws).errors(), r.compilation().errors());
    }

    @Test
    void aClassInTwoDependenciesFailsAsTheWholeCompileDoes() throws Exception {
        Path base = snapshot(BASE);
        Workspace ws = workspace("f-1", BASE, Map.of(
                "src/p/Tax.java", "package p; public class Tax { }\n",
                "src/p/Duty.java", "package p; public class Duty { } class Tax { }\n",
                "src/p/Shop.java", "package p; public class Shop { }\n"));

        BaseCompile.Result r = independent(ws, base, "src/p/Tax.java", "src/p/Duty.java");

        assertFalse(r.compilation().succeeded(), "p.Tax twice: " + r.afterClasses());
        assertEquals(whole(ws).errors().size(), r.compilation().errors().size(), r.compilation().errors().toString());
    }

    @Test
    void aDependencyNotAllInTheWorkspaceIsCompiledWithTheOthers() throws Exception {
        Path base = snapshot(BASE);
        Workspace ws = workspace("f-1", BASE, Map.of("src/p/Tax.java", TAX, "src/p/Duty.java", DUTY,
                "src/p/Shop.java", "package p; public class Shop { public static int total() { return Duty.of() + 1; } }\n"));

        BaseCompile.Result r = layered(ws, base, List.of(
                new BaseCompile.Layer(Map.of("src/p/Tax.java", "aa"), List.of(), false),
                new BaseCompile.Layer(Map.of("src/p/Duty.java", "dd"), List.of(0), true)));

        assertTrue(r.shared(), r.wholeBecause());
        assertEquals(2, r.afterClasses().size(), "one folder for the set of dependencies, then the base's");
        assertEquals(32, call(path(ws, r), "p.Shop", "total"));
    }

    @Test
    void withoutBaseFilesTheWholeWorkspaceIsCompiled() throws Exception {
        Workspace ws = workspace("f-1", BASE, Map.of());
        BaseCompile.Result r = shared.compile(compiler, ws.root(), ws.classes(), List.of(), Optional.empty());
        assertFalse(r.shared());
        assertEquals(2, r.ownSources());
        assertTrue(Files.isRegularFile(ws.classes().resolve("p/Rates.class")));
    }

    @Test
    void theSourcesTheEngineNamesAreCompiledWithoutWalkingTheWorkspace() throws Exception {
        Path base = snapshot(BASE);
        Workspace ws = workspace("f-1", BASE, Map.of(
                "src/p/Shop.java", "package p; public class Shop { public static int total() { return Money.twice() + 1; } }\n"));
        // a file the engine did not put there (no plan makes one): named by no list, so not compiled
        write(ws.root(), Map.of("src/p/Stray.java", "package p; public class Stray { }\n"));
        List<String> named = List.of("src/p/Shop.java", "src/p/Money.java", "src/p/Rates.java");

        BaseCompile.Result r = shared.compile(compiler, ws.root(), ws.classes(), List.of(),
                Optional.of(new BaseCompile.Base(base, H1, ws.unchanged(), Map.of(), Optional.of(named))));

        assertTrue(r.shared(), r.wholeBecause());
        assertEquals(3, r.compilation().sources());
        assertEquals(1, r.ownSources());
        assertTrue(Files.isRegularFile(ws.classes().resolve("p/Shop.class")));
        assertFalse(Files.exists(ws.classes().resolve("p/Stray.class")), "only the named sources");
        assertEquals(15, call(path(ws, r), "p.Shop", "total"));

        BaseCompile.Result walked = shared.compile(compiler, ws.root(), ws.root().resolve(".redyellow/walked"), List.of(),
                Optional.of(new BaseCompile.Base(base, H1, ws.unchanged())));
        assertEquals(4, walked.compilation().sources(), "without a list, the walk finds the stray file too");
    }
}
