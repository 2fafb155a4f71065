package dev.redyellow.graph;

import dev.redyellow.manifest.Manifest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.redyellow.graph.ManifestFixture.manifest;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which inferred edges the graph keeps, and what it says about the ones it drops. */
class DependencyInferenceTest {

    private static DependencyEdge inferred(String dependency, String dependent, String reason) {
        return new DependencyEdge(dependency, dependent, EdgeKind.INFERRED, reason);
    }

    /** Feature {@code id} writes {@code p/Id.java} and its test imports each of {@code uses}. */
    private static ManifestFixture javaFeature(ManifestFixture fixture, String id, String... uses) {
        StringBuilder test = new StringBuilder("package p;\n");
        for (String use : uses) {
            test.append("import p.").append(className(use)).append(";\n");
        }
        test.append("class ").append(className(id)).append("Test {}\n");
        return fixture.feature(id)
                .attempt("src/main/java/p/" + className(id) + ".java", "package p; public class " + className(id) + " {}")
                .test("src/test/java/p/" + className(id) + "Test.java", test.toString());
    }

    private static String className(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    private static String reason(String dependent, String dependency) {
        return "src/test/java/p/" + className(dependent) + "Test.java imports p." + className(dependency)
                + ", written by " + dependency + " (src/main/java/p/" + className(dependency) + ".java)";
    }

    @Test
    void inferredEdgesJoinTheGraph() {
        Manifest manifest = javaFeature(javaFeature(manifest(), "b", "a"), "a").build();

        FeatureGraph graph = FeatureGraph.of(manifest);

        assertEquals(List.of(inferred("a", "b", reason("b", "a"))), graph.edges());
        assertEquals(List.of("a", "b"), graph.topologicalOrder());
        assertEquals(List.of(List.of("a"), List.of("b")), graph.levels());
        assertEquals(List.of(), graph.warnings());
    }

    @Test
    void aFeatureUsingItsOwnCodeGetsNoSelfEdge() {
        Manifest manifest = manifest().feature("a")
                .attempt("src/main/java/p/A.java", "package p; public class A {}")
                .test("src/test/java/p/ATest.java", "package p;\nimport p.A;\nclass ATest { A a; }")
                .build();

        assertEquals(List.of(), new DependencyInference(manifest).inferredEdges());
    }

    @Test
    void anExplicitEdgeIsNotDuplicated() {
        Manifest manifest = javaFeature(javaFeature(manifest(), "a"), "b", "a").dependsOn("a").build();

        FeatureGraph graph = FeatureGraph.of(manifest);

        assertEquals(List.of(new DependencyEdge("a", "b", EdgeKind.EXPLICIT, "b depends on a (dependsOn)")), graph.edges());
        assertEquals(List.of(), graph.warnings());
    }

    @Test
    void inferenceCanBeTurnedOff() {
        Manifest manifest = javaFeature(javaFeature(manifest(), "a"), "b", "a").inferDependencies(false).build();

        FeatureGraph graph = FeatureGraph.of(manifest);

        assertEquals(List.of(), graph.edges());
        assertEquals(List.of(List.of("a", "b")), graph.levels());
    }

    @Test
    void providedPathCountsAsWritten() {
        Manifest manifest = manifest()
                .feature("schema").provides("db/schema.py")
                .feature("store").test("tests/test_store.py", "from db.schema import Table\n")
                .build();

        assertEquals(List.of(inferred("schema", "store",
                "tests/test_store.py imports Table from db.schema, written by schema (db/schema.py)")),
                FeatureGraph.of(manifest).edges());
    }

    @Test
    void everyFeatureWritingTheFileBecomesADependency() {
        Manifest manifest = manifest()
                .feature("first").attempt("src/util.js", "")
                .feature("second").attempt("src/util.js", "").attempt("src/other.js", "")
                .feature("app").test("test/app.test.js", "require('../src/util')")
                .build();

        assertEquals(List.of(
                inferred("first", "app", "test/app.test.js imports '../src/util', written by first (src/util.js)"),
                inferred("second", "app", "test/app.test.js imports '../src/util', written by second (src/util.js)")),
                FeatureGraph.of(manifest).edges());
    }

    @Test
    void theFirstReferenceInSortedTestFilesExplainsTheEdge() {
        Manifest manifest = manifest()
                .feature("lib").attempt("src/lib.js", "")
                .feature("app")
                .test("test/z.test.js", "require('../src/lib')")
                .test("test/a.test.js", "import '../src/lib.js'")
                .build();

        assertEquals(List.of(inferred("lib", "app", "test/a.test.js imports '../src/lib.js', written by lib (src/lib.js)")),
                FeatureGraph.of(manifest).edges());
    }

    @Test
    void anInferredEdgeClosingACycleWithAnEarlierInferredEdgeIsDroppedAndReported() {
        Manifest manifest = javaFeature(javaFeature(manifest(), "a", "b"), "b", "a").build();

        FeatureGraph graph = FeatureGraph.of(manifest);

        assertEquals(List.of(inferred("b", "a", reason("a", "b"))), graph.edges());
        assertEquals(List.of(new GraphWarning("inferred dependency dropped: b depends on a (" + reason("b", "a")
                + ") would close the cycle b -> a -> b")), graph.warnings());
    }

    @Test
    void anInferredEdgeClosingACycleThroughExplicitEdgesIsDroppedAndReported() {
        ManifestFixture fixture = javaFeature(manifest(), "a", "c");
        fixture = javaFeature(fixture, "b").dependsOn("a");
        Manifest manifest = javaFeature(fixture, "c").dependsOn("b").build();

        FeatureGraph graph = FeatureGraph.of(manifest);

        assertEquals(List.of(EdgeKind.EXPLICIT, EdgeKind.EXPLICIT), graph.edges().stream().map(DependencyEdge::kind).toList());
        assertEquals(List.of(new GraphWarning("inferred dependency dropped: a depends on c (" + reason("a", "c")
                + ") would close the cycle a -> c -> b -> a")), graph.warnings());
        assertEquals(List.of("a", "b", "c"), graph.topologicalOrder());
    }

    @Test
    void theSameManifestAlwaysGivesTheSameGraph() {
        Manifest manifest = javaFeature(javaFeature(javaFeature(manifest(), "a", "b", "c"), "b", "c", "a"), "c", "a").build();

        FeatureGraph first = FeatureGraph.of(manifest);
        FeatureGraph second = FeatureGraph.of(manifest);

        assertEquals(first.edges(), second.edges());
        assertEquals(first.warnings(), second.warnings());
        assertEquals(List.of(inferred("b", "a", reason("a", "b")), inferred("c", "a", reason("a", "c")),
                inferred("c", "b", reason("b", "c"))), first.edges());
        assertEquals(List.of(
                new GraphWarning("inferred dependency dropped: b depends on a (" + reason("b", "a")
                        + ") would close the cycle b -> a -> b"),
                new GraphWarning("inferred dependency dropped: c depends on a (" + reason("c", "a")
                        + ") would close the cycle c -> a -> c")), first.warnings());
    }
}
