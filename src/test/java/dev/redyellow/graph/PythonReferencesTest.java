package dev.redyellow.graph;

import dev.redyellow.manifest.Manifest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.redyellow.graph.ManifestFixture.manifest;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Python references, seen through the edges {@link DependencyInference} proposes. */
class PythonReferencesTest {

    private static List<DependencyEdge> inferred(Manifest manifest) {
        return new DependencyInference(manifest).inferredEdges();
    }

    private static DependencyEdge inferred(String dependency, String dependent, String reason) {
        return new DependencyEdge(dependency, dependent, EdgeKind.INFERRED, reason);
    }

    private static List<DependencyEdge> slugWrittenAt(String slugPath, String test) {
        return inferred(manifest()
                .feature("slug").attempt(slugPath, "def slugify(s):\n    return s\n")
                .feature("web").test("tests/test_web.py", test)
                .build());
    }

    @Test
    void importOfADottedModule() {
        assertEquals(List.of(inferred("slug", "web", "tests/test_web.py imports tools.slug, written by slug (tools/slug.py)")),
                slugWrittenAt("tools/slug.py", "import os, tools.slug\n\ndef test_it():\n    assert tools.slug.slugify('a')\n"));
    }

    @Test
    void importWithAnAlias() {
        assertEquals(List.of(inferred("slug", "web", "tests/test_web.py imports tools.slug, written by slug (tools/slug.py)")),
                slugWrittenAt("tools/slug.py", "import tools.slug as s\n"));
    }

    @Test
    void fromModuleImportNameFindsTheModuleUnderSrc() {
        assertEquals(List.of(inferred("slug", "web",
                "tests/test_web.py imports slugify from tools.slug, written by slug (src/tools/slug.py)")),
                slugWrittenAt("src/tools/slug.py", "from tools.slug import slugify\n"));
    }

    @Test
    void fromPackageImportModuleMeansTheSubmoduleFile() {
        Manifest manifest = manifest()
                .feature("package").attempt("tools/__init__.py", "")
                .feature("slug").attempt("tools/slug.py", "")
                .feature("web").test("tests/test_web.py", "from tools import slug\n")
                .build();

        assertEquals(List.of(inferred("slug", "web", "tests/test_web.py imports slug from tools, written by slug (tools/slug.py)")),
                inferred(manifest));
    }

    @Test
    void fromPackageImportNameMeansThePackageInit() {
        Manifest manifest = manifest()
                .feature("package").attempt("tools/__init__.py", "def helper():\n    pass\n")
                .feature("web").test("tests/test_web.py", "from tools import (\n    helper,\n)\n")
                .build();

        assertEquals(List.of(inferred("package", "web",
                "tests/test_web.py imports helper from tools, written by package (tools/__init__.py)")), inferred(manifest));
    }

    @Test
    void importOfAPackageMeansItsInit() {
        assertEquals(List.of(inferred("slug", "web",
                "tests/test_web.py imports tools.text, written by slug (tools/text/__init__.py)")),
                slugWrittenAt("tools/text/__init__.py", "import tools.text\n"));
    }

    @Test
    void relativeImportResolvesAgainstTheTestsFolder() {
        Manifest manifest = manifest()
                .feature("fixtures").test("tests/helpers.py", "def make():\n    pass\n")
                .feature("web").test("tests/test_web.py", "from .helpers import make\n")
                .build();

        assertEquals(List.of(inferred("fixtures", "web",
                "tests/test_web.py imports make from .helpers, written by fixtures (tests/helpers.py)")), inferred(manifest));
    }

    @Test
    void standardLibraryCommentsAndDocstringsAreNotReferences() {
        assertEquals(List.of(), slugWrittenAt("tools/slug.py", """
                \"\"\"Tests; see also:
                import tools.slug
                \"\"\"
                import os
                import json as j
                from unittest import TestCase
                # import tools.slug
                x = "import tools.slug"
                """));
    }
}
