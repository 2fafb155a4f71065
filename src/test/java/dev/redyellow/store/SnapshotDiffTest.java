package dev.redyellow.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.manifest.FileSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotDiffTest {
    @TempDir
    Path dir;

    @Test
    void takesComparesAndRestoresSnapshots() {
        try (BlobStore blobs = new BlobStore(dir, 1 << 20)) {
            FileSet files = FileSet.ofText(Map.of("a.txt", "same", "b.txt", "same", "c.bin", "x"));
            Snapshot snapshot = Snapshot.take(files, blobs);
            assertEquals(snapshot.hash("a.txt"), snapshot.hash("b.txt"));
            assertEquals(2, blobs.metrics().blobs());
            assertEquals(files, snapshot.restore(blobs));
            assertEquals(snapshot, Snapshot.take(files, blobs));
        }
    }

    @Test
    void namesAddedRemovedAndChangedPathsWithALineDiffOfChangedText() {
        try (BlobStore blobs = new BlobStore(dir, 1 << 20)) {
            Snapshot before = Snapshot.take(FileSet.ofText(Map.of(
                    "Slugify.java", "class Slugify {\n  String slug(String s) {\n    return s;\n  }\n}\n",
                    "Old.java", "old", "Same.java", "same")), blobs);
            Snapshot after = Snapshot.take(FileSet.ofText(Map.of(
                    "Slugify.java", "class Slugify {\n  String slug(String s) {\n    return s.toLowerCase();\n  }\n}\n",
                    "New.java", "new", "Same.java", "same")), blobs);

            SnapshotDiff diff = SnapshotDiff.between(before, after, blobs);

            assertEquals(List.of("New.java"), diff.added());
            assertEquals(List.of("Old.java"), diff.removed());
            assertEquals(List.of("Slugify.java"), diff.changed());
            assertEquals("""
                    --- a/Slugify.java
                    +++ b/Slugify.java
                    @@ -1,5 +1,5 @@
                     class Slugify {
                       String slug(String s) {
                    -    return s;
                    +    return s.toLowerCase();
                       }
                     }
                    """, diff.textDiffs().get("Slugify.java"));
            assertTrue(SnapshotDiff.between(after, after, blobs).isEmpty());
        }
    }

    @Test
    void namesChangedBinaryFilesWithoutALineDiff() {
        try (BlobStore blobs = new BlobStore(dir, 1 << 20)) {
            Snapshot before = Snapshot.take(FileSet.of(Map.of("logo.png", new byte[] {(byte) 0x89, 0, 1})), blobs);
            Snapshot after = Snapshot.take(FileSet.of(Map.of("logo.png", new byte[] {(byte) 0x89, 0, 2})), blobs);
            SnapshotDiff diff = SnapshotDiff.between(before, after, blobs);
            assertEquals(List.of("logo.png"), diff.changed());
            assertEquals(Map.of(), diff.textDiffs());
        }
    }

    @Test
    void splitsDistantChangesIntoSeparateHunks() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            before.append("line ").append(i).append('\n');
        }
        String after = before.toString().replace("line 2\n", "line two\n").replace("line 18\n", "")
                + "line 21\n";

        String diff = LineDiff.unified("f.txt", before.toString(), after);

        assertEquals("""
                --- a/f.txt
                +++ b/f.txt
                @@ -1,5 +1,5 @@
                 line 1
                -line 2
                +line two
                 line 3
                 line 4
                 line 5
                @@ -15,6 +15,6 @@
                 line 15
                 line 16
                 line 17
                -line 18
                 line 19
                 line 20
                +line 21
                """, diff);
    }

    @Test
    void diffsAnEmptyFileAgainstANewOne() {
        assertEquals("--- a/f\n+++ b/f\n@@ -0,0 +1,2 @@\n+a\n+b\n", LineDiff.unified("f", "", "a\nb\n"));
    }
}
