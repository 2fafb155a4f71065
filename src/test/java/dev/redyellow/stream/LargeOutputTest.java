package dev.redyellow.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(600)
class LargeOutputTest {

    private static final long BYTES = 200_000_000L;

    @TempDir
    Path dir;

    @Test
    void twoHundredMegabytesReachTheLogFileThroughA64MegabyteHeapWithASlowViewerAttached() throws Exception {
        Path runDir = dir.resolve("run");
        Path childOutput = dir.resolve("child.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                LargeOutputChild.class.getName(), runDir.toString(), Long.toString(BYTES))
                .redirectErrorStream(true)
                .redirectOutput(childOutput.toFile())
                .start();

        int exit = child.waitFor();

        assertEquals(0, exit, () -> "child failed:\n" + readQuietly(childOutput));
        Path log = runDir.resolve("logs/big/attempt-1.log");
        assertEquals(BYTES, Files.size(log));
        assertEquals(BYTES, countOf('x', log), "every byte is an 'x', none lost, none doubled");
        System.out.println(readQuietly(childOutput));
    }

    private static long countOf(char expected, Path file) throws Exception {
        long count = 0;
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == expected) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
