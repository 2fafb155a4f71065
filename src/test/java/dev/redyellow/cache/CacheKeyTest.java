package dev.redyellow.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.manifest.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheKeyTest {
    private static final TestSettings JUNIT = new TestSettings.JUnit(60);
    private static final List<String> TESTS = List.of("src/test/java/tools/SlugifyTest.java");

    @TempDir
    Path dir;
    private final FileHashes hashes = new FileHashes();

    private Path workspace(String name) throws IOException {
        Path root = dir.resolve(name);
        write(root, "src/main/java/tools/Slugify.java", "class Slugify {}");
        write(root, "src/test/java/tools/SlugifyTest.java", "class SlugifyTest {}");
        write(root, "README.md", "slugs");
        return root;
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private CacheKey key(Path workspace) {
        return CacheKey.of(JUNIT, TESTS, workspace, hashes);
    }

    @Test
    void givesTheSameKeyForTheSameContent() throws IOException {
        Path workspace = workspace("w");
        assertEquals(key(workspace), key(workspace));
    }

    @Test
    void givesTheSameKeyForTheSameContentInAnotherFolder() throws IOException {
        assertEquals(key(workspace("one")).sha256(), key(workspace("two")).sha256());
    }

    @Test
    void changesWhenAFilesContentChanges() throws IOException {
        Path workspace = workspace("w");
        CacheKey before = key(workspace);
        write(workspace, "src/main/java/tools/Slugify.java", "class Slugify { int x; }");
        assertNotEquals(before.sha256(), key(workspace).sha256());
    }

    @Test
    void changesWhenAFileIsAddedOrRemoved() throws IOException {
        Path workspace = workspace("w");
        CacheKey before = key(workspace);
        write(workspace, "src/main/java/tools/Extra.java", "");
        CacheKey added = key(workspace);
        assertNotEquals(before.sha256(), added.sha256());
        Files.delete(workspace.resolve("README.md"));
        assertNotEquals(added.sha256(), key(workspace).sha256());
    }

    @Test
    void changesWhenAFileMovesWithTheSameContent() throws IOException {
        Path workspace = workspace("w");
        CacheKey before = key(workspace);
        Files.move(workspace.resolve("README.md"), workspace.resolve("README.txt"));
        assertNotEquals(before.sha256(), key(workspace).sha256());
    }

    @Test
    void changesWhenTheSettingsOrTheSelectedTestsChange() throws IOException {
        Path workspace = workspace("w");
        CacheKey junit = key(workspace);
        CacheKey longer = CacheKey.of(new TestSettings.JUnit(90), TESTS, workspace, hashes);
        CacheKey command = CacheKey.of(new TestSettings.Command(List.of("pytest"), Map.of(), 60, null), TESTS,
                workspace, hashes);
        CacheKey otherEnv = CacheKey.of(new TestSettings.Command(List.of("pytest"), Map.of("A", "1"), 60, null),
                TESTS, workspace, hashes);
        CacheKey moreTests = CacheKey.of(JUNIT, List.of(TESTS.get(0), "src/test/java/tools/OtherTest.java"),
                workspace, hashes);
        List<String> keys = List.of(junit.sha256(), longer.sha256(), command.sha256(), otherEnv.sha256(),
                moreTests.sha256());
        assertEquals(keys.size(), keys.stream().distinct().count(), keys.toString());
    }

    @Test
    void ignoresTheRedYellowFolderAndPythonByteCode() throws IOException {
        Path workspace = workspace("w");
        CacheKey before = key(workspace);
        write(workspace, ".redyellow/classes/Slugify.class", "bytes");
        write(workspace, "src/tools/__pycache__/slugify.cpython-311.pyc", "bytes");
        assertEquals(before, key(workspace));
    }

    @Test
    void readsEachUnchangedFileOnlyOnceAcrossKeys() throws IOException {
        Path workspace = workspace("w");
        try (var files = Files.walk(workspace)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }
        key(workspace);
        key(workspace);
        assertEquals(3, hashes.computedCount());
        write(workspace, "README.md", "slugs and more");
        key(workspace);
        assertEquals(4, hashes.computedCount());
    }

    @Test
    void listsEverySettingTestAndFileInputWithRelativeSlashPaths() throws IOException {
        CacheKey key = key(workspace("w"));
        assertEquals(List.of("settings", "tests", "file:README.md", "file:src/main/java/tools/Slugify.java",
                "file:src/test/java/tools/SlugifyTest.java"), key.inputs().stream().map(CacheInput::name).toList());
        assertEquals(List.of("README.md", "src/main/java/tools/Slugify.java", "src/test/java/tools/SlugifyTest.java"),
                key.files());
        assertTrue(key.sha256().matches("[0-9a-f]{64}"));
    }
}
