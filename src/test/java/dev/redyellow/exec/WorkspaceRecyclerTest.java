package dev.redyellow.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.manifest.FileSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finished workspaces' folders made over into new ones ({@link WorkspaceRecycler}) on real files: a
 * made-over folder holds exactly what a fresh copy holds, whatever its last occupant did to it, and
 * what the occupant left alone is kept, not copied again.
 */
class WorkspaceRecyclerTest {
    @TempDir
    Path tmp;

    /** A base with nested folders, an executable, links, and a node_modules the run shares. */
    private Path base() throws IOException {
        Path base = Files.createDirectories(tmp.resolve("project/base"));
        Files.createDirectories(base.resolve("src/main/java/p"));
        Files.createDirectories(base.resolve("src/test/java/p"));
        Files.createDirectories(base.resolve("docs/deep/er"));
        for (int i = 0; i < 20; i++) {
            Files.writeString(base.resolve("src/main/java/p/C" + i + ".java"), "package p; class C" + i + " {}\n");
        }
        Files.writeString(base.resolve("pom.xml"), "<project/>\n");
        Files.writeString(base.resolve("docs/deep/er/notes.txt"), "notes\n");
        Path tool = Files.writeString(base.resolve("tool.sh"), "#!/bin/sh\necho tool\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(base.resolve("latest"), Path.of("docs/deep/er/notes.txt"));
        WorkspaceIsolationTest.nodeModules(base);
        return base;
    }

    @Test
    void aFolderMadeOverHoldsWhatAFreshCopyHoldsWhateverItsLastOccupantDid() throws Exception {
        Path base = base();
        WorkspaceFactory factory = new WorkspaceFactory(tmp.resolve("run"), base);
        Workspace first = factory.create("a", "1", List.of(layer("src/test/java/p/ATest.java", "class ATest {}")));
        Path root = first.root();
        // the occupant: writes in place (same size, time set back), appends, removes, adds, changes modes
        // and kinds, retargets a link, sets an extended attribute: each within the copy's clock tick or so
        Path c1 = root.resolve("src/main/java/p/C1.java");
        FileTime was = Files.getLastModifiedTime(c1);
        Files.writeString(c1, "package p; class X1 {}\n", StandardOpenOption.TRUNCATE_EXISTING);
        Files.setLastModifiedTime(c1, was);
        Files.writeString(root.resolve("src/main/java/p/C2.java"), "// more\n", StandardOpenOption.APPEND);
        Files.delete(root.resolve("src/main/java/p/C3.java"));
        RunFolder.delete(root.resolve("docs/deep"));
        Files.createDirectories(root.resolve("target/classes/p"));
        Files.writeString(root.resolve("target/classes/p/C0.class"), "bytes");
        Files.setPosixFilePermissions(root.resolve("tool.sh"), PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(root.resolve("src/test"), PosixFilePermissions.fromString("rwx------"));
        Files.delete(root.resolve("pom.xml"));
        Files.createSymbolicLink(root.resolve("pom.xml"), Path.of("/etc/hostname"));
        Files.delete(root.resolve("latest"));
        Files.createSymbolicLink(root.resolve("latest"), Path.of("tool.sh"));
        Files.delete(root.resolve("node_modules"));
        Files.createDirectories(root.resolve("node_modules"));
        Path c4 = root.resolve("src/main/java/p/C4.java");
        UserDefinedFileAttributeView attributes = Files.getFileAttributeView(c4, UserDefinedFileAttributeView.class);
        boolean canSetAttributes = canSet(attributes);
        first.release();
        assertTrue(Files.isDirectory(root), "the folder is kept for the next workspace");

        Workspace second = factory.create("b", "1", List.of(layer("src/test/java/p/BTest.java", "class BTest {}")));

        assertEquals(1, factory.recycled()[0], "the second workspace is the first one's folder, made over");
        assertFalse(Files.exists(root), "moved to the second workspace's name");
        Workspace fresh = freshFactory(base).create("b", "1", List.of(layer("src/test/java/p/BTest.java", "class BTest {}")));
        assertEquals(tree(fresh.root()), tree(second.root()));
        assertTrue(Files.notExists(second.root().resolve("src/test/java/p/ATest.java")), "the last occupant's layer is gone");
        if (canSetAttributes) {
            assertTrue(Files.getFileAttributeView(second.root().resolve("src/main/java/p/C4.java"),
                    UserDefinedFileAttributeView.class).list().isEmpty(), "the attribute set on C4 is gone");
        }
        assertEquals("tool\n", new String(new ProcessBuilder(second.root().resolve("tool.sh").toString())
                .start().getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aSameSizeWriteWithItsTimeSetBackIsSeenByItsChangeTimeLongAfterTheCopy() throws Exception {
        Path base = base();
        WorkspaceFactory factory = new WorkspaceFactory(tmp.resolve("run"), base);
        Workspace first = factory.create("a", "1", List.of());
        Thread.sleep(WorkspaceRecycler.MARGIN_MILLIS * 3);
        first.release();
        // made over long after its files were copied: their figures alone now prove them untouched
        Workspace second = factory.create("b", "1", List.of());
        Path c5 = second.root().resolve("src/main/java/p/C5.java");
        FileTime was = Files.getLastModifiedTime(c5);
        Files.writeString(c5, "package p; class X5 {}\n", StandardOpenOption.TRUNCATE_EXISTING);
        Files.setLastModifiedTime(c5, was);
        second.release();

        Workspace third = factory.create("c", "1", List.of());

        assertEquals(2, factory.recycled()[0]);
        assertEquals("package p; class C5 {}\n", Files.readString(third.root().resolve("src/main/java/p/C5.java")));
        assertEquals(tree(freshFactory(base).create("c", "1", List.of()).root()), tree(third.root()));
    }

    @Test
    void whatTheOccupantLeftAloneIsKeptNotCopiedAgain() throws Exception {
        Path base = base();
        WorkspaceFactory factory = new WorkspaceFactory(tmp.resolve("run"), base);
        Workspace first = factory.create("a", "1", List.of(layer("src/main/java/p/C7.java", "package p; class C7 { int x; }\n")));
        Map<String, Object> inodes = inodes(first.root());
        Thread.sleep(WorkspaceRecycler.MARGIN_MILLIS * 3); // a step takes a while: the copy is well before the next hand-out
        first.release();

        Workspace second = factory.create("b", "1", List.of());
        long files = inodes.keySet().stream().filter(p -> Files.isRegularFile(base.resolve(p), LinkOption.NOFOLLOW_LINKS)).count();
        assertEquals(files - 1, factory.recycled()[3], "the first copy was handed out as soon as made: each file it"
                + " left (all but C7, which its layer replaced) had its bytes read");
        second.release();
        Workspace third = factory.create("c", "1", List.of());

        long[] counts = factory.recycled();
        assertEquals(2, counts[0]);
        assertEquals(1, counts[1], "only C7, which the first workspace's layer replaced, was copied again");
        assertEquals(files, counts[3], "then only C7's new copy, handed out at once, was read: the figures of the rest,"
                + " changed long before the second hand-out, proved them untouched");
        Map<String, Object> now = inodes(third.root());
        now.keySet().removeIf(path -> path.equals("src/main/java/p/C7.java"));
        inodes.keySet().removeIf(path -> path.equals("src/main/java/p/C7.java"));
        assertEquals(inodes, now, "every other entry is the first copy's own file");
        assertEquals("package p; class C7 {}\n", Files.readString(third.root().resolve("src/main/java/p/C7.java")));
    }

    @Test
    void aFolderItsOccupantRemovedOrMadeUnfitGivesAFreshCopy() throws Exception {
        Path base = base();
        WorkspaceFactory factory = new WorkspaceFactory(tmp.resolve("run"), base);
        Workspace gone = factory.create("a", "1", List.of());
        RunFolder.delete(gone.root());
        gone.release();
        Workspace chmodded = factory.create("b", "1", List.of());
        Files.setPosixFilePermissions(chmodded.root(), PosixFilePermissions.fromString("rwx------"));
        chmodded.release();

        Workspace next = factory.create("c", "1", List.of());

        assertEquals(0, factory.recycled()[0], "neither folder was made over");
        assertEquals(tree(freshFactory(base).create("c", "1", List.of()).root()), tree(next.root()));
        try (Stream<Path> left = Files.list(tmp.resolve("run/workspaces"))) {
            assertEquals(List.of(next.root().getFileName().toString()),
                    left.map(p -> p.getFileName().toString()).toList(), "the unfit folder was removed");
        }
    }

    private WorkspaceFactory freshFactory(Path base) throws IOException {
        String before = System.getProperty(WorkspaceRecycler.PROPERTY);
        System.setProperty(WorkspaceRecycler.PROPERTY, "false");
        try {
            return new WorkspaceFactory(tmp.resolve("fresh-" + System.nanoTime()), base);
        } finally {
            if (before == null) {
                System.clearProperty(WorkspaceRecycler.PROPERTY);
            } else {
                System.setProperty(WorkspaceRecycler.PROPERTY, before);
            }
        }
    }

    private static boolean canSet(UserDefinedFileAttributeView view) {
        try {
            view.write("user.redyellow-test", ByteBuffer.wrap(new byte[] {1}));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static FileSet layer(String path, String text) {
        return FileSet.of(Map.of(path, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every entry under {@code root}: kind, mode, modification time (of the base's files), and bytes or link text. */
    private Map<String, String> tree(Path root) throws IOException {
        Path base = tmp.resolve("project/base");
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(p -> !p.equals(root)).toList()) {
                String relative = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    tree.put(relative, "link " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    tree.put(relative, "dir " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
                } else {
                    tree.put(relative, "file " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p,
                            LinkOption.NOFOLLOW_LINKS)) + " "
                            + (Files.exists(base.resolve(relative)) ? Files.getLastModifiedTime(p).toMillis() + " " : "")
                            + new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return tree;
    }

    private static Map<String, Object> inodes(Path root) throws IOException {
        Map<String, Object> inodes = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(p -> !p.equals(root)).toList()) {
                inodes.put(root.relativize(p).toString(), Files.readAttributes(p, "unix:ino", LinkOption.NOFOLLOW_LINKS).get("ino"));
            }
        }
        return inodes;
    }

    @Test
    void theSameBytesAreCopiedWithTheSameFiguresAsAFreshCopy() throws Exception {
        // the made-over copy of a file is byte for byte the snapshot's, executable bit included
        Path base = base();
        WorkspaceFactory factory = new WorkspaceFactory(tmp.resolve("run"), base);
        Workspace first = factory.create("a", "1", List.of());
        Files.write(first.root().resolve("tool.sh"), new byte[] {0, 1, 2});
        first.release();
        Workspace second = factory.create("b", "1", List.of());
        assertArrayEquals(Files.readAllBytes(base.resolve("tool.sh")), Files.readAllBytes(second.root().resolve("tool.sh")));
        assertTrue(Files.isExecutable(second.root().resolve("tool.sh")));
    }
}
