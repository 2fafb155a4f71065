package dev.redyellow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.graph.DependencyEdge;
import dev.redyellow.graph.DependencyInference;
import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real JavaScript and Python cases kept under {@code benchmarks/}: the manifests built from the
 * committed sources (features, their tests, replayed attempts that are the real modules, the wrong
 * first attempts, declared and inferred dependencies) and the plain projects. Needs neither npm nor
 * pytest: nothing here runs the projects' tests.
 */
class ScriptCaseTest {

    static final Path DOMUTILS = Path.of("benchmarks/realjs/domutils");
    static final Path PYASN1 = Path.of("benchmarks/realpy/pyasn1");

    @TempDir
    Path dir;

    private static Feature feature(Manifest m, String id) {
        return m.features().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    private static Set<String> inferred(Manifest m, String dependent) {
        return new DependencyInference(m).inferredEdges().stream().filter(e -> e.dependent().equals(dependent))
                .map(DependencyEdge::dependency).collect(Collectors.toSet());
    }

    @Test
    void domutilsBecomesFiveFeaturesWhoseAttemptsAreTheRealModules() throws Exception {
        ScriptCase project = ScriptCase.read(DOMUTILS);
        Manifest m = ManifestLoader.load(new ScriptCaseWriter(project).writeManifest(dir.resolve("case"), 2));

        assertEquals(List.of("helpers", "legacy", "manipulation", "traversal", "index"),
                m.features().stream().map(Feature::id).toList());
        Feature legacy = feature(m, "legacy");
        assertEquals(Set.of("src/legacy.spec.ts"), legacy.tests().paths());
        assertEquals(1, legacy.attempts().size());
        assertEquals(Files.readString(DOMUTILS.resolve("src/querying.ts")), legacy.attempts().get(0).text("src/querying.ts"),
                "a module without a test of its own comes with the feature that tests it");
        // the base holds the project's configuration and test fixtures, and none of the features' code
        assertTrue(Files.isRegularFile(dir.resolve("case/base/vitest.config.js")));
        assertTrue(Files.isRegularFile(dir.resolve("case/base/src/__fixtures__/fixture.ts")));
        assertFalse(Files.exists(dir.resolve("case/base/src/helpers.ts")));
        assertTrue(legacy.test().toString().contains("node_modules/.bin/vitest"), legacy.test().toString());
    }

    @Test
    void aWrongFirstAttemptIsTheRealModuleWithOneEditAndTheSecondIsTheRealModule() throws Exception {
        ScriptCase project = ScriptCase.read(DOMUTILS);
        Manifest m = ManifestLoader.load(new ScriptCaseWriter(project).writeManifest(dir.resolve("case"), 2));
        String real = Files.readString(DOMUTILS.resolve("src/traversal.ts"));

        Feature traversal = feature(m, "traversal");
        assertEquals(2, traversal.attempts().size());
        String wrong = traversal.attempts().get(0).text("src/traversal.ts");
        assertNotEquals(real, wrong);
        assertEquals(real.replace("if (parent != null) return getChildren(parent);", "if (parent != null) return [elem];"), wrong);
        assertEquals(real, traversal.attempts().get(1).text("src/traversal.ts"));
        assertEquals(2, feature(m, "helpers").attempts().size());
    }

    @Test
    void domutilsDependenciesAreDeclaredOrInferredFromItsImports() throws Exception {
        Manifest m = ManifestLoader.load(new ScriptCaseWriter(ScriptCase.read(DOMUTILS)).writeManifest(dir.resolve("case"), 2));

        assertEquals(List.of("legacy"), feature(m, "index").dependsOn());
        // index.ts re-exports every module: its replayed attempt imports them
        assertEquals(Set.of("helpers", "manipulation", "traversal", "legacy"), inferred(m, "index"));
        assertTrue(inferred(m, "helpers").isEmpty());
    }

    @Test
    void pyasn1BecomesSeventeenFeaturesOnABaseOfPackagesAndTestHelpers() throws Exception {
        ScriptCase project = ScriptCase.read(PYASN1);
        Manifest m = ManifestLoader.load(new ScriptCaseWriter(project).writeManifest(dir.resolve("case"), 2));

        assertEquals(17, m.features().size());
        assertEquals(3, m.features().stream().filter(f -> f.attempts().size() == 2).count(), "three wrong first attempts");
        Feature univ = feature(m, "univ");
        assertEquals(Set.of("tests/type/test_univ.py", "tests/type/test_namedtype.py"), univ.tests().paths(),
                "namedtype's tests use univ and univ uses namedtype: one feature");
        assertEquals(List.of("tag", "constraint"), univ.dependsOn());
        assertTrue(Files.isRegularFile(dir.resolve("case/base/tests/base.py")));
        assertTrue(Files.isRegularFile(dir.resolve("case/base/pyasn1/type/__init__.py")));
        assertFalse(Files.exists(dir.resolve("case/base/pyasn1/type/univ.py")));
        // `from pyasn1.type import univ` in a test, `from pyasn1.codec.cer import encoder` in a module
        assertTrue(inferred(m, "opentype").contains("univ"), inferred(m, "opentype").toString());
        assertTrue(inferred(m, "der-encoder").contains("cer-encoder"), inferred(m, "der-encoder").toString());
        assertTrue(inferred(m, "binary").isEmpty(), inferred(m, "binary").toString());
    }

    @Test
    void thePlainProjectHoldsEveryModuleAndTestInPlace() throws Exception {
        ScriptCase project = ScriptCase.read(PYASN1);
        new ScriptCaseWriter(project).writePlainProject(dir.resolve("plain"));
        for (ScriptCase.Feature f : project.features()) {
            for (String file : project.codeFiles(f)) {
                assertEquals(Files.readString(PYASN1.resolve(file)), Files.readString(dir.resolve("plain").resolve(file)), file);
            }
            for (String file : project.testFiles(f)) {
                assertTrue(Files.isRegularFile(dir.resolve("plain").resolve(file)), file);
            }
        }
        assertTrue(Files.isRegularFile(dir.resolve("plain/tests/base.py")));
    }

    @Test
    void aBadCaseIsRefusedWithTheFileAndWhatIsWrong() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(folder.resolve("a.py"), "x = 1\n");
        Files.writeString(folder.resolve("test_a.py"), "from a import x\n");
        String good = """
                {"name": "n", "project": "p", "shared": ".venv", "base": [], "test": {"kind": "command", "command": ["pytest"]},
                 "plain": ["pytest"], "report": "r.xml",
                 "features": [{"id": "a", "code": ["a.py"], "tests": ["test_a.py"]%s}]}
                """;
        Files.writeString(folder.resolve("case.json"), good.formatted(""));
        assertEquals(1, ScriptCase.read(folder).features().size());

        Map<String, String> bad = Map.of(
                ", \"wrongFirst\": {\"file\": \"a.py\", \"find\": \"y = 2\", \"replace\": \"y\", \"why\": \"w\"}",
                "wrongFirst.find must occur exactly once in a.py",
                ", \"dependsOn\": [\"b\"]", "depends on unknown 'b'",
                ", \"tests\": [\"a.py\"]", "a.py is listed twice");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            Files.writeString(folder.resolve("case.json"), good.formatted(e.getKey()));
            IOException error = assertThrows(IOException.class, () -> ScriptCase.read(folder), e.getKey());
            assertTrue(error.getMessage().startsWith(folder.resolve("case.json").toString()), error.getMessage());
            assertTrue(error.getMessage().contains(e.getValue()), error.getMessage());
        }
        Files.writeString(folder.resolve("case.json"), good.formatted("").replace("\"a.py\"]", "\"b.py\"]"));
        IOException missing = assertThrows(IOException.class, () -> ScriptCase.read(folder));
        assertTrue(missing.getMessage().contains("b.py, which is not a path of the project"), missing.getMessage());
    }
}
