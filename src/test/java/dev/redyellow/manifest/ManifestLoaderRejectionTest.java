package dev.redyellow.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One test per kind of rejection: the message, the line:column and the JSON pointer. */
class ManifestLoaderRejectionTest {
    private static final String TEST = "\"tests\": { \"T.java\": \"class T {}\" }";

    @TempDir
    Path dir;

    /** A valid manifest with {@code top} spliced into the top level and {@code features} as its features. */
    private ManifestFixture manifest(String top, String features) {
        return ManifestFixture.write(dir, "{\n  \"version\": 1,\n  \"name\": \"n\",\n" + top
                + "  \"features\": [\n" + features + "\n  ]\n}\n");
    }

    private ManifestFixture feature(String feature) {
        return manifest("", "    " + feature);
    }

    @Test
    void rejectsMalformedJsonAtJacksonsLocation() {
        ManifestFixture m = ManifestFixture.write(dir, "{\n  \"version\": 1\n  \"name\": \"x\"\n}\n");
        m.assertSingleError(new int[] {3, 3}, "/version",
                "malformed JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries");
    }

    @Test
    void rejectsTrailingCommaAsMalformedJson() {
        ManifestFixture m = ManifestFixture.write(dir, "{\n  \"version\": 1,\n}\n");
        List<ManifestError> errors = m.errors();
        assertEquals(1, errors.size());
        assertEquals(3, errors.get(0).location().line());
        assertTrue(errors.get(0).message().startsWith("malformed JSON: "), errors.get(0).message());
    }

    @Test
    void rejectsAnEmptyFile() {
        ManifestFixture.write(dir, "  \n").assertSingleError(new int[] {1, 1}, "", "the file is empty; expected a JSON object");
    }

    @Test
    void rejectsContentAfterTheTopLevelObject() {
        ManifestFixture m = ManifestFixture.write(dir, "{}\n{}\n");
        m.assertSingleError(new int[] {2, 1}, "", "malformed JSON: unexpected content after the end of the top-level value");
    }

    @Test
    void rejectsATopLevelThatIsNotAnObject() {
        ManifestFixture.write(dir, "[1]").assertSingleError(new int[] {1, 1}, "",
                "expected a JSON object (the manifest), found an array");
    }

    @Test
    void rejectsTextThatIsNotUtf8() throws IOException {
        Path file = dir.resolve("manifest.json");
        Files.write(file, new byte[] {'{', '\n', ' ', '"', (byte) 0xC3, '"'});
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.load(file));
        assertEquals("2:3 the file is not valid UTF-8 text", at(e.errors().get(0)) + " " + e.errors().get(0).message());
    }

    @Test
    void rejectsAMissingManifestFileWithALocatedError() {
        Path file = dir.resolve("absent.json");
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.load(file));
        assertEquals(List.of(new ManifestError(new SourceLocation(file, 1, 1, ""), "manifest file not found")), e.errors());
    }

    @Test
    void rejectsAFolderGivenAsManifest() {
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.load(dir));
        assertEquals("this is a folder; expected a manifest file (JSON)", e.errors().get(0).message());
    }

    @Test
    void rejectsAMissingVersionAtTheStartOfTheObject() {
        ManifestFixture m = ManifestFixture.write(dir, "{\n  \"name\": \"n\",\n  \"features\": [{ \"id\": \"a\", " + TEST + " }]\n}\n");
        m.assertSingleError(new int[] {1, 1}, "", "missing required field \"version\" (must be 1)");
    }

    @Test
    void rejectsAnUnsupportedVersion() {
        ManifestFixture m = ManifestFixture.write(dir, "{\n  \"version\": 2,\n  \"name\": \"n\",\n  \"features\": [{ \"id\": \"a\", "
                + TEST + " }]\n}\n");
        m.assertSingleError("2,", "/version", "unsupported version 2; this RedYellow reads version 1");
    }

    @Test
    void rejectsAVersionWrittenAsAString() {
        ManifestFixture m = ManifestFixture.write(dir, "{\n  \"version\": \"1\",\n  \"name\": \"n\",\n  \"features\": [{ \"id\": \"a\", "
                + TEST + " }]\n}\n");
        m.assertSingleError("\"1\"", "/version", "expected the integer 1, found a string \"1\"");
    }

    @Test
    void rejectsAnUnknownFieldSuggestingTheNearestName() {
        ManifestFixture m = feature("{ \"id\": \"a\", \"dependOn\": [], " + TEST + " }");
        m.assertSingleError("\"dependOn\"", "/features/0/dependOn", "unknown field \"dependOn\"; did you mean \"dependsOn\"?");
    }

    @Test
    void rejectsAnUnknownFieldFarFromAnyNameListingTheKnownOnes() {
        ManifestFixture m = manifest("  \"colour\": \"red\",\n", "    { \"id\": \"a\", " + TEST + " }");
        m.assertSingleError("\"colour\"", "/colour", "unknown field \"colour\"; known fields: $schema, base, features,"
                + " implementer, inferDependencies, maxAttempts, mutation, name, review, sharedDirs, stagnationLimit, test,"
                + " version, workers");
    }

    @Test
    void rejectsAWrongTypeSayingWhatWasExpectedAndFound() {
        ManifestFixture m = manifest("  \"maxAttempts\": \"4\",\n", "    { \"id\": \"a\", " + TEST + " }");
        m.assertSingleError("\"4\"", "/maxAttempts", "expected an integer from 1 to 50, found a string \"4\"");
    }

    @Test
    void rejectsADecimalWhereAnIntegerIsExpected() {
        ManifestFixture m = manifest("  \"workers\": 2.5,\n", "    { \"id\": \"a\", " + TEST + " }");
        m.assertSingleError("2.5", "/workers", "expected an integer from 1 to 64, found the number 2.5");
    }

    @Test
    void rejectsAnEmptyName() {
        ManifestFixture m = ManifestFixture.write(dir, "{\"version\": 1, \"name\": \"\", \"features\": [{\"id\": \"a\", " + TEST + "}]}");
        m.assertSingleError("\"\"", "/name", "expected a non-empty string, found an empty string");
    }

    @Test
    void rejectsABadId() {
        ManifestFixture m = feature("{ \"id\": \"Slug Ify\", " + TEST + " }");
        m.assertSingleError("\"Slug Ify\"", "/features/0/id", "invalid feature id \"Slug Ify\": use lowercase letters,"
                + " digits, '.', '_' and '-', starting with a letter or digit");
    }

    @Test
    void rejectsADuplicateIdAtTheSecondNamingTheFirstsLine() {
        ManifestFixture m = feature("{ \"id\": \"a\", " + TEST + " },\n    { \"id\": \"a\", " + TEST + " }");
        m.assertSingleError(m.position("\"a\"", 2), "/features/1/id", "duplicate feature id \"a\" (first defined at line 5);"
                + " ids must be unique");
    }

    @Test
    void rejectsADuplicateJsonFieldAtTheSecond() {
        ManifestFixture m = manifest("  \"workers\": 2,\n  \"workers\": 3,\n", "    { \"id\": \"a\", " + TEST + " }");
        m.assertSingleError(m.position("\"workers\"", 2), "/workers",
                "duplicate field \"workers\" (first at line 4); each field may appear only once");
    }

    @Test
    void rejectsAnUnknownDependencyListingTheKnownIds() {
        ManifestFixture m = feature("{ \"id\": \"a\", " + TEST + " },\n    { \"id\": \"b\", \"dependsOn\": [\"zz\"], " + TEST + " }");
        m.assertSingleError("\"zz\"", "/features/1/dependsOn/0", "unknown dependency \"zz\"; known ids: a, b");
    }

    @Test
    void rejectsADependencyCycleAtTheEntryThatClosesIt() {
        ManifestFixture m = feature("{ \"id\": \"a\", \"dependsOn\": [\"b\"], " + TEST + " },\n"
                + "    { \"id\": \"b\", \"dependsOn\": [\"c\"], " + TEST + " },\n"
                + "    { \"id\": \"c\", \"dependsOn\": [\"a\"], " + TEST + " }");
        m.assertSingleError("\"a\"]", "/features/2/dependsOn/0", "dependency cycle: a -> b -> c -> a (each depends on the next)");
    }

    @Test
    void rejectsASelfDependency() {
        ManifestFixture m = feature("{ \"id\": \"a\", \"dependsOn\": [\"a\"], " + TEST + " }");
        m.assertSingleError(m.position("\"a\"", 2), "/features/0/dependsOn/0",
                "dependency cycle: a -> a (a feature cannot depend on itself)");
    }

    @Test
    void rejectsAMissingFromFile() {
        ManifestFixture m = feature("{ \"id\": \"a\", \"tests\": { \"T.java\": { \"from\": \"tests/T.java\" } } }");
        m.assertSingleError("\"tests/T.java\"", "/features/0/tests/T.java/from",
                "file \"tests/T.java\" not found (looked in the manifest's folder)");
    }

    @Test
    void rejectsAFromThatNamesAFolder() throws IOException {
        ManifestFixture m = feature("{ \"id\": \"a\", \"tests\": { \"T.java\": { \"from\": \"tests\" } } }");
        Files.createDirectories(dir.resolve("tests"));
        m.assertSingleError("\"tests\" }", "/features/0/tests/T.java/from", "\"tests\" is a folder; expected a file");
    }

    @Test
    void rejectsAFromObjectWithoutFrom() {
        ManifestFixture m = feature("{ \"id\": \"a\", \"tests\": { \"T.java\": { \"form\": \"t\" } } }");
        List<ManifestError> errors = m.errors();
        assertEquals(2, errors.size(), errors::toString);
        m.assertError(errors.get(0), m.position("{ \"form\""), "/features/0/tests/T.java",
                "missing required field \"from\" (a path relative to the manifest's folder)");
        m.assertError(errors.get(1), m.position("\"form\""), "/features/0/tests/T.java/form",
                "unknown field \"form\"; did you mean \"from\"?");
    }

    @Test
    void rejectsAReferencedFileOverTenMegabytes() throws IOException {
        ManifestFixture m = feature("{ \"id\": \"a\", \"tests\": { \"T.java\": { \"from\": \"big.txt\" } } }");
        try (RandomAccessFile big = new RandomAccessFile(dir.resolve("big.txt").toFile(), "rw")) {
            big.setLength(ManifestLoader.MAX_FILE_BYTES + 1);
        }
        m.assertSingleError("\"big.txt\"", "/features/0/tests/T.java/from",
                "file \"big.txt\" is 10.0 MB; referenced files may be at most 10 MB");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "../T.java    | contains \"..\"; it must stay inside the manifest's folder",
            "a/../../T.java | contains \"..\"; it must stay inside the manifest's folder",
            "/etc/passwd  | is absolute; write a path relative to the manifest's folder",
            "C:/T.java    | starts with a drive letter; write a path relative to the manifest's folder",
            "c:T.java     | starts with a drive letter; write a path relative to the manifest's folder",
            "tests\\T.java | contains a backslash; separate folders with \"/\"",
    })
    void rejectsFromPathsThatCouldLeaveTheManifestsFolder(String from, String problem) {
        String json = from.replace("\\", "\\\\");
        ManifestFixture m = feature("{ \"id\": \"a\", \"tests\": { \"T.java\": { \"from\": \"" + json + "\" } } }");
        m.assertSingleError("\"" + json + "\"", "/features/0/tests/T.java/from", "\"from\" path \"" + from + "\" " + problem);
    }

    @Test
    void rejectsAFromSymlinkThatResolvesOutsideTheManifestsFolder(@TempDir Path elsewhere) throws IOException {
        Path secret = Files.writeString(elsewhere.resolve("secret.txt"), "secret");
        Files.createDirectories(dir.resolve("tests"));
        Files.createSymbolicLink(dir.resolve("tests/T.java"), secret);
        ManifestFixture m = feature("{ \"id\": \"a\", \"tests\": { \"T.java\": { \"from\": \"tests/T.java\" } } }");
        m.assertSingleError("\"tests/T.java\"", "/features/0/tests/T.java/from",
                "file \"tests/T.java\" is a symbolic link that resolves outside the manifest's folder");
    }

    @Test
    void rejectsAFromFileInAFolderLinkedOutsideTheManifestsFolder(@TempDir Path elsewhere) throws IOException {
        // The file is no link itself: the folder it is in leads out, and so does its real path.
        Files.writeString(elsewhere.resolve("T.java"), "secret");
        Files.createDirectories(dir.resolve("inside"));
        Files.writeString(dir.resolve("inside/T.java"), "class T {}");
        Files.createSymbolicLink(dir.resolve("tests"), elsewhere);
        ManifestFixture m = feature("{ \"id\": \"a\", \"tests\": { \"T.java\": { \"from\": \"inside/T.java\" },"
                + " \"U.java\": { \"from\": \"tests/T.java\" } } }");
        m.assertSingleError("\"tests/T.java\"", "/features/0/tests/U.java/from",
                "file \"tests/T.java\" is a symbolic link that resolves outside the manifest's folder");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/abs/T.java | it is absolute; use a path relative to the workspace",
            "../T.java   | it contains a \"..\" segment; it must stay inside the workspace",
            "./T.java    | it contains a \".\" segment; write the plain path",
            "a//T.java   | it has an empty segment (\"//\" or a trailing \"/\")",
            "src/        | it has an empty segment (\"//\" or a trailing \"/\")",
            "D:/T.java   | it starts with a drive letter; use a path relative to the workspace",
            "src\\T.java | it contains a backslash; separate folders with \"/\"",
    })
    void rejectsTestPathsThatAreNotPlainRelativePaths(String path, String problem) {
        String json = path.replace("\\", "\\\\");
        ManifestFixture m = feature("{ \"id\": \"a\", \"tests\": { \"" + json + "\": \"x\" } }");
        String pointer = "/features/0/tests/" + path.replace("~", "~0").replace("/", "~1");
        m.assertSingleError("\"" + json + "\"", pointer, "invalid workspace path \"" + path + "\": " + problem);
    }

    @Test
    void rejectsProvidesEntriesAndAttemptPathsThatLeaveTheWorkspace() {
        ManifestFixture m = feature("{ \"id\": \"a\", " + TEST + ", \"provides\": [\"/x\"],"
                + " \"attempts\": [ { \"files\": { \"../y\": \"y\" } } ] }");
        List<ManifestError> errors = m.errors();
        assertEquals(2, errors.size(), errors::toString);
        m.assertError(errors.get(0), m.position("\"/x\""), "/features/0/provides/0",
                "invalid workspace path \"/x\": it is absolute; use a path relative to the workspace");
        m.assertError(errors.get(1), m.position("\"../y\""), "/features/0/attempts/0/files/..~1y",
                "invalid workspace path \"../y\": it contains a \"..\" segment; it must stay inside the workspace");
    }

    @Test
    void rejectsAnAttemptThatWritesOneOfTheFeaturesTests() {
        ManifestFixture m = feature("{ \"id\": \"a\", " + TEST + ", \"attempts\": [ { \"files\": { \"A.java\": \"a\" } },"
                + " { \"files\": { \"T.java\": \"cheat\" } } ] }");
        m.assertSingleError(m.position("\"T.java\"", 2), "/features/0/attempts/1/files/T.java",
                "attempt 2 writes \"T.java\", one of the feature's own test files; attempts may not change the tests");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "test        | gradle | unknown test kind \"gradle\"; known kinds: junit, command",
            "implementer | human  | unknown implementer kind \"human\"; known kinds: replay, command, llm",
            "review      | peer   | unknown review kind \"peer\"; known kinds: auto, manual, command, llm",
    })
    void rejectsUnknownKindsListingTheKnownOnes(String field, String kind, String message) {
        ManifestFixture m = manifest("  \"" + field + "\": { \"kind\": \"" + kind + "\", \"whatever\": 1 },\n",
                "    { \"id\": \"a\", " + TEST + " }");
        m.assertSingleError("\"" + kind + "\"", "/" + field + "/kind", message);
    }

    @Test
    void rejectsASettingsObjectWithoutKind() {
        ManifestFixture m = feature("{ \"id\": \"a\", " + TEST + ", \"review\": { } }");
        m.assertSingleError("{ } }", "/features/0/review", "missing required field \"kind\" (one of: auto, manual, command, llm)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"maxAttempts\": 0                                   | 0     | /maxAttempts                 | expected an integer from 1 to 50, found 0",
            "\"maxAttempts\": 51                                  | 51    | /maxAttempts                 | expected an integer from 1 to 50, found 51",
            "\"workers\": 65                                      | 65    | /workers                     | expected an integer from 1 to 64, found 65",
            "\"stagnationLimit\": 1                               | 1     | /stagnationLimit             | expected an integer from 2 to 50, found 1",
            "\"stagnationLimit\": 99999999999                     | 99999 | /stagnationLimit             | expected an integer from 2 to 50, found 99999999999",
            "\"test\": {\"kind\": \"junit\", \"timeoutSeconds\": 0} | 0     | /test/timeoutSeconds         | expected an integer from 1 to 86400, found 0",
            "\"implementer\": {\"kind\": \"command\", \"command\": [\"x\"], \"timeoutSeconds\": 86401} | 86401 | /implementer/timeoutSeconds | expected an integer from 1 to 86400, found 86401",
            "\"review\": {\"kind\": \"llm\", \"baseUrl\": \"http://h\", \"model\": \"m\", \"temperature\": 2.5} | 2.5 | /review/temperature | expected a number from 0 to 2, found 2.5",
            "\"review\": {\"kind\": \"llm\", \"baseUrl\": \"http://h\", \"model\": \"m\", \"maxTokens\": 0} | 0 | /review/maxTokens | expected an integer from 1 to 1000000, found 0",
    })
    void rejectsOutOfRangeNumbers(String field, String marker, String pointer, String message) {
        ManifestFixture m = manifest("  " + field + ",\n", "    { \"id\": \"a\", " + TEST + " }");
        int[] start = m.position(field);
        m.assertSingleError(new int[] {start[0], start[1] + field.indexOf(": " + marker) + 2}, pointer, message);
    }

    @Test
    void rejectsAnApiKeyInTheManifestPointingToApiKeyEnv() {
        ManifestFixture m = manifest("  \"implementer\": { \"kind\": \"llm\", \"baseUrl\": \"https://h/v1\", \"model\": \"m\","
                + " \"apiKey\": \"sk-1\" },\n", "    { \"id\": \"a\", " + TEST + " }");
        m.assertSingleError("\"apiKey\"", "/implementer/apiKey", "API keys do not belong in the manifest; put the key in an"
                + " environment variable and name that variable in \"apiKeyEnv\"");
    }

    @Test
    void rejectsAnLlmWithoutUrlOrModelOrWithABadKeyVariable() {
        ManifestFixture m = manifest("  \"review\": { \"kind\": \"llm\", \"baseUrl\": \"ftp://h\", \"apiKeyEnv\": \"MY-KEY\" },\n",
                "    { \"id\": \"a\", " + TEST + " }");
        List<ManifestError> errors = m.errors();
        assertEquals(3, errors.size(), errors::toString);
        m.assertError(errors.get(0), m.position("{ \"kind\": \"llm\""), "/review", "missing required field \"model\" (a non-empty string)");
        m.assertError(errors.get(1), m.position("\"ftp://h\""), "/review/baseUrl", "expected an http:// or https:// URL, found \"ftp://h\"");
        m.assertError(errors.get(2), m.position("\"MY-KEY\""), "/review/apiKeyEnv", "expected the name of an environment"
                + " variable (letters, digits and _, not starting with a digit), found \"MY-KEY\"");
    }

    @Test
    void rejectsACommandThatIsEmptyOrNotStrings() {
        ManifestFixture m = manifest("  \"test\": { \"kind\": \"command\", \"command\": [] },\n"
                + "  \"implementer\": { \"kind\": \"command\", \"command\": [\"run\", 3], \"env\": { \"A\": 1 } },\n",
                "    { \"id\": \"a\", " + TEST + " }");
        List<ManifestError> errors = m.errors();
        assertEquals(3, errors.size(), errors::toString);
        m.assertError(errors.get(0), m.position("[]"), "/test/command", "expected a non-empty array of strings, found an empty array");
        m.assertError(errors.get(1), m.position("3]"), "/implementer/command/1", "expected a non-empty string, found the integer 3");
        m.assertError(errors.get(2), m.position("1 }"), "/implementer/env/A", "expected a string, found the integer 1");
    }

    @Test
    void rejectsAnEmptyFeatureList() {
        manifest("", "").assertSingleError("[\n", "/features", "expected at least one feature (a non-empty array), found an empty array");
    }

    @Test
    void rejectsMissingAndEmptyTests() {
        ManifestFixture m = feature("{ \"id\": \"a\" },\n    { \"id\": \"b\", \"tests\": {} }");
        List<ManifestError> errors = m.errors();
        assertEquals(2, errors.size(), errors::toString);
        m.assertError(errors.get(0), m.position("{ \"id\": \"a\""), "/features/0",
                "missing required field \"tests\" (an object mapping each test file's workspace path to its content)");
        m.assertError(errors.get(1), m.position("{} }"), "/features/1/tests", "expected at least one test file, found an empty object");
    }

    @Test
    void rejectsABaseThatIsMissingAFileOrOutside(@TempDir Path elsewhere) throws IOException {
        Files.writeString(dir.resolve("file.txt"), "x");
        Files.createSymbolicLink(dir.resolve("link"), elsewhere);
        for (String[] c : new String[][] {
                {"nothing/", "base folder \"nothing/\" not found (looked in the manifest's folder)"},
                {"file.txt", "base \"file.txt\" is a file; expected a folder"},
                {"../", "base folder \"../\" contains \"..\"; it must stay inside the manifest's folder"},
                {".", "base folder \".\" is the manifest's own folder; name a folder inside it"},
                {"link", "base folder \"link\" is a symbolic link that resolves outside the manifest's folder"}}) {
            ManifestFixture m = manifest("  \"base\": \"" + c[0] + "\",\n", "    { \"id\": \"a\", " + TEST + " }");
            m.assertSingleError("\"" + c[0] + "\"", "/base", c[1]);
        }
    }

    private static String at(ManifestError error) {
        return error.location().line() + ":" + error.location().column();
    }
}
