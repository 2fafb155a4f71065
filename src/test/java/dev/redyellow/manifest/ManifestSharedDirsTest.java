package dev.redyellow.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sharedDirs}, and the paths no test or attempt may use: located errors like the others. */
class ManifestSharedDirsTest {
    @TempDir
    Path dir;

    private ManifestFixture manifest(String top, String features) {
        return ManifestFixture.write(dir, "{\n  \"version\": 1,\n  \"name\": \"n\",\n" + top
                + "  \"features\": [\n" + features + "\n  ]\n}\n");
    }

    private static final String A = "    { \"id\": \"a\", \"tests\": { \"test_a.py\": \"a\" } }";

    @Test
    void readsSharedDirsThatAreFoldersOfTheBase() throws Exception {
        ManifestFixture m = manifest("  \"base\": \"base\",\n  \"sharedDirs\": [\"third_party\", \"web/deps\"],\n", A)
                .with("base/third_party/x.txt", "x").with("base/web/deps/y.txt", "y");
        Manifest loaded = ManifestLoader.load(m.file());
        assertEquals(List.of("third_party", "web/deps"), loaded.sharedDirs());
    }

    @Test
    void withoutSharedDirsTheListIsEmpty() throws Exception {
        assertEquals(List.of(), ManifestLoader.load(manifest("", A).file()).sharedDirs());
    }

    @Test
    void rejectsASharedDirThatIsNotAFolderOfTheBase() {
        ManifestFixture m = manifest("  \"base\": \"base\",\n  \"sharedDirs\": [\"missing\"],\n", A).with("base/x.txt", "x");
        m.assertSingleError(m.position("\"missing\""), "/sharedDirs/0", "shared folder \"missing\" is not a folder of the base");
    }

    @Test
    void rejectsASharedDirThatIsALink() throws Exception {
        ManifestFixture m = manifest("  \"base\": \"base\",\n  \"sharedDirs\": [\"deps\"],\n", A).with("base/real/x.txt", "x");
        Files.createSymbolicLink(dir.resolve("base/deps"), Path.of("real"));
        m.assertSingleError(m.position("\"deps\""), "/sharedDirs/0",
                "shared folder \"deps\" is a symbolic link in the base; links are kept as links, name the folder itself");
    }

    @Test
    void rejectsAnEscapingSharedDirAndATwiceListedOne() {
        ManifestFixture m = manifest("  \"base\": \"base\",\n  \"sharedDirs\": [\"../up\", \"d\", \"d\"],\n", A)
                .with("base/d/x.txt", "x");
        List<ManifestError> errors = m.errors();
        assertEquals(2, errors.size(), errors::toString);
        m.assertError(errors.get(0), m.position("\"../up\""), "/sharedDirs/0",
                "invalid workspace path \"../up\": " + WorkspacePath.problem("../up").orElseThrow());
        m.assertError(errors.get(1), m.position("\"d\"", 2), "/sharedDirs/2", "\"d\" is listed twice in sharedDirs");
    }

    @Test
    void rejectsSharedDirsWithoutABase() {
        ManifestFixture m = manifest("  \"sharedDirs\": [\"deps\"],\n", A);
        m.assertSingleError(m.position("[\"deps\"]"), "/sharedDirs",
                "sharedDirs names folders of the base, but the manifest has no \"base\"");
    }

    @Test
    void rejectsAnAttemptThatWritesAnotherFeaturesTestFile() {
        ManifestFixture m = manifest("", A + ",\n    { \"id\": \"b\", \"tests\": { \"test_b.py\": \"b\" },"
                + " \"attempts\": [ { \"files\": { \"b.py\": \"b\" } }, { \"files\": { \"test_a.py\": \"pass\" } } ] }");
        m.assertSingleError(m.position("\"test_a.py\"", 2), "/features/1/attempts/1/files/test_a.py",
                "attempt 2 writes \"test_a.py\", a test file of feature \"a\"; attempts may not change any feature's tests");
    }

    @Test
    void rejectsAnAttemptWritingATestFileOfALaterFeatureToo() {
        ManifestFixture m = manifest("", "    { \"id\": \"b\", \"tests\": { \"test_b.py\": \"b\" },"
                + " \"attempts\": [ { \"files\": { \"fixtures/data.txt\": \"forged\" } } ] },\n"
                + "    { \"id\": \"c\", \"tests\": { \"test_c.py\": \"c\", \"fixtures/data.txt\": \"real\" } }");
        m.assertSingleError(m.position("\"fixtures/data.txt\""), "/features/0/attempts/0/files/fixtures~1data.txt",
                "attempt 1 writes \"fixtures/data.txt\", a test file of feature \"c\"; attempts may not change any feature's tests");
    }

    @Test
    void rejectsTestAndAttemptFilesInsideASharedFolderOfTheBase() {
        ManifestFixture m = manifest("  \"base\": \"base\",\n", "    { \"id\": \"a\", \"tests\": { \"node_modules/x/t.test.js\": \"t\" },"
                + " \"attempts\": [ { \"files\": { \"web/node_modules/y/i.js\": \"i\" } } ] }")
                .with("base/node_modules/x/index.js", "x").with("base/web/node_modules/y/index.js", "y");
        List<ManifestError> errors = m.errors();
        assertEquals(2, errors.size(), errors::toString);
        m.assertError(errors.get(0), m.position("\"node_modules/x/t.test.js\""), "/features/0/tests/node_modules~1x~1t.test.js",
                "test file \"node_modules/x/t.test.js\" lies in \"node_modules\", a dependency folder of the base that every"
                        + " workspace shares read-only; put it elsewhere");
        m.assertError(errors.get(1), m.position("\"web/node_modules/y/i.js\""), "/features/0/attempts/0/files/web~1node_modules~1y~1i.js",
                "attempt 1 writes \"web/node_modules/y/i.js\", which lies in \"web/node_modules\", a dependency folder of the base"
                        + " that every workspace shares read-only; put it elsewhere");
    }

    @Test
    void aFolderNamedLikeADependencyFolderThatTheBaseLacksIsNoProblem() throws Exception {
        ManifestFixture m = manifest("  \"base\": \"base\",\n", "    { \"id\": \"a\", \"tests\": { \"vendor/t.py\": \"t\" } }")
                .with("base/x.txt", "x");
        assertEquals(1, ManifestLoader.load(m.file()).features().size());
    }
}
