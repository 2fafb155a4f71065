package dev.redyellow.graph;

import dev.redyellow.manifest.Manifest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.redyellow.graph.ManifestFixture.manifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Java references, seen through the edges {@link DependencyInference} proposes. */
class JavaReferencesTest {

    private static final String NORMALIZER = "src/main/java/tools/Normalizer.java";
    private static final String NORMALIZER_CODE = "package tools;\npublic class Normalizer { public enum Mode { NFC } }\n";

    private static List<DependencyEdge> inferred(Manifest manifest) {
        return new DependencyInference(manifest).inferredEdges();
    }

    private static DependencyEdge inferred(String dependency, String dependent, String reason) {
        return new DependencyEdge(dependency, dependent, EdgeKind.INFERRED, reason);
    }

    private static Manifest normalizeAndSlugifyTest(String test) {
        return manifest()
                .feature("normalize").attempt(NORMALIZER, NORMALIZER_CODE)
                .feature("slugify").test("src/test/java/app/SlugifyTest.java", test)
                .build();
    }

    @Test
    void importOfAnotherFeaturesClass() {
        Manifest manifest = normalizeAndSlugifyTest("package app;\n\nimport tools.Normalizer;\n\nclass SlugifyTest {}\n");

        assertEquals(List.of(inferred("normalize", "slugify",
                "src/test/java/app/SlugifyTest.java imports tools.Normalizer, written by normalize (" + NORMALIZER + ")")),
                inferred(manifest));
    }

    @Test
    void staticImportOfAMember() {
        Manifest manifest = normalizeAndSlugifyTest("package app;\nimport static tools.Normalizer.normalize;\nclass SlugifyTest {}");

        assertEquals(List.of(inferred("normalize", "slugify",
                "src/test/java/app/SlugifyTest.java imports static tools.Normalizer.normalize, written by normalize ("
                        + NORMALIZER + ")")), inferred(manifest));
    }

    @Test
    void importOfANestedTypeMeansItsFile() {
        Manifest manifest = normalizeAndSlugifyTest("package app;\nimport tools.Normalizer.Mode;\nclass SlugifyTest {}");

        assertEquals(List.of(inferred("normalize", "slugify",
                "src/test/java/app/SlugifyTest.java imports tools.Normalizer.Mode, written by normalize (" + NORMALIZER + ")")),
                inferred(manifest));
    }

    @Test
    void wildcardImportMatchesEveryFileOfThatPackageOnly() {
        Manifest manifest = manifest()
                .feature("normalize").attempt(Map.of(NORMALIZER, NORMALIZER_CODE,
                        "src/main/java/tools/Accents.java", "package tools; class Accents {}"))
                .feature("deep").attempt("src/main/java/tools/deep/Deep.java", "package tools.deep; class Deep {}")
                .feature("slugify").test("src/test/java/app/SlugifyTest.java", "package app;\nimport tools.*;\nclass SlugifyTest {}")
                .build();

        assertEquals(List.of(inferred("normalize", "slugify",
                "src/test/java/app/SlugifyTest.java imports tools.*, written by normalize (src/main/java/tools/Accents.java)")),
                inferred(manifest));
    }

    @Test
    void sameClassNameInAnotherPackageIsNotImported() {
        Manifest manifest = normalizeAndSlugifyTest("package app;\nimport other.Normalizer;\nclass SlugifyTest {}");

        assertEquals(List.of(), inferred(manifest));
    }

    @Test
    void samePackageClassNeedsNoImport() {
        Manifest manifest = manifest()
                .feature("normalize").attempt(NORMALIZER, NORMALIZER_CODE)
                .feature("slugify").test("src/test/java/tools/SlugifyTest.java",
                        "package tools;\nclass SlugifyTest { String s = new Normalizer().toString(); }")
                .build();

        assertEquals(List.of(inferred("normalize", "slugify",
                "src/test/java/tools/SlugifyTest.java uses tools.Normalizer (same package), written by normalize ("
                        + NORMALIZER + ")")), inferred(manifest));
    }

    @Test
    void samePackageComesFromTheDeclarationWhenTheContentIsKnown() {
        Manifest manifest = manifest()
                .feature("legacy").attempt("src/main/java/old/Odd.java", "package tools;\nclass Odd {}")
                .feature("slugify").test("src/test/java/tools/SlugifyTest.java", "package tools;\nclass SlugifyTest { Odd odd; }")
                .feature("other").test("src/test/java/old/OtherTest.java", "package old;\nclass OtherTest { Odd odd; }")
                .build();

        assertEquals(List.of(inferred("legacy", "slugify",
                "src/test/java/tools/SlugifyTest.java uses tools.Odd (same package), written by legacy (src/main/java/old/Odd.java)")),
                inferred(manifest));
    }

    @Test
    void samePackageOfAProvidedPathComesFromItsFolderBelowTheSourceRoot() {
        Manifest manifest = manifest()
                .feature("normalize").provides(NORMALIZER)
                .feature("slugify").test("src/test/java/tools/SlugifyTest.java",
                        "package tools;\nclass SlugifyTest { int n = Normalizer.count(); }")
                .build();

        assertEquals(List.of(inferred("normalize", "slugify",
                "src/test/java/tools/SlugifyTest.java uses tools.Normalizer (same package), written by normalize ("
                        + NORMALIZER + ")")), inferred(manifest));
    }

    @Test
    void testBaseClassFromAnotherFeaturesTests() {
        Manifest manifest = manifest()
                .feature("normalize")
                .test("src/test/java/tools/NormalizerTest.java", "package tools;\nclass NormalizerTest extends TextTestBase {}")
                .test("src/test/java/tools/TextTestBase.java", "package tools;\nabstract class TextTestBase {}")
                .feature("slugify")
                .test("src/test/java/tools/SlugifyTest.java", "package tools;\nclass SlugifyTest extends TextTestBase {}")
                .build();

        assertEquals(List.of(inferred("normalize", "slugify",
                "src/test/java/tools/SlugifyTest.java uses tools.TextTestBase (same package), written by normalize"
                        + " (src/test/java/tools/TextTestBase.java)")), inferred(manifest));
    }

    @Test
    void namesInCommentsAndStringsAreNotReferences() {
        Manifest manifest = manifest()
                .feature("normalize").attempt(NORMALIZER, NORMALIZER_CODE)
                .feature("slugify").test("src/test/java/tools/SlugifyTest.java", """
                        package tools;
                        // uses Normalizer
                        /* import tools.Normalizer; */
                        class SlugifyTest {
                            String a = "Normalizer";
                            char b = '"';
                            String c = "\\"Normalizer\\"";
                        }
                        """)
                .build();

        assertEquals(List.of(), inferred(manifest));
    }

    @Test
    void theDeclaredPackageIsFoundAfterAHeaderLongerThanTheFirstLookAndNeverInsideComments() {
        String licence = "/*\n" + " * package fake.inside.the.comment;\n".repeat(400) + " */\n";
        assertEquals("org.real", JavaReferences.declaredPackageOf(licence + "package org.real;\nclass A {}\n"));
        // the declaration straddles the first head's end
        String pad = "// x\n".repeat(817);
        assertEquals("a.b.c", JavaReferences.declaredPackageOf(pad + "package  a . b\n . c ;\nclass A {}\n"));
        assertEquals("", JavaReferences.declaredPackageOf(licence + "class A { String s = \"package no.way;\"; }\n"
                + "// package nor.here;\n".repeat(2000)));
        assertEquals("p", JavaReferences.declaredPackageOf("package p; class A { String s = \"" + "x".repeat(9000) + "\"; }"));
    }

    @Test
    void theFirstTokenDecidesThePackageWithoutReadingFurther() {
        assertEquals("a.b", JavaReferences.leadingPackage("\uFEFF/* licence */\n// note\npackage a /* x */ . // y\n b ;\nclass A {}"));
        assertEquals("", JavaReferences.leadingPackage("import java.util.List;\nclass A { String s = \"package p;\"; }"));
        assertEquals("", JavaReferences.leadingPackage("class packaged {}"));
        assertEquals("", JavaReferences.leadingPackage("  \n/* only a comment */\n"));
        assertEquals("", JavaReferences.leadingPackage("packages.Foo x;"), "a word that only starts with package");
        // what the first token does not decide is left to the blanking search
        assertNull(JavaReferences.leadingPackage("@Deprecated\npackage old;"));
        assertNull(JavaReferences.leadingPackage("/* not closed"));
        assertNull(JavaReferences.leadingPackage("package a.;"));
        assertEquals("old", JavaReferences.declaredPackageOf("@Deprecated\npackage old;"));
        assertEquals("", JavaReferences.declaredPackageOf("@Deprecated\nclass A {}"));
    }

    @Test
    void aFileWhoseFirstTokenStraddlesTheHeadIsReadFurther(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        for (int pad = 8180; pad <= 8195; pad++) {
            // the head is the first 8 KB: "package" cut anywhere in it must not read as "no package"
            String text = " ".repeat(pad) + "package far.away;\nclass A {}\n";
            java.nio.file.Path file = java.nio.file.Files.writeString(tmp.resolve("A" + pad + ".java"), text);
            assertEquals("far.away", JavaReferences.declaredPackageOf(file), "padding " + pad);
        }
        java.nio.file.Path none = java.nio.file.Files.writeString(tmp.resolve("B.java"), " ".repeat(8189) + "class B {}\n");
        assertEquals("", JavaReferences.declaredPackageOf(none));
    }
}
