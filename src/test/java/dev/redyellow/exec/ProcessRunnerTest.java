package dev.redyellow.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {

    private static final int LARGE = 3 * 1024 * 1024;

    @TempDir
    Path dir;

    private final ProcessRunner runner = new ProcessRunner();
    @Test
    void capturesLargeOutputOnBothStreamsByteExact() throws Exception {
        // Both streams are written in alternation, so a runner that drains one stream at a time
        // blocks as soon as the other pipe is full (64 KB) and never finishes.
        String script = "import sys\n"
                + "out = bytes(i % 251 for i in range(" + LARGE + "))\n"
                + "err = bytes((i * 7) % 256 for i in range(" + LARGE + "))\n"
                + "for k in range(0, " + LARGE + ", 4096):\n"
                + "    sys.stdout.buffer.write(out[k:k + 4096]); sys.stdout.buffer.flush()\n"
                + "    sys.stderr.buffer.write(err[k:k + 4096]); sys.stderr.buffer.flush()\n";
        CapturingSink sink = new CapturingSink();

        ProcessResult result = runner.run(spec(List.of("python3", "-c", script), Duration.ofSeconds(60)), sink);

        byte[] expectedOut = new byte[LARGE];
        byte[] expectedErr = new byte[LARGE];
        for (int i = 0; i < LARGE; i++) {
            expectedOut[i] = (byte) (i % 251);
            expectedErr[i] = (byte) ((i * 7) % 256);
        }
        assertEquals(0, result.exitCode());
        assertFalse(result.timedOut());
        assertArrayEquals(expectedOut, sink.stdout());
        assertArrayEquals(expectedErr, sink.stderr());
    }

    @Test
    void keepsOnlyTheLastBytesOfTheOutputAsTail() throws Exception {
        ProcessRunner smallTail = new ProcessRunner(1000);
        String script = "import sys\nfor i in range(100000): print('line', i)\nprint('the end')";

        ProcessResult result = smallTail.run(spec(List.of("python3", "-c", script), Duration.ofSeconds(30)),
                OutputSink.DISCARD);

        assertTrue(result.outputTail().length() <= 1000, "tail length " + result.outputTail().length());
        assertTrue(result.outputTail().endsWith("line 99999\nthe end\n"), result.outputTail());
    }

    @Test
    void reportsTheExitCode() throws Exception {
        ProcessResult result = runner.run(spec(List.of("sh", "-c", "echo failing; exit 3"), Duration.ofSeconds(10)),
                OutputSink.DISCARD);

        assertEquals(3, result.exitCode());
        assertFalse(result.timedOut());
        assertEquals("failing\n", result.outputTail());
    }

    @Test
    void addsEnvironmentToTheInheritedOneAndRunsInTheDirectory() throws Exception {
        Files.createDirectories(dir.resolve("work"));
        ProcessSpec spec = new ProcessSpec(List.of("sh", "-c", "printf '%s|%s|' \"$REDYELLOW_PROBE\" \"$(pwd)\"; command -v python3 >/dev/null && printf path-inherited"),
                dir.resolve("work"), Map.of("REDYELLOW_PROBE", "hello world"), Duration.ofSeconds(10));

        ProcessResult result = runner.run(spec, OutputSink.DISCARD);

        assertEquals("hello world|" + dir.resolve("work").toRealPath() + "|path-inherited", result.outputTail());
    }

    @Test
    void programReadingStdinSeesEndOfInput() throws Exception {
        ProcessResult result = runner.run(spec(List.of("cat"), Duration.ofSeconds(30)), OutputSink.DISCARD);

        assertEquals(0, result.exitCode());
        assertFalse(result.timedOut());
    }

    @Test
    void missingProgramCannotBeStarted() {
        ProcessStartException e = assertThrows(ProcessStartException.class,
                () -> runner.run(spec(List.of("redyellow-no-such-program"), Duration.ofSeconds(10)), OutputSink.DISCARD));

        assertTrue(e.getMessage().startsWith("cannot start redyellow-no-such-program: "), e.getMessage());
    }

    @Test
    void failingSinkDoesNotStopTheDraining() throws Exception {
        OutputSink failing = (stream, bytes, offset, length) -> {
            throw new IllegalStateException("consumer broken");
        };
        String script = "import sys\nsys.stdout.write('x' * 1000000)\nsys.stderr.write('y' * 1000000)\nprint('done')";

        ProcessResult result = runner.run(spec(List.of("python3", "-c", script), Duration.ofSeconds(30)), failing);

        assertEquals(0, result.exitCode());
        assertFalse(result.timedOut());
    }

    @Test
    void timeoutKillsTheWholeTree() throws Exception {
        PidSink sink = new PidSink(4);

        ProcessResult result = runner.run(spec(treeScript(""), Duration.ofSeconds(2)), sink);

        assertTrue(result.timedOut());
        assertEquals(-1, result.exitCode());
        assertAllDead(sink.pids());
    }

    @Test
    void timeoutKillsATreeThatIgnoresTheTerminationRequest() throws Exception {
        PidSink sink = new PidSink(4);

        // An ignored signal stays ignored in every child, so only the forced kill ends this tree.
        ProcessResult result = runner.run(spec(treeScript("trap '' TERM; "), Duration.ofSeconds(2)), sink);

        assertTrue(result.timedOut());
        assertAllDead(sink.pids());
    }

    @Test
    void interruptKillsTheTreeAndEndsTheRunWithInterruptedException() throws Exception {
        PidSink sink = new PidSink(4);
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                outcome.set(runner.run(spec(treeScript(""), Duration.ofSeconds(300)), sink));
            } catch (Exception e) {
                outcome.set(e);
            }
        });
        worker.start();
        sink.awaitAll();

        worker.interrupt();
        worker.join();

        assertInstanceOf(InterruptedException.class, outcome.get());
        assertAllDead(sink.pids());
    }

    /** A shell that prints its own PID, starts two sleeps and a child shell with a sleeping grandchild. */
    private static List<String> treeScript(String prefix) {
        return List.of("sh", "-c", prefix + "echo pid $$; "
                + "sleep 300 & echo pid $!; "
                + "sleep 300 & echo pid $!; "
                + "sh -c 'sleep 300 & echo pid $!; wait' & "
                + "wait");
    }

    private static void assertAllDead(List<Long> pids) {
        for (long pid : pids) {
            // A killed process re-parented to PID 1 may stay a zombie until PID 1 reaps it: it has
            // exited and holds nothing, yet Java calls it alive, so /proc decides.
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                    && !stat(pid).matches("\\d+ \\(.*\\) Z .*\\s*");
            assertFalse(alive, "process " + pid + " is still alive: " + pids + " " + stat(pid));
        }
    }

    private static String stat(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/stat"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private ProcessSpec spec(List<String> command, Duration timeout) {
        return new ProcessSpec(command, dir, Map.of(), timeout);
    }

    private static final class CapturingSink implements OutputSink {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();

        @Override
        public synchronized void write(Stream stream, byte[] bytes, int offset, int length) {
            (stream == Stream.STDOUT ? out : err).write(bytes, offset, length);
        }

        synchronized byte[] stdout() {
            return out.toByteArray();
        }

        synchronized byte[] stderr() {
            return err.toByteArray();
        }
    }

    /** Collects the "pid N" lines the tree scripts print and lets a test wait for all of them. */
    private static final class PidSink implements OutputSink {
        private static final Pattern PID = Pattern.compile("pid (\\d+)");
        private final StringBuilder text = new StringBuilder();
        private final List<Long> pids = new ArrayList<>();
        private final CountDownLatch all;

        PidSink(int expected) {
            all = new CountDownLatch(expected);
        }

        @Override
        public synchronized void write(Stream stream, byte[] bytes, int offset, int length) {
            text.append(new String(bytes, offset, length, StandardCharsets.UTF_8));
            int newline;
            while ((newline = text.indexOf("\n")) >= 0) {
                Matcher m = PID.matcher(text.substring(0, newline));
                if (m.matches()) {
                    pids.add(Long.parseLong(m.group(1)));
                    all.countDown();
                }
                text.delete(0, newline + 1);
            }
        }

        void awaitAll() throws InterruptedException {
            all.await();
        }

        synchronized List<Long> pids() {
            assertEquals(4, pids.size(), "pids printed: " + pids);
            return List.copyOf(pids);
        }
    }
}
