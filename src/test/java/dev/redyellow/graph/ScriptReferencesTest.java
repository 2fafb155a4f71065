package dev.redyellow.graph;

import dev.redyellow.manifest.Manifest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.redyellow.graph.ManifestFixture.manifest;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** JavaScript and TypeScript references, seen through the edges {@link DependencyInference} proposes. */
class ScriptReferencesTest {

    private static DependencyEdge inferred(String dependency, String dependent, String reason) {
        return new DependencyEdge(dependency, dependent, EdgeKind.INFERRED, reason);
    }

    /** Feature "lib" writes {@code libPath}; feature "app" has the test at {@code testPath}. */
    private static List<DependencyEdge> edgesFor(String libPath, String testPath, String test) {
        Manifest manifest = manifest()
                .feature("lib").attempt(libPath, "export const x = 1;\n")
                .feature("app").test(testPath, test)
                .build();
        return new DependencyInference(manifest).inferredEdges();
    }

    @Test
    void importFromAnExactRelativePath() {
        assertEquals(List.of(inferred("lib", "app",
                "test/slug.test.js imports '../src/normalize.js', written by lib (src/normalize.js)")),
                edgesFor("src/normalize.js", "test/slug.test.js",
                        "import { normalize } from '../src/normalize.js';\nimport assert from 'node:assert';\n"));
    }

    @Test
    void importWithoutExtensionTriesTheScriptExtensions() {
        assertEquals(List.of(inferred("lib", "app",
                "test/slug.test.js imports '../src/normalize', written by lib (src/normalize.cjs)")),
                edgesFor("src/normalize.cjs", "test/slug.test.js", "import normalize from \"../src/normalize\";"));
    }

    @Test
    void requireOfAFolderFindsItsIndex() {
        assertEquals(List.of(inferred("lib", "app", "test/slug.test.js imports '../src/text', written by lib (src/text/index.js)")),
                edgesFor("src/text/index.js", "test/slug.test.js", "const text = require( '../src/text' );\n"));
    }

    @Test
    void aFileWithAnExtensionComesBeforeAFolderIndex() {
        Manifest manifest = manifest()
                .feature("folder").attempt("src/text/index.js", "")
                .feature("file").attempt("src/text.ts", "")
                .feature("app").test("test/slug.test.js", "const text = require('../src/text');\n")
                .build();

        assertEquals(List.of(inferred("file", "app", "test/slug.test.js imports '../src/text', written by file (src/text.ts)")),
                new DependencyInference(manifest).inferredEdges());
    }

    @Test
    void bareImportOfAModuleForItsEffects() {
        assertEquals(List.of(inferred("lib", "app", "test/slug.test.js imports '../src/setup', written by lib (src/setup.mjs)")),
                edgesFor("src/setup.mjs", "test/slug.test.js", "import '../src/setup';\n"));
    }

    @Test
    void dynamicImport() {
        assertEquals(List.of(inferred("lib", "app", "test/slug.test.js imports '../src/lazy', written by lib (src/lazy.js)")),
                edgesFor("src/lazy.js", "test/slug.test.js", "test('x', async () => { const m = await import('../src/lazy'); });\n"));
    }

    @Test
    void reExportFromASiblingFixture() {
        assertEquals(List.of(inferred("lib", "app", "test/all.test.js imports './fixtures', written by lib (test/fixtures.js)")),
                edgesFor("test/fixtures.js", "test/all.test.js", "export * as fixtures from './fixtures';\n"));
    }

    @Test
    void typeScriptTestFindsTypeScriptSource() {
        assertEquals(List.of(inferred("lib", "app", "test/slug.test.ts imports '../src/slug', written by lib (src/slug.ts)")),
                edgesFor("src/slug.ts", "test/slug.test.ts", "import type {\n  Slug,\n} from '../src/slug';\n"));
    }

    @Test
    void typeScriptJsSpecifierMeansTheTsSource() {
        assertEquals(List.of(inferred("lib", "app", "test/slug.test.ts imports '../src/slug.js', written by lib (src/slug.tsx)")),
                edgesFor("src/slug.tsx", "test/slug.test.ts", "import { Slug } from '../src/slug.js';\n"));
    }

    @Test
    void commentsPackagesAndPathsAboveTheRootAreNotReferences() {
        assertEquals(List.of(), edgesFor("src/slug.js", "test/slug.test.js", """
                // import { slug } from '../src/slug';
                /* require('../src/slug') */
                import slug from 'slug';
                import up from '../../src/slug';
                const url = 'http://example.com//x';
                """));
    }
}
