package dev.redyellow.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.ImplementerSettings;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ReviewSettings;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.MissingNames.Kind;
import dev.redyellow.testing.MissingNames.MissingName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who writes a missing name, on a small hand-made manifest and base. */
class CodeWritersTest {
    @TempDir
    Path dir;

    private static Feature feature(String id, Map<String, String> attempt, List<String> provides) {
        return new Feature(id, id, "", List.of(), provides, new TestSettings.JUnit(60), new ImplementerSettings.Replay(),
                new ReviewSettings.Auto(), FileSet.empty(), attempt.isEmpty() ? List.of() : List.of(FileSet.ofText(attempt)),
                null);
    }

    private CodeWriters writers() throws Exception {
        Path base = Files.createDirectories(dir.resolve("base/src/main/java/shop"));
        Files.writeString(base.resolve("Money.java"), "package shop; public class Money { }\n");
        Files.createDirectories(dir.resolve("base/node_modules/x"));
        Files.writeString(dir.resolve("base/node_modules/x/rates.js"), "// a dependency, never a feature's\n");
        Manifest m = new Manifest(dir.resolve("m.json"), 1, "m", dir.resolve("base"), 2, 1, 2, true, List.of(
                feature("rates", Map.of("src/main/java/shop/tax/Rates.java", "package shop.tax; public class Rates { }"),
                        List.of()),
                feature("py", Map.of("pkg/ledger.py", "x = 1\n"), List.of()),
                feature("js", Map.of("web/lib/rates.ts", "export const r = 1;\n"), List.of()),
                feature("later", Map.of(), List.of("src/main/java/shop/Invoice.java"))), "0".repeat(64));
        return CodeWriters.of(m);
    }

    private static MissingName name(Kind kind, String name, String from) {
        return new MissingName(kind, name, from, "");
    }

    @Test
    void javaTypesPackagesAndMembersByTheirFiles() throws Exception {
        CodeWriters w = writers();
        assertEquals(Set.of("rates"), w.writersOf(name(Kind.JAVA_TYPE, "shop.tax.Rates", "x/A.java")));
        assertEquals(Set.of("rates"), w.writersOf(name(Kind.JAVA_TYPE, "Rates", "src/main/java/shop/A.java")));
        assertEquals(Set.of("rates"), w.writersOf(name(Kind.JAVA_PACKAGE, "shop.tax", "")));
        assertEquals(Set.of("rates"), w.writersOf(name(Kind.JAVA_MEMBER_OF, "shop.tax.Rates.Inner", "")));
        assertEquals(Set.of("later"), w.writersOf(name(Kind.JAVA_TYPE, "Invoice", "src/main/java/shop/B.java")),
                "a provides path counts, its package from its folder");
        assertTrue(w.writersOf(name(Kind.JAVA_TYPE, "Money", "src/main/java/shop/B.java")).isEmpty());
        assertTrue(w.baseWrites(name(Kind.JAVA_TYPE, "Money", "src/main/java/shop/B.java")));
    }

    @Test
    void pythonModulesAndScriptsAsTheirRuntimesResolveThem() throws Exception {
        CodeWriters w = writers();
        assertEquals(Set.of("py"), w.writersOf(name(Kind.PYTHON_MODULE, "pkg.ledger", "")));
        assertEquals(Set.of("py"), w.writersOf(name(Kind.PYTHON_MODULE, "pkg", "")), "a namespace package");
        assertEquals(Set.of("js"), w.writersOf(name(Kind.SCRIPT_MODULE, "../lib/rates.js", "web/app/main.ts")),
                "'./x.js' names the TypeScript source x.ts");
        assertEquals(Set.of("js"), w.writersOf(name(Kind.SCRIPT_MODULE, "web/lib/rates", "")));
        assertFalse(w.baseWrites(name(Kind.SCRIPT_MODULE, "node_modules/x/rates.js", "")),
                "dependency folders are not the base's code");
    }

    @Test
    void aNameImportedFromAPackageIsItsSubmoduleElseAMemberOfTheModule() throws Exception {
        Files.createDirectories(dir.resolve("base/lib"));
        Files.writeString(dir.resolve("base/lib/__init__.py"), "");
        Manifest m = new Manifest(dir.resolve("m.json"), 1, "m", dir.resolve("base"), 2, 1, 2, true, List.of(
                feature("tag", Map.of("lib/tag.py", "x = 1\n"), List.of()),
                feature("univ", Map.of("lib/univ.py", "y = 1\n"), List.of())), "0".repeat(64));
        CodeWriters w = CodeWriters.of(m);
        // `from lib import tag` failing: tag.py is missing, not every module of the package
        assertEquals(Set.of("tag"), w.writersOf(name(Kind.PYTHON_NAME, "lib.tag", "")));
        // `from lib.univ import Integer` failing: a member of the module univ.py
        assertEquals(Set.of("univ"), w.writersOf(name(Kind.PYTHON_NAME, "lib.univ.Integer", "")));
        // `from lib import helper`: nobody writes lib/helper.py, and the package lib is the base's
        assertTrue(w.writersOf(name(Kind.PYTHON_NAME, "lib.helper", "")).isEmpty());
        assertTrue(w.baseWrites(name(Kind.PYTHON_NAME, "lib.helper", "")));
    }

    @Test
    void whatAFeatureAcceptsDuringARunJoinsTheWriters() throws Exception {
        CodeWriters w = writers();
        MissingName ledger = name(Kind.PYTHON_MODULE, "books.ledger", "");
        assertTrue(w.writersOf(ledger).isEmpty());
        w.addAll("books", FileSet.ofText(Map.of("books/ledger.py", "y = 2\n")));
        w.addPath("older", "books/ledger.py");
        assertEquals(Set.of("books", "older"), w.writersOf(ledger));
    }

    @Test
    void aSimpleNameWrittenInTwoPackagesGoesToTheOneOfTheFileThatMissedItAndFeaturesAddedLaterAreFound() throws Exception {
        CodeWriters w = writers();
        w.addAll("other-rates", FileSet.ofText(Map.of("src/main/java/shop/Rates.java", "package shop; public class Rates { }")));
        w.addAll("zeta", FileSet.ofText(Map.of("src/main/java/shop/tax/Rates.java", "package shop.tax; class Rates { int v; }")));
        assertEquals(List.of("other-rates"), List.copyOf(w.writersOf(name(Kind.JAVA_TYPE, "Rates", "src/main/java/shop/A.java"))));
        assertEquals(List.of("rates", "zeta"), List.copyOf(w.writersOf(name(Kind.JAVA_TYPE, "Rates", "src/main/java/shop/tax/A.java"))),
                "both writers of the same path, the first seen first");
        assertEquals(Set.of("other-rates", "rates", "zeta"), w.writersOf(name(Kind.JAVA_TYPE, "Rates", "")),
                "from no package: every file of that name");
        assertEquals(Set.of("other-rates"), w.writersOf(name(Kind.JAVA_TYPE, "shop.Rates.Inner.Deeper", "")));
        assertTrue(w.baseWrites(name(Kind.JAVA_TYPE, "shop.Money", "")));
        assertTrue(w.baseWrites(name(Kind.JAVA_TYPE, "Money", "src/main/java/other/X.java")));
        assertFalse(w.baseWrites(name(Kind.JAVA_TYPE, "other.Money", "")));
    }

    @Test
    void aBaseFilesPackageIsReadFromItsHeadOrAfterALongHeaderAndBadBytesDoNotStopIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("base/src/main/java/x"));
        Files.writeString(folder.resolve("Long.java"), "/*\n" + " * package not.this.one;\n".repeat(600) + " */\npackage deep.pkg;\nclass Long {}\n");
        byte[] bad = "package ok.pkg; class Bad { String s = \"\u00e9\"; }".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(bad, bad.length + 2);
        broken[bad.length] = (byte) 0xC3; // a character cut short
        broken[bad.length + 1] = (byte) 0xFF;
        Files.write(folder.resolve("Bad.java"), broken);
        CodeWriters w = writers();
        assertTrue(w.baseWrites(name(Kind.JAVA_TYPE, "deep.pkg.Long", "")));
        assertFalse(w.baseWrites(name(Kind.JAVA_TYPE, "not.this.one.Long", "")));
        assertTrue(w.baseWrites(name(Kind.JAVA_TYPE, "ok.pkg.Bad", "")));
    }

    @Test
    void aMissingPackageMeansEveryFileInItOrBelowAndATypeOfThatNameInTheOrderTheFilesAreKept() throws Exception {
        // written files (kept sorted) and base files (kept as the walk reads them), over nested packages
        List<String> packages = List.of("a", "a.b", "a.b.c", "a.bc", "ab", "a.b.C", "x.y", "");
        java.util.Random random = new java.util.Random(19);
        java.util.List<Feature> features = new java.util.ArrayList<>();
        java.util.Map<String, String> packageOf = new java.util.TreeMap<>();
        java.util.Map<String, String> writerOf = new java.util.TreeMap<>();
        for (int i = 0; i < 60; i++) {
            String pkg = packages.get(random.nextInt(packages.size()));
            String type = (random.nextBoolean() ? "C" : "T") + i;
            String path = "src/main/java/" + (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + type + ".java";
            String id = "f" + i;
            features.add(feature(id, Map.of(path, (pkg.isEmpty() ? "" : "/* x */ package " + pkg + ";\n")
                    + "class " + type + " {}\n"), List.of()));
            packageOf.put(path, pkg);
            writerOf.put(path, id);
        }
        Manifest m = new Manifest(dir.resolve("m.json"), 1, "m", null, 2, 1, 2, true, features, "0".repeat(64));
        CodeWriters w = CodeWriters.of(m);
        for (String wanted : List.of("a", "a.b", "a.b.c", "a.b.C", "a.bc", "ab", "x", "x.y", "a.b.C.Inner", "zz", "a.b.c.T3")) {
            java.util.Set<String> expected = new java.util.LinkedHashSet<>();
            // the definition, read over every file in the order the written files are kept (sorted by path)
            packageOf.forEach((path, pkg) -> {
                String simple = path.substring(path.lastIndexOf('/') + 1, path.length() - ".java".length());
                String qualified = pkg.isEmpty() ? simple : pkg + "." + simple;
                if (pkg.equals(wanted) || pkg.startsWith(wanted + ".") || qualified.equals(wanted)) {
                    expected.add(writerOf.get(path));
                }
            });
            assertEquals(List.copyOf(expected), List.copyOf(w.writersOf(name(Kind.JAVA_PACKAGE, wanted, ""))), wanted);
        }
    }
    /**
     * Real code (Commons IO's MessageDigestCalculatingInputStreamTest): a test imports the nested
     * Builder of the class its feature writes; without that class javac cannot find Builder either.
     * The base's own, unrelated lang.builder.Builder is not what the test missed, so the RED proof is
     * the feature's (it was judged "proves nothing: the tests miss Builder, which only the base writes").
     */
    @Test
    void aSimpleNameMeansWhatTheMissingFilesImportsAndPackageMakeIt() throws Exception {
        Path base = Files.createDirectories(dir.resolve("base/src/main/java/lang/builder"));
        Files.writeString(base.resolve("Builder.java"), "package lang.builder; public interface Builder<T> { T get(); }\n");
        String test = "src/test/java/io/StreamTest.java";
        String starred = "src/test/java/io/StarredTest.java";
        Feature stream = new Feature("stream", "stream", "", List.of(), List.of(), new TestSettings.JUnit(60),
                new ImplementerSettings.Replay(), new ReviewSettings.Auto(), FileSet.ofText(Map.of(
                        test, "package io;\n// import lang.builder.Builder; (a comment, not an import)\n"
                                + "import io.Stream.Builder;\nclass StreamTest { Builder b; }\n",
                        starred, "package io;\nimport lang.builder.*;\nclass StarredTest { Builder b; }\n")),
                List.of(FileSet.ofText(Map.of("src/main/java/io/Stream.java",
                        "package io; public class Stream { public static class Builder { } }"))), null);
        Manifest m = new Manifest(dir.resolve("m.json"), 1, "m", dir.resolve("base"), 2, 1, 2, true, List.of(stream),
                "0".repeat(64));
        CodeWriters w = CodeWriters.of(m);
        MissingName viaOuter = name(Kind.JAVA_TYPE, "Builder", test);
        assertEquals(Set.of("stream"), w.writersOf(viaOuter), "imported through io.Stream, whose file the feature writes");
        assertFalse(w.baseWrites(viaOuter), "the base's lang.builder.Builder is not imported there");
        MissingName onDemand = name(Kind.JAVA_TYPE, "Builder", starred);
        assertTrue(w.baseWrites(onDemand), "import lang.builder.* makes the base's Builder the one meant");
        assertTrue(w.writersOf(onDemand).isEmpty());
        assertTrue(w.baseWrites(name(Kind.JAVA_TYPE, "Builder", "src/test/java/io/Unknown.java")),
                "a file whose text is not known is looked up by the simple name, as before");
    }
}
