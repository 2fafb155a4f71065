package dev.redyellow.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessTreeTest {

    @Test
    void killsRootChildrenAndGrandchildren() throws Exception {
        Process root = new ProcessBuilder("sh", "-c",
                "sleep 300 & echo $!; sh -c 'sleep 300 & echo $!; wait' & wait").start();
        List<ProcessHandle> started = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(root.getInputStream(), StandardCharsets.UTF_8))) {
            started.add(ProcessHandle.of(Long.parseLong(lines.readLine().trim())).orElseThrow());
            started.add(ProcessHandle.of(Long.parseLong(lines.readLine().trim())).orElseThrow());
            started.add(root.toHandle());

            boolean killed = ProcessTree.kill(root.toHandle(), Duration.ofMillis(500));

            assertTrue(killed);
            for (ProcessHandle handle : started) {
                assertTrue(ProcessTree.hasExited(handle), "still running: " + handle.pid());
            }
        }
    }

    @Test
    void theTreesOwnChildrenListsGiveTheDescendantsTheJdksWalkOfEveryProcessGives() throws Exception {
        Process root = new ProcessBuilder("sh", "-c",
                "sleep 300 & echo $!; sh -c 'sleep 300 & echo $!; sleep 300 & echo $!; wait' & echo $!; wait").start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(root.getInputStream(), StandardCharsets.UTF_8))) {
            List<Long> printed = new ArrayList<>(); // the outer sleep, the inner two, the inner shell
            for (int i = 0; i < 4; i++) {
                printed.add(Long.parseLong(lines.readLine().trim()));
            }
            java.util.Set<Long> jdk = root.descendants().map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
            java.util.Set<Long> ours = ProcessTree.descendants(root.toHandle()).stream().map(ProcessHandle::pid)
                    .collect(java.util.stream.Collectors.toSet());
            assertTrue(jdk.containsAll(printed), "the three sleeps and the inner shell: " + printed + " in " + jdk);
            assertEquals(jdk, ours, "grandchildren included, nothing else");
            assertEquals(List.of(), ProcessTree.descendants(ProcessHandle.of(printed.get(0)).orElseThrow()), "a sleep has none");
        } finally {
            ProcessTree.kill(root.toHandle(), Duration.ofMillis(500));
        }
    }

    @Test
    void aRunningProcessHasNotExited() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "300").start();
        try {
            assertFalse(ProcessTree.hasExited(sleeper.toHandle()));
        } finally {
            ProcessTree.kill(sleeper.toHandle(), Duration.ofMillis(500));
        }
        assertEquals(143, sleeper.waitFor());
    }
}
