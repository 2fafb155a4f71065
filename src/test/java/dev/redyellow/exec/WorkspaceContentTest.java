package dev.redyellow.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.manifest.FileSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A content written over the base's keeps only what was written, and answers as the whole content would. */
class WorkspaceContentTest {
    @TempDir
    Path dir;

    private WorkspaceContent base() throws Exception {
        write("src/p/A.java", "class A {}");
        write("src/p/B.java", "class B {}");
        write("test/p/ATest.java", "class ATest {}");
        write("pkg/__pycache__/m.pyc", "bytes");
        write("top.txt", "top");
        Files.createSymbolicLink(dir.resolve("link"), Path.of("top.txt"));
        return WorkspaceContent.scan(dir);
    }

    private void write(String path, String text) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void writtenOverTheBaseItHoldsWhatTheWholeContentHolds() throws Exception {
        WorkspaceContent base = base();
        WorkspaceContent over = base.with(Map.of("shared", "../shared/x"), List.of(
                FileSet.ofText(Map.of("src/p/A.java", "class A { int changed; }", "src/q/New.java", "class New {}")),
                FileSet.ofText(Map.of("src/p/B.java", "class B {}", "pkg/__pycache__/n.pyc", "more")))).orElseThrow();
        WorkspaceContent whole = new WorkspaceContent(over.entries());

        assertEquals(whole.entries(), over.entries());
        assertEquals(whole, over);
        assertEquals(whole.hash(), over.hash());
        assertEquals(whole.keyDigest(), over.keyDigest(), "the digest of the folders written equals the whole tree's");
        assertNotEquals(base.keyDigest(), over.keyDigest());
        assertEquals(9, over.entries().size(), "six of the base, a link, two new files");
        assertEquals(new WorkspaceContent.Entry(WorkspaceContent.linkHash("../shared/x"), true, false), over.entry("shared"));
        assertEquals(Set.of("src/p/B.java", "test/p/ATest.java", "pkg/__pycache__/m.pyc", "top.txt", "link"),
                over.unchangedFrom(base), "B.java written with the base's bytes is still the base's");
        assertEquals(over.unchangedFrom(base), whole.unchangedFrom(base));
    }

    @Test
    void byteCodeFoldersAreNotKeyed() throws Exception {
        WorkspaceContent base = base();
        WorkspaceContent pyc = base.with(Map.of(), List.of(FileSet.ofText(Map.of("pkg/__pycache__/m.pyc", "other"))))
                .orElseThrow();
        assertEquals(base.keyDigest(), pyc.keyDigest());
        assertNotEquals(base.hash(), pyc.hash(), "the content hash still sees it");
        assertTrue(WorkspaceContent.keyed("src/__pycache__x/a"));
        assertTrue(!WorkspaceContent.keyed("a/.redyellow/b"));
    }

    @Test
    void aPathThatOnlyTheFolderCouldResolveLeavesTheContentUnknown() throws Exception {
        WorkspaceContent base = base();
        assertEquals(Optional.empty(), base.with(Map.of(), List.of(FileSet.ofText(Map.of("src/p", "a file over a folder")))));
        assertEquals(Optional.empty(), base.with(Map.of(), List.of(FileSet.ofText(Map.of("link/x", "through a link")))));
        assertEquals(Optional.empty(), base.with(Map.of("top.txt/x", "t"), List.of()), "a link through a file");
        assertEquals(Optional.empty(), base.with(Map.of(), List.of(FileSet.ofText(Map.of("n", "file")),
                FileSet.ofText(Map.of("n/x", "below a file written before")))));
    }
}
