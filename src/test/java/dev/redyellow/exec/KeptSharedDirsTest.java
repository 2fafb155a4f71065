package dev.redyellow.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.files.KnownHashes;
import dev.redyellow.store.Database;
import dev.redyellow.store.StampedHashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dependency folders kept from one run to the next ({@link SharedDirs#materialise(Path, Path, List, KnownHashes, Path)}), on real files. */
class KeptSharedDirsTest {

    @TempDir
    Path tmp;

    private Path base() throws IOException {
        Path base = Files.createDirectories(tmp.resolve("base"));
        WorkspaceIsolationTest.nodeModules(base);
        Files.writeString(base.resolve("main.mjs"), "import { greet } from 'greeter';\nconsole.log(greet('main'));\n");
        // old times, so that the stamps of the base's files are kept (a file changed in the last 2 s is not)
        try (Stream<Path> all = Files.walk(base)) {
            for (Path p : all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
            }
        }
        return base;
    }

    private Path kept() {
        return tmp.resolve("kept");
    }

    private WorkspaceFactory factory(String run, Path base, KnownHashes hashes) throws IOException {
        return new WorkspaceFactory(tmp.resolve(run), base, List.of(), hashes, kept());
    }

    @Test
    void aSecondRunUsesTheKeptCopyCopyingNothingAndWorkspacesKeyAndLinkAsWithoutIt() throws Exception {
        Path base = base();
        WorkspaceFactory first = factory("run1", base, KnownHashes.READ_EACH_TIME);
        Workspace a = first.create("a", "red", List.of());
        first.release();
        Path copy = a.root().resolve("node_modules").toRealPath();
        assertTrue(copy.startsWith(kept().toRealPath()), copy + " is kept");
        assertEquals("hello kept", run(a.root(), "node_modules/.bin/greet", "kept"));
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.resolve("greeter/index.js"))));
        Object inode = Files.getAttribute(copy.resolve("greeter/index.js"), "unix:ino");

        WorkspaceFactory second = factory("run2", base, KnownHashes.READ_EACH_TIME);
        Workspace b = usedAgain(second, copy, inode);
        assertEquals("hello main", run(b.root(), "node", "main.mjs"));
        assertEquals(Optional.empty(), b.tampering());
        second.release();

        // Workspaces link to the run's shared/FINGERPRINT/node_modules as without a kept copy: the same keys.
        assertEquals(Files.readSymbolicLink(b.root().resolve("node_modules")),
                Files.readSymbolicLink(new WorkspaceFactory(tmp.resolve("run3"), base).create("c", "red", List.of()).root()
                        .resolve("node_modules")));
        assertEquals(second.plan("d", "red", List.of()).content().orElseThrow().keyDigest(),
                new WorkspaceFactory(tmp.resolve("run4"), base).plan("d", "red", List.of()).content().orElseThrow().keyDigest());

        RunFolder.delete(tmp.resolve("run1"));
        RunFolder.delete(tmp.resolve("run2"));
        assertTrue(Files.isRegularFile(copy.resolve("greeter/index.js")), "removing a run leaves the kept copy");
    }

    @Test
    void aKeptCopyChangedBetweenRunsKeepingSizeAndTimeIsSeenByItsStampsAndMadeAgain() throws Exception {
        Path base = base();
        try (Database db = Database.open(tmp.resolve("redyellow.db"))) {
            // an hour ahead: the copy's files changed (chmod) just now, and a file changed in the last 2 s is not stamped
            Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
            StampedHashes first = new StampedHashes(db, later);
            WorkspaceFactory one = factory("run1", base, first);
            Path copy = one.create("a", "red", List.of()).root().resolve("node_modules").toRealPath();
            one.release();
            first.save();
            StampedHashes second = new StampedHashes(db, later);
            factory("run2", base, second).release(); // reads the kept copy once, to stamp it
            second.save();
            StampedHashes known = new StampedHashes(db, later);
            factory("run2b", base, known).release();
            known.save();
            assertEquals(0, known.computedCount(), "the base and the kept copy are known by their stamps");

            Path index = copy.resolve("greeter/index.js");
            FileTime time = Files.getLastModifiedTime(index);
            SharedDirs.makeWritable(copy);
            index.toFile().setWritable(true);
            Files.writeString(index, "export function greet(n) { return 'pwned ' + n; }\n".substring(0, (int) Files.size(index)));
            Files.setLastModifiedTime(index, time);

            StampedHashes third = new StampedHashes(db, later);
            WorkspaceFactory three = factory("run3", base, third);
            Workspace c = three.create("c", "red", List.of());
            assertTrue(c.root().resolve("node_modules").toRealPath().startsWith(kept().toRealPath()));
            assertEquals("hello again", run(c.root(), "node_modules/.bin/greet", "again"), "made again from the base");
            assertEquals(Files.readString(base.resolve("node_modules/greeter/index.js")), Files.readString(index));
            assertEquals(Optional.empty(), c.tampering());
        }
    }

    @Test
    void aChangedBaseGetsACopyOfItsOwnAndCopiesNoRunUsedForTwoWeeksArePruned() throws Exception {
        Path base = base();
        WorkspaceFactory first = factory("run1", base, KnownHashes.READ_EACH_TIME);
        Path old = first.create("a", "red", List.of()).root().resolve("node_modules").toRealPath();
        first.release();
        Files.writeString(base.resolve("node_modules/greeter/index.js"), "export function greet(n) { return 'hi ' + n; }\n");
        WorkspaceFactory second = factory("run2", base, KnownHashes.READ_EACH_TIME);
        Workspace b = second.create("b", "red", List.of());
        Path now = b.root().resolve("node_modules").toRealPath();
        assertNotEquals(old, now);
        assertEquals("hi two", run(b.root(), "node_modules/.bin/greet", "two"));
        assertTrue(Files.isDirectory(old), "used a moment ago: kept");

        Files.setLastModifiedTime(old.getParent().resolve(".used"), FileTime.from(Instant.now().minus(Duration.ofDays(15))));
        Files.createDirectories(kept().resolve(".staging-left"));
        Files.setLastModifiedTime(kept().resolve(".staging-left"), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        // held by run 2 (not released), so pruning it is not a question even when its time says so
        Files.setLastModifiedTime(now.getParent().resolve(".used"), FileTime.from(Instant.now().minus(Duration.ofDays(15))));
        Files.writeString(base.resolve("node_modules/greeter/index.js"), "export function greet(n) { return 'hey ' + n; }\n");
        factory("run3", base, KnownHashes.READ_EACH_TIME).release();
        assertFalse(Files.exists(old.getParent()), "no run used it for 15 days");
        assertTrue(Files.isDirectory(now), "held by a run: kept");
        assertEquals("hi still", run(b.root(), "node_modules/.bin/greet", "still"));
        second.release();
        assertFalse(Files.exists(kept().resolve(".staging-left")), "a copy cut short two hours ago");
    }

    @Test
    void aWriteThroughTheLinkToAKeptCopyIsTamperingAndTheKeptCopyIsRepaired() throws Exception {
        Path base = base();
        WorkspaceFactory factory = factory("run", base, KnownHashes.READ_EACH_TIME);
        Workspace a = factory.create("a", "attempt1", List.of());
        Path index = a.root().resolve("node_modules/greeter/index.js");
        index.toRealPath().toFile().setWritable(true);
        Files.writeString(index, "export function greet(n) { return 'pwned'; }\n");

        Optional<String> reason = a.tampering();
        assertTrue(reason.isPresent());
        assertTrue(reason.get().startsWith("tampering: node_modules/greeter/index.js changed"), reason.get());
        assertEquals("hello again", run(factory.create("b", "attempt1", List.of()).root(), "node_modules/.bin/greet", "again"));
        factory.release();
        assertEquals("hello next", run(factory("next", base, KnownHashes.READ_EACH_TIME).create("c", "red", List.of()).root(),
                "node_modules/.bin/greet", "next"), "the next run finds the kept copy as the base has it");
    }

    @Test
    void aBaseWithWhatNoCopyReproducesAFifoAndASetgidFolderIsStillUsedAgainNotCopiedEachRun() throws Exception {
        Path base = base();
        Process fifo = new ProcessBuilder("mkfifo", base.resolve("node_modules/greeter/pipe").toString()).start();
        assertEquals(0, fifo.waitFor());
        Files.setAttribute(base.resolve("node_modules/greeter"), "unix:mode", 02755);
        WorkspaceFactory first = factory("run1", base, KnownHashes.READ_EACH_TIME);
        Path copy = first.create("a", "red", List.of()).root().resolve("node_modules").toRealPath();
        first.release();
        Object inode = Files.getAttribute(copy.resolve("greeter/index.js"), "unix:ino");

        WorkspaceFactory second = factory("run2", base, KnownHashes.READ_EACH_TIME);
        Workspace b = usedAgain(second, copy, inode);
        assertEquals("hello fifo", run(b.root(), "node_modules/.bin/greet", "fifo"));
        assertEquals(Optional.empty(), b.tampering());
        // and a run that copies its own (the kept one is held) links to the same fingerprint: the same keys
        WorkspaceFactory third = factory("run3", base, KnownHashes.READ_EACH_TIME);
        assertEquals(second.plan("c", "red", List.of()).content().orElseThrow().keyDigest(),
                third.plan("c", "red", List.of()).content().orElseThrow().keyDigest());
        third.release();
        second.release();
    }

    @Test
    void aKeptCopyHeldByARunIsNotSharedWithAnotherWhichCopiesItsOwn() throws Exception {
        Path base = base();
        WorkspaceFactory holder = factory("run1", base, KnownHashes.READ_EACH_TIME);
        Path held = holder.create("a", "red", List.of()).root().resolve("node_modules").toRealPath();
        assertTrue(held.startsWith(kept().toRealPath()));

        WorkspaceFactory other = factory("run2", base, KnownHashes.READ_EACH_TIME);
        Workspace b = other.create("b", "red", List.of());
        Path own = b.root().resolve("node_modules").toRealPath();
        assertTrue(own.startsWith(tmp.resolve("run2/shared").toRealPath()), "a copy of its own: " + own);
        assertEquals("hello own", run(b.root(), "node_modules/.bin/greet", "own"));
        // the second run's try in this JVM must not let go of the first's lock: on Linux, closing any channel
        // of a file drops every lock the process holds on it, and another process could then take the copy
        Path lockFile;
        try (Stream<Path> files = Files.walk(kept())) {
            lockFile = files.filter(f -> f.getFileName().toString().equals(".lock")).findFirst().orElseThrow();
        }
        Process elsewhere = new ProcessBuilder("python3", "-c", "import fcntl, sys\nf = open(sys.argv[1], 'w')\n"
                + "try:\n    fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)\n    print('locked')\n"
                + "except OSError:\n    print('held')\n", lockFile.toString()).redirectErrorStream(true).start();
        assertEquals("held", new String(elsewhere.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip(),
                "another process sees the first run's lock");
        assertEquals(Files.readSymbolicLink(b.root().resolve("node_modules")),
                Files.readSymbolicLink(tmp.resolve("run1/workspaces").resolve(folderOf(tmp.resolve("run1/workspaces"))).resolve("node_modules")),
                "the same link text either way: the same keys");
        other.release();

        holder.release();
        WorkspaceFactory next = factory("run3", base, KnownHashes.READ_EACH_TIME);
        assertEquals(held, next.create("c", "red", List.of()).root().resolve("node_modules").toRealPath(), "free again");
        next.release();
    }

    @Test
    void replacingTheRunsLinkToTheKeptCopyIsTamperingAndTheLinkIsPutBack() throws Exception {
        Path base = base();
        WorkspaceFactory factory = factory("run", base, KnownHashes.READ_EACH_TIME);
        Workspace a = factory.create("a", "attempt1", List.of());
        Path linked = a.root().resolve("node_modules").getParent().resolve(Files.readSymbolicLink(a.root().resolve("node_modules")))
                .normalize();
        assertTrue(Files.isSymbolicLink(linked), linked + " links to the kept copy");
        Path fake = Files.createDirectories(tmp.resolve("fake/greeter"));
        Files.writeString(fake.resolve("index.js"), "export function greet(n) { return 'fake'; }\n");
        Files.delete(linked);
        Files.createSymbolicLink(linked, tmp.resolve("fake"));

        Optional<String> reason = a.tampering();
        assertTrue(reason.isPresent());
        assertTrue(reason.get().contains("link to the kept copy of node_modules was replaced"), reason.get());
        assertEquals("hello back", run(factory.create("b", "attempt1", List.of()).root(), "node_modules/.bin/greet", "back"));
        factory.release();
    }

    /** A workspace of {@code later} whose node_modules is {@code copy}, the very files a first run kept (same inode), not a new copy. */
    private static Workspace usedAgain(WorkspaceFactory later, Path copy, Object inode) throws IOException {
        Workspace ws = later.create("b", "red", List.of());
        assertEquals(copy, ws.root().resolve("node_modules").toRealPath());
        assertEquals(inode, Files.getAttribute(copy.resolve("greeter/index.js"), "unix:ino"), "used again, not copied again");
        return ws;
    }

    private static String folderOf(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.findFirst().orElseThrow().getFileName().toString();
        }
    }

    private static String run(Path dir, String... command) throws Exception {
        return WorkspaceIsolationTest.run(dir, command);
    }
}
