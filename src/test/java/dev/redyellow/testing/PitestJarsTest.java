package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled PIT jars, extracted once per user like the JUnit launcher. */
class PitestJarsTest {

    @TempDir
    Path dir;

    @Test
    void extractsEveryJarIntoAFolderNamedByTheirHash() throws Exception {
        List<Path> jars = new PitestJars(List.of(dir)).paths();

        assertEquals(PitestJars.NAMES, jars.stream().map(p -> p.getFileName().toString()).toList());
        Path folder = jars.get(0).getParent();
        assertTrue(folder.getFileName().toString().matches("pitest-[0-9a-f]{16}"), folder.toString());
        try (JarFile commandLine = new JarFile(jars.get(0).toFile())) {
            assertTrue(commandLine.getEntry(PitestMutationTester.MAIN_CLASS.replace('.', '/') + ".class") != null);
        }
    }

    @Test
    void reusesIntactCopiesAndReplacesABrokenOne() throws Exception {
        List<Path> jars = new PitestJars(List.of(dir)).paths();
        FileTime written = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(jars.get(2), written);
        long size = Files.size(jars.get(3));

        new PitestJars(List.of(dir)).paths();
        FileTime afterReuse = Files.getLastModifiedTime(jars.get(2));
        Files.write(jars.get(3), new byte[] {1, 2, 3});
        new PitestJars(List.of(dir)).paths();

        assertEquals(written, afterReuse);
        assertEquals(size, Files.size(jars.get(3)));
    }

    @Test
    void fallsBackWhenAFolderCannotBeWritten() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("occupied"), "a file where a folder should be");

        List<Path> jars = new PitestJars(List.of(notAFolder.resolve("lib"), dir.resolve("fallback"))).paths();

        assertEquals(dir.resolve("fallback"), jars.get(0).getParent().getParent());
    }
}
