package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.ProcessTree;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A warm worker never outlives RedYellow: killed hard in the middle of a hanging test, its worker ends too. */
class WarmWorkerExitTest {

    @TempDir
    Path cache;

    @TempDir
    Path root;

    @TempDir
    Path notes;

    @Test
    void aWorkerEndsWhenItsHostIsKilledWhileATestHangs() throws Exception {
        Path workspace = Files.createDirectories(root.resolve("ws"));
        Path pidFile = notes.resolve("worker.pid");
        Path test = workspace.resolve("src/test/java/h/HangTest.java");
        Files.createDirectories(test.getParent());
        Files.writeString(test, """
                package h;

                class HangTest {
                    @org.junit.jupiter.api.Test void hangs() throws Exception {
                        java.nio.file.Path part = java.nio.file.Path.of("%s.part");
                        java.nio.file.Files.writeString(part, Long.toString(ProcessHandle.current().pid()));
                        java.nio.file.Files.move(part, java.nio.file.Path.of("%s"));
                        Thread.sleep(600_000);
                    }
                }
                """.formatted(pidFile.toString().replace("\\", "\\\\"), pidFile.toString().replace("\\", "\\\\")));
        Process host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PoolHost.class.getName(), cache.toString(), workspace.toString())
                .redirectErrorStream(true).redirectOutput(notes.resolve("host.log").toFile()).start();
        long worker = -1;
        try {
            for (int i = 0; i < 1200 && !Files.exists(pidFile) && host.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(pidFile), "the test never started: " + Files.readString(notes.resolve("host.log")));
            worker = Long.parseLong(Files.readString(pidFile).strip());

            host.destroyForcibly().waitFor();

            // The worker notices its pipe closing, not a timer: well within a minute even on a loaded machine.
            for (int i = 0; i < 600 && !exited(worker); i++) {
                Thread.sleep(100);
            }
            assertTrue(exited(worker), "worker " + worker + " outlived its host");
        } finally {
            ProcessHandle.of(host.pid()).ifPresent(h -> h.descendants().forEach(ProcessHandle::destroyForcibly));
            host.destroyForcibly();
            ProcessHandle.of(worker).ifPresent(ProcessHandle::destroyForcibly);
        }
        assertFalse(host.isAlive());
    }

    private static boolean exited(long pid) {
        return ProcessHandle.of(pid).map(ProcessTree::hasExited).orElse(true);
    }
}
