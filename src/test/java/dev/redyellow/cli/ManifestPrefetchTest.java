package dev.redyellow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.ProjectFiles;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestException;
import dev.redyellow.manifest.ManifestLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest of {@code run MANIFEST} read beside the command line's set-up: the same outcome, for that load only. */
class ManifestPrefetchTest {
    @TempDir
    Path dir;
    private Path manifest;

    @BeforeEach
    void copySample() throws Exception {
        Path sample = ProjectFiles.samples().resolve("string-tools");
        try (var files = Files.walk(sample)) {
            for (Path from : files.toList()) {
                Path to = dir.resolve(sample.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        manifest = dir.resolve("manifest.json");
    }

    @AfterEach
    void forget() {
        ManifestPrefetch.end();
    }

    private static List<String> titles(Manifest m) {
        return m.features().stream().map(f -> f.title()).toList();
    }

    /** Retitles the first feature, so which version of the file was read shows in the titles. */
    private void retitleFirstFeature(String to) throws Exception {
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        Files.writeString(manifest, text.replaceFirst("\"title\": \"Normalize text\"", "\"title\": \"" + to + "\""));
    }

    @Test
    void theManifestOfRunIsReadBeforeItsCommandAsksAndIsWhatALoadGives() throws Exception {
        ManifestPrefetch.start(new String[] {"run", manifest.toString(), "--workers", "2"});
        Manifest early = ManifestPrefetch.load(manifest);
        assertEquals(titles(ManifestLoader.load(manifest)), titles(early));
        assertEquals(manifest.toAbsolutePath().normalize(), early.file());
    }

    @Test
    void aRunTakesTheManifestAsItWasWhenItsCommandLineStarted() throws Exception {
        ManifestPrefetch.start(new String[] {"run", manifest.toString()});
        ManifestPrefetch.awaitPending();
        retitleFirstFeature("written after the start");
        assertEquals(List.of("Normalize text"), titles(ManifestPrefetch.load(manifest)).subList(0, 1),
                "the read begun at the start is the one taken");
    }

    @Test
    void whatWasReadIsTakenOnceAndOnlyForTheSamePath() throws Exception {
        ManifestPrefetch.start(new String[] {"run", manifest.toString()});
        ManifestPrefetch.load(manifest); // taken: the read has finished, the file is as it was
        retitleFirstFeature("normalize-two");
        assertTrue(titles(ManifestPrefetch.load(manifest)).contains("normalize-two"), "a second load reads the file again");

        Path other = dir.resolve("other.json");
        Files.writeString(other, Files.readString(manifest).replace("\"title\": \"normalize-two\"", "\"title\": \"other\""));
        ManifestPrefetch.start(new String[] {"run", manifest.toString()});
        ManifestPrefetch.awaitPending();
        Manifest read = ManifestPrefetch.load(other);
        assertTrue(titles(read).contains("other"), "another path is read for itself: " + titles(read));
        assertEquals(other.toAbsolutePath().normalize(), read.file());
    }

    @Test
    void aBadManifestGivesTheErrorsALoadGives() throws Exception {
        Files.writeString(manifest, "{\"version\": 1, \"features\": [ }");
        ManifestException direct = assertThrows(ManifestException.class, () -> ManifestLoader.load(manifest));
        ManifestPrefetch.start(new String[] {"run", manifest.toString()});
        ManifestException early = assertThrows(ManifestException.class, () -> ManifestPrefetch.load(manifest));
        assertEquals(direct.errors().toString(), early.errors().toString());
        Path missing = dir.resolve("missing.json");
        ManifestPrefetch.start(new String[] {"run", missing.toString()});
        assertEquals(assertThrows(ManifestException.class, () -> ManifestLoader.load(missing)).errors().toString(),
                assertThrows(ManifestException.class, () -> ManifestPrefetch.load(missing)).errors().toString());
    }

    @Test
    void nothingIsReadEarlyForOtherCommandLines() throws Exception {
        for (String[] args : List.of(new String[] {"plan", manifest.toString()},
                new String[] {"run", "--workers", "2", manifest.toString()},
                new String[] {"run", "@" + manifest}, new String[] {"run"})) {
            ManifestPrefetch.start(args);
            assertEquals(null, ManifestPrefetch.pending(), String.join(" ", args));
        }
        ManifestPrefetch.start(new String[] {"run", manifest.toString()});
        assertEquals(manifest, ManifestPrefetch.pending());
        ManifestPrefetch.start(new String[] {"plan", manifest.toString()});
        assertEquals(null, ManifestPrefetch.pending(), "a new command line forgets the last one's");
    }

    @Test
    void whatOneCommandLineStartedIsNeitherKeptAfterItNorSeenByAnotherThread() throws Exception {
        ManifestPrefetch.start(new String[] {"run", manifest.toString()});
        Manifest first = ManifestPrefetch.load(manifest);
        assertTrue(titles(first).contains("Normalize text"));

        ManifestPrefetch.start(new String[] {"run", manifest.toString()});
        ManifestPrefetch.awaitPending(); // read before the change below: only end() can make the next load read again
        ManifestPrefetch.end();
        retitleFirstFeature("normalize-ended");
        assertTrue(titles(ManifestPrefetch.load(manifest)).contains("normalize-ended"), "ended: read again");

        ManifestPrefetch.start(new String[] {"run", manifest.toString()});
        assertEquals(manifest, ManifestPrefetch.pending());
        CompletableFuture<Path> elsewhere = CompletableFuture.supplyAsync(ManifestPrefetch::pending);
        assertEquals(null, elsewhere.get(), "another thread's command line has none");
    }
}
