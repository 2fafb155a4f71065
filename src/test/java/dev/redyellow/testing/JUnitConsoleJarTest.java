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

class JUnitConsoleJarTest {

    @TempDir
    Path dir;

    @Test
    void extractsTheBundledLauncherUnderItsHash() throws Exception {
        Path jar = new JUnitConsoleJar(List.of(dir.resolve("lib"))).path();

        assertEquals(dir.resolve("lib"), jar.getParent());
        assertTrue(jar.getFileName().toString().matches("junit-console-[0-9a-f]{16}\\.jar"), jar.toString());
        try (JarFile file = new JarFile(jar.toFile())) {
            assertEquals("org.junit.platform.console.ConsoleLauncher",
                    file.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    @Test
    void reusesAnIntactCopyAndReplacesABrokenOne() throws Exception {
        Path jar = new JUnitConsoleJar(List.of(dir)).path();
        FileTime written = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(jar, written);

        new JUnitConsoleJar(List.of(dir)).path();
        FileTime afterReuse = Files.getLastModifiedTime(jar);
        Files.write(jar, new byte[] {1, 2, 3});
        new JUnitConsoleJar(List.of(dir)).path();

        assertEquals(written, afterReuse);
        assertTrue(Files.size(jar) > 1_000_000, "size " + Files.size(jar));
    }

    @Test
    void fallsBackWhenAFolderCannotBeWritten() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("occupied"), "a file where a folder should be");

        Path jar = new JUnitConsoleJar(List.of(notAFolder.resolve("lib"), dir.resolve("fallback"))).path();

        assertEquals(dir.resolve("fallback"), jar.getParent());
    }
}
