package dev.redyellow.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The tree digest: equal exactly for equal files, and the same whether written over a kept tree or made whole. */
class FileTreeTest {

    private static FileTree.Leaf file(String hash) {
        return new FileTree.Leaf(hash, false);
    }

    private static Map<String, FileTree.Leaf> base() {
        Map<String, FileTree.Leaf> files = new TreeMap<>();
        files.put("pom.xml", file("p"));
        files.put("src/main/java/a/A.java", file("a"));
        files.put("src/main/java/a/B.java", file("b"));
        files.put("src/main/java/a/b/C.java", file("c"));
        files.put("src/test/java/a/ATest.java", file("t"));
        files.put("a.b", file("dot")); // sorts before "a/..." as a path, after "a" as a name
        files.put("bin/run.sh", new FileTree.Leaf("r", true));
        return files;
    }

    @Test
    void everyPathHashAndFlagCounts() {
        String digest = FileTree.of(base()).digest();
        assertEquals(digest, FileTree.of(new TreeMap<>(base())).digest(), "the same files, the same digest");

        Map<String, FileTree.Leaf> changed = new TreeMap<>(base());
        changed.put("src/main/java/a/b/C.java", file("c2"));
        assertNotEquals(digest, FileTree.of(changed).digest(), "a deep file's hash");

        Map<String, FileTree.Leaf> moved = new TreeMap<>(base());
        moved.remove("src/main/java/a/b/C.java");
        moved.put("src/main/java/a/C.java", file("c"));
        assertNotEquals(digest, FileTree.of(moved).digest(), "the same content in another folder");

        Map<String, FileTree.Leaf> flag = new TreeMap<>(base());
        flag.put("bin/run.sh", new FileTree.Leaf("r", false));
        assertNotEquals(digest, FileTree.of(flag).digest(), "the executable flag");

        Map<String, FileTree.Leaf> emptyName = new TreeMap<>();
        emptyName.put("ab/c", file("x"));
        Map<String, FileTree.Leaf> split = new TreeMap<>();
        split.put("a/bc", file("x"));
        assertNotEquals(FileTree.of(emptyName).digest(), FileTree.of(split).digest(), "names cannot run into each other");
        assertNotEquals(FileTree.of(Map.of()).digest(), digest);
    }

    @Test
    void writtenOverAKeptTreeGivesTheDigestOfTheWholeTree() {
        FileTree kept = FileTree.of(base());
        Random random = new Random(19);
        String[] paths = {"pom.xml", "src/main/java/a/A.java", "src/main/java/a/New.java", "src/main/java/z/Z.java",
                "src/test/java/a/NewTest.java", "top.txt", "a.b", "bin/run.sh", "deep/x/y/z/File.java", "a.c"};
        for (int round = 0; round < 200; round++) {
            Map<String, FileTree.Leaf> over = new TreeMap<>();
            for (String p : paths) {
                if (random.nextInt(3) == 0) {
                    over.put(p, new FileTree.Leaf("h" + random.nextInt(4), random.nextBoolean()));
                }
            }
            Map<String, FileTree.Leaf> merged = new TreeMap<>(base());
            merged.putAll(over);
            assertEquals(FileTree.of(merged).digest(), kept.digestWith(over), "round " + round + ": " + over.keySet());
        }
        assertEquals(kept.digest(), kept.digestWith(Map.of()));
        assertEquals(kept.digest(), kept.digestWith(Map.of("pom.xml", file("p"))), "the same entry written again");
    }

    @Test
    void aPathThatIsBothFileAndFolderIsRefused() {
        FileTree kept = FileTree.of(base());
        assertThrows(IllegalArgumentException.class, () -> kept.digestWith(Map.of("src/main", file("x"))),
                "a file where the tree has a folder");
        assertThrows(IllegalArgumentException.class, () -> kept.digestWith(Map.of("pom.xml/inner", file("x"))),
                "a path through a file");
        Map<String, FileTree.Leaf> both = new java.util.HashMap<>();
        both.put("n/x", file("1"));
        both.put("n", file("2"));
        assertThrows(IllegalArgumentException.class, () -> kept.digestWith(both));
        assertThrows(IllegalArgumentException.class, () -> FileTree.of(both));
    }

    @Test
    void digestsOfManyTreesDoNotCollide() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            for (int j = 0; j < 4; j++) {
                Map<String, FileTree.Leaf> files = new TreeMap<>(base());
                files.put("f" + i + (j < 2 ? "/g" : "_g"), new FileTree.Leaf("v" + (j % 2), false));
                seen.add(FileTree.of(files).digest());
            }
        }
        assertEquals(200, seen.size());
    }

    /**
     * The digest's format, worked out here by hand: caches on disk hold keys made of it, so the same
     * files must give the same digest in every version. Names with non-ASCII characters (whose UTF-8
     * length is not their char count) and lengths of one to three digits.
     */
    @Test
    void theDigestIsTheDocumentedFormatByteForByte() throws Exception {
        String h1 = "1".repeat(64);
        String h2 = "2".repeat(64);
        String longName = "L".repeat(123) + ".java";
        Map<String, FileTree.Leaf> files = Map.of("\u00e9t\u00e9/a.txt", file(h1), "b", new FileTree.Leaf(h2, true),
                "\u00e9t\u00e9/" + longName, file(h2));
        // in name order: 'L' sorts before 'a'
        String folder = sha("128:" + longName, "1:f", "64:" + h2, "5:a.txt", "1:f", "64:" + h1);
        String top = sha("1:b", "1:x", "64:" + h2, "5:\u00e9t\u00e9", "1:d", "64:" + folder);
        assertEquals(top, FileTree.of(files).digest());
        assertEquals(top, FileTree.of(Map.of("b", new FileTree.Leaf(h2, true)))
                .digestWith(Map.of("\u00e9t\u00e9/a.txt", file(h1), "\u00e9t\u00e9/" + longName, file(h2))));
    }

    private static String sha(String... parts) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        for (String part : parts) {
            digest.update(part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }
}
