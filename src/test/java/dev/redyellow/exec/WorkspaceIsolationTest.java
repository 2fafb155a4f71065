package dev.redyellow.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.manifest.FileSet;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Workspaces on real files: links stay links, modes survive, writes stay in their workspace. */
class WorkspaceIsolationTest {
    @TempDir
    Path tmp;

    private Path base() throws IOException {
        return Files.createDirectories(tmp.resolve("project/base"));
    }

    @Test
    void aLinkToASecretStaysALinkAndItsContentIsCopiedNowhere() throws Exception {
        Path secret = tmp.resolve("outside/secret.txt");
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        Path base = base();
        Files.createSymbolicLink(base.resolve("passwd"), secret);
        Files.createSymbolicLink(base.resolve("etc-passwd"), Path.of("/etc/passwd"));
        Files.createDirectories(base.resolve("sub"));
        Files.writeString(base.resolve("sub/real.txt"), "real");
        Files.createSymbolicLink(base.resolve("rel"), Path.of("sub/real.txt"));

        Path run = tmp.resolve("run");
        Workspace ws = new WorkspaceFactory(run, base).create("a", "red", List.of());

        assertTrue(Files.isSymbolicLink(ws.root().resolve("passwd")));
        assertEquals(secret, Files.readSymbolicLink(ws.root().resolve("passwd")));
        assertEquals(Path.of("/etc/passwd"), Files.readSymbolicLink(ws.root().resolve("etc-passwd")));
        assertEquals(Path.of("sub/real.txt"), Files.readSymbolicLink(ws.root().resolve("rel")));
        assertEquals("real", Files.readString(ws.root().resolve("rel")), "a relative link keeps working");
        String passwdLine = Files.readAllLines(Path.of("/etc/passwd")).get(0);
        try (Stream<Path> all = Files.walk(run)) {
            for (Path p : all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains("TOP-SECRET-CONTENT"), p + " holds the secret");
                assertFalse(text.contains(passwdLine), p + " holds /etc/passwd");
            }
        }
    }

    @Test
    void keepsExecutableBits() throws Exception {
        Path base = base();
        Path tool = base.resolve("bin/tool.sh");
        Files.createDirectories(tool.getParent());
        Files.writeString(tool, "#!/bin/sh\necho tool-ran\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(base.resolve("data.txt"), "x");
        Files.setPosixFilePermissions(base.resolve("data.txt"), PosixFilePermissions.fromString("rw-r-----"));

        Workspace ws = new WorkspaceFactory(tmp.resolve("run"), base).create("a", "red", List.of());

        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(ws.root().resolve("bin/tool.sh"))));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(ws.root().resolve("data.txt"))));
        assertEquals("tool-ran", run(ws.root(), "bin/tool.sh"));
    }

    @Test
    void anInPlaceWriteToABaseFileChangesNoOtherWorkspaceNorTheSnapshot() throws Exception {
        Path base = base();
        Files.writeString(base.resolve("config.txt"), "original");
        Path run = tmp.resolve("run");
        WorkspaceFactory factory = new WorkspaceFactory(run, base);
        Workspace first = factory.create("a", "attempt1", List.of());
        Workspace second = factory.create("b", "attempt1", List.of());

        // What an implementer editing the file does: open it for writing and truncate, without replacing it.
        try (OutputStream out = Files.newOutputStream(first.root().resolve("config.txt"),
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write("scribbled".getBytes(StandardCharsets.UTF_8));
        }

        assertEquals("original", Files.readString(second.root().resolve("config.txt")));
        assertEquals("original", Files.readString(run.resolve("base/config.txt")));
        assertEquals("original", Files.readString(base.resolve("config.txt")));
        assertEquals("original", Files.readString(factory.create("c", "red", List.of()).root().resolve("config.txt")));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aFifoInTheBaseIsLeftOutRatherThanReadForEver() throws Exception {
        Path base = base();
        Files.writeString(base.resolve("ok.txt"), "ok");
        Process mkfifo = new ProcessBuilder("mkfifo", base.resolve("pipe").toString()).start();
        assertEquals(0, mkfifo.waitFor());

        Workspace ws = new WorkspaceFactory(tmp.resolve("run"), base).create("a", "red", List.of());

        assertEquals("ok", Files.readString(ws.root().resolve("ok.txt")));
        assertFalse(Files.exists(ws.root().resolve("pipe"), LinkOption.NOFOLLOW_LINKS));
    }

    /** A node_modules like npm's: a package, and a relative .bin link to its executable script. */
    static void nodeModules(Path base) throws IOException {
        Path pkg = Files.createDirectories(base.resolve("node_modules/greeter"));
        Files.writeString(pkg.resolve("package.json"), "{\"name\": \"greeter\", \"type\": \"module\", \"main\": \"index.js\"}");
        Files.writeString(pkg.resolve("index.js"), "export function greet(n) { return 'hello ' + n; }\n");
        Files.writeString(pkg.resolve("cli.mjs"), "#!/usr/bin/env node\nimport { greet } from './index.js';\n"
                + "console.log(greet(process.argv[2]));\n");
        Files.setPosixFilePermissions(pkg.resolve("cli.mjs"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path bin = Files.createDirectories(base.resolve("node_modules/.bin"));
        Files.createSymbolicLink(bin.resolve("greet"), Path.of("../greeter/cli.mjs"));
    }

    @Test
    void nodeModulesIsSharedOnceByALinkAndItsBinLinksRunUnderNode() throws Exception {
        Path base = base();
        nodeModules(base);
        Files.writeString(base.resolve("main.mjs"), "import { greet } from 'greeter';\nconsole.log(greet('main'));\n");
        Path run = tmp.resolve("run");
        WorkspaceFactory factory = new WorkspaceFactory(run, base);
        Workspace a = factory.create("a", "red", List.of());
        Workspace b = factory.create("b", "red", List.of());

        assertEquals(List.of("node_modules"), factory.shared().paths());
        Path linkA = a.root().resolve("node_modules");
        assertTrue(Files.isSymbolicLink(linkA));
        assertFalse(Files.readSymbolicLink(linkA).isAbsolute(), "relative, so the run folder can move");
        assertEquals(linkA.toRealPath(), b.root().resolve("node_modules").toRealPath(), "one copy for the run");
        assertTrue(linkA.toRealPath().startsWith(run.resolve("shared").toRealPath()));
        assertEquals("r--r--r--", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(linkA.toRealPath().resolve("greeter/index.js"))), "read-only");
        assertEquals("r-xr-xr-x", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(linkA.toRealPath().resolve("greeter/cli.mjs"))), "still executable");
        assertEquals("hello tests", run(a.root(), "node_modules/.bin/greet", "tests"));
        assertEquals("hello main", run(b.root(), "node", "main.mjs"));
        assertEquals(Optional.empty(), a.tampering());
    }

    @Test
    void aSecondRunOnAnUnchangedBaseReadsNoFileToHashItYetKeysAndSharesAsTheFirst() throws Exception {
        Path base = base();
        nodeModules(base);
        Files.writeString(base.resolve("main.mjs"), "import { greet } from 'greeter';\n");
        try (java.util.stream.Stream<Path> all = Files.walk(base)) {
            for (Path p : all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2026-01-01T00:00:00Z")));
            }
        }
        try (dev.redyellow.store.Database db = dev.redyellow.store.Database.open(tmp.resolve("redyellow.db"))) {
            // an hour ahead: setting the times moved the files' change times to now, and a file changed
            // in the last two seconds is never kept
            java.time.Clock later = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofHours(1));
            dev.redyellow.store.StampedHashes first = new dev.redyellow.store.StampedHashes(db, later);
            WorkspaceFactory one = new WorkspaceFactory(tmp.resolve("run1"), base, List.of(), first);
            WorkspacePlan planOne = one.plan("a", "red", List.of());
            assertEquals(4, first.computedCount(), "main.mjs and the three files of node_modules");
            first.save();

            dev.redyellow.store.StampedHashes second = new dev.redyellow.store.StampedHashes(db, later);
            WorkspaceFactory two = new WorkspaceFactory(tmp.resolve("run2"), base, List.of(), second);
            WorkspacePlan planTwo = two.plan("a", "red", List.of());
            assertEquals(0, second.computedCount(), "known by their stamps");
            assertEquals(planOne.content().orElseThrow().keyDigest(), planTwo.content().orElseThrow().keyDigest(),
                    "the same content, the same link text to the shared copy");
            assertEquals(planOne.content().orElseThrow().keyDigest(),
                    new WorkspaceFactory(tmp.resolve("run3"), base).plan("a", "red", List.of()).content().orElseThrow().keyDigest(),
                    "as a factory that reads every file");

            // the copy is still watched: a write through the link is tampering
            Workspace made = planTwo.materialise();
            Path index = made.root().resolve("node_modules/greeter/index.js").toRealPath();
            index.toFile().setWritable(true);
            Files.writeString(index, "export function greet(n) { return 'pwned'; }\n");
            assertTrue(made.tampering().isPresent());
        }
    }

    @Test
    void aWriteThroughTheSharedLinkIsTamperingSeenByEveryWorkspaceAliveAndRepaired() throws Exception {
        Path base = base();
        nodeModules(base);
        WorkspaceFactory factory = new WorkspaceFactory(tmp.resolve("run"), base);
        Workspace implementer = factory.create("a", "attempt1", List.of());
        Workspace bystander = factory.create("b", "attempt1", List.of());
        Path index = implementer.root().resolve("node_modules/greeter/index.js");
        // root ignores the read-only bits; an implementer that gives itself write access does the same
        index.toRealPath().toFile().setWritable(true);
        Files.writeString(index, "export function greet(n) { return 'pwned'; }\n");

        Optional<String> reason = implementer.tampering();
        assertTrue(reason.isPresent());
        assertTrue(reason.get().startsWith("tampering: node_modules/greeter/index.js changed"), reason.get());
        assertEquals(reason, bystander.tampering(), "its run may have used the changed file");
        assertEquals("export function greet(n) { return 'hello ' + n; }\n", Files.readString(index), "restored");
        Workspace later = factory.create("c", "attempt1", List.of());
        assertEquals(Optional.empty(), later.tampering(), "made after the repair");
        assertEquals("hello again", run(later.root(), "node_modules/.bin/greet", "again"));
    }

    @Test
    void addedFilesChangedModesAndRetargetedLinksAreTamperingTooButATouchIsNot() throws Exception {
        Path base = base();
        nodeModules(base);
        WorkspaceFactory factory = new WorkspaceFactory(tmp.resolve("run"), base);
        Path shared = factory.create("a", "x", List.of()).root().resolve("node_modules").toRealPath();
        SharedDirs dirs = factory.shared();

        Files.setLastModifiedTime(shared.resolve("greeter/index.js"), java.nio.file.attribute.FileTime.fromMillis(0));
        assertEquals(List.of(), dirs.verify(), "same content, new time");

        // a write of the same size with the modification time put back: only the change time tells
        Path index = shared.resolve("greeter/index.js");
        String text = Files.readString(index);
        Object remembered = Files.getAttribute(index, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
        var mode = Files.getPosixFilePermissions(index);
        // written again until the change time moves past the touch's, which the check remembered
        // (a file system's clock ticks coarser than a write)
        for (int tries = 0; tries < 200
                && remembered.equals(Files.getAttribute(index, "unix:ctime", LinkOption.NOFOLLOW_LINKS)); tries++) {
            Thread.sleep(10);
            index.toFile().setWritable(true);
            Files.writeString(index, text.replace("hello", "HELLO"));
            Files.setPosixFilePermissions(index, mode);
            Files.setLastModifiedTime(index, java.nio.file.attribute.FileTime.fromMillis(0));
        }
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length, Files.size(index), "the same size");
        assertTrue(dirs.verify().get(0).contains("node_modules/greeter/index.js changed"));
        assertEquals(text, Files.readString(index), "restored");

        SharedDirs.makeWritable(shared);
        Files.writeString(shared.resolve("greeter/extra.js"), "planted");
        assertTrue(dirs.verify().get(0).contains("node_modules/greeter/extra.js was added"));
        assertFalse(Files.exists(shared.resolve("greeter/extra.js")));

        Files.setPosixFilePermissions(shared.resolve("greeter/index.js"), PosixFilePermissions.fromString("r-xr-xr-x"));
        assertTrue(dirs.verify().get(0).contains("node_modules/greeter/index.js changed mode"));

        SharedDirs.makeWritable(shared);
        Files.delete(shared.resolve(".bin/greet"));
        Files.createSymbolicLink(shared.resolve(".bin/greet"), Path.of("/bin/sh"));
        assertTrue(dirs.verify().get(0).contains("node_modules/.bin/greet now links elsewhere"));
        assertEquals(Path.of("../greeter/cli.mjs"), Files.readSymbolicLink(shared.resolve(".bin/greet")));
        assertEquals(List.of(), dirs.verify());

        SharedDirs.makeWritable(shared);
        assertEquals(List.of(), dirs.verify(), "write bits only");
        Files.delete(shared.resolve("greeter/cli.mjs"));
        assertTrue(dirs.verify().get(0).contains("node_modules/greeter/cli.mjs was removed"));
        assertTrue(Files.exists(shared.resolve("greeter/cli.mjs")), "restored");
        assertEquals(List.of(), dirs.verify());
    }

    @Test
    void aVirtualenvAndNamedFoldersAreSharedAndItsAbsoluteInterpreterLinkKeepsWorking() throws Exception {
        Path base = base();
        Path bin = Files.createDirectories(base.resolve(".venv/bin"));
        Files.writeString(base.resolve(".venv/pyvenv.cfg"), "home = /usr/bin\n");
        Path python = Path.of("/usr/bin/python3");
        Files.createSymbolicLink(bin.resolve("python"), python);
        Files.createDirectories(base.resolve("third_party/lib"));
        Files.writeString(base.resolve("third_party/lib/a.txt"), "a");
        Files.createDirectories(base.resolve("src/vendor"));
        Files.writeString(base.resolve("src/vendor/Code.java"), "class Code {}");

        WorkspaceFactory factory = new WorkspaceFactory(tmp.resolve("run"), base, List.of("third_party"));
        Workspace ws = factory.create("a", "red", List.of());

        assertEquals(List.of(".venv", "third_party"), factory.shared().paths().stream().sorted().toList());
        assertTrue(Files.isSymbolicLink(ws.root().resolve("third_party")));
        assertFalse(Files.isSymbolicLink(ws.root().resolve("src/vendor")), "vendor below the top is source code");
        assertEquals(python, Files.readSymbolicLink(ws.root().resolve(".venv/bin/python")));
        assertEquals("venv-ok", run(ws.root(), ".venv/bin/python", "-c", "print('venv-ok')"));
    }

    @Test
    void aFeatureFileUnderASharedFolderIsRefusedRatherThanWrittenIntoTheSharedCopy() throws Exception {
        Path base = base();
        nodeModules(base);
        WorkspaceFactory factory = new WorkspaceFactory(tmp.resolve("run"), base);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> factory.create("a", "x",
                List.of(FileSet.ofText(Map.of("node_modules/greeter/index.js", "evil")))));
        assertEquals(List.of(), factory.shared().verify());
    }

    @Test
    void removingTheWorkspacesRemovesTheReadOnlySharedCopyToo() throws Exception {
        Path base = base();
        nodeModules(base);
        RunFolder run = new RunFolder(Files.createDirectories(tmp.resolve("run")));
        new WorkspaceFactory(run.path(), base).create("a", "x", List.of());
        assertTrue(Files.isDirectory(run.path().resolve("shared")));
        run.removeWorkspaces();
        assertFalse(Files.exists(run.path().resolve("shared")));
        assertFalse(Files.exists(run.path().resolve("workspaces")));
        assertTrue(Files.exists(base.resolve("node_modules/greeter/index.js")), "the user's folder is untouched");
    }

    @Test
    void theCpCloneRouteKeepsLinksModesSharingAndIsolationToo() throws Exception {
        Path base = base();
        nodeModules(base);
        Files.writeString(base.resolve("config.txt"), "original");
        Path tool = base.resolve("tool.sh");
        Files.writeString(tool, "#!/bin/sh\necho cloned-tool\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(base.resolve("etc-passwd"), Path.of("/etc/passwd"));
        WorkspaceFactory factory = new WorkspaceFactory(tmp.resolve("run"), base);
        // What a copy-on-write file system gets with --reflink=always; auto runs the same cp route on any file system.
        factory.cloneWith("--reflink=auto");
        Workspace a = factory.create("a", "x", List.of(FileSet.ofText(Map.of("src/a.txt", "a"))));
        Workspace b = factory.create("b", "x", List.of());

        Files.writeString(a.root().resolve("config.txt"), "scribbled", StandardOpenOption.TRUNCATE_EXISTING);
        assertEquals("original", Files.readString(b.root().resolve("config.txt")));
        assertEquals(Path.of("/etc/passwd"), Files.readSymbolicLink(b.root().resolve("etc-passwd")));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(b.root().resolve("tool.sh"))));
        assertEquals("cloned-tool", run(b.root(), "./tool.sh"));
        assertTrue(Files.isSymbolicLink(b.root().resolve("node_modules")));
        assertEquals("hello cp", run(b.root(), "node_modules/.bin/greet", "cp"));
        assertEquals("a", Files.readString(a.root().resolve("src/a.txt")));
    }

    static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
