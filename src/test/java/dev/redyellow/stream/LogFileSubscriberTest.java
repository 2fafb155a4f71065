package dev.redyellow.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.OutputSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class LogFileSubscriberTest {

    /** Writes the bytes of the file named by argv[1] to stdout (or stderr) in odd-sized, flushed pieces. */
    private static final String ODD_WRITER = String.join("\n",
            "import sys",
            "data = open(sys.argv[1], 'rb').read()",
            "out = sys.stderr.buffer if sys.argv[2] == 'err' else sys.stdout.buffer",
            "sizes = [1, 2, 3, 5, 7, 11, 13, 17, 4096, 3]",
            "i = k = 0",
            "while i < len(data):",
            "    n = sizes[k % len(sizes)]",
            "    out.write(data[i:i + n]); out.flush()",
            "    i += n; k += 1",
            "");

    @TempDir
    Path dir;

    private byte[] mixedText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            text.append("RED ").append(i).append(" 🚦 проверка 測試 ✅ héllo 😀🇫🇷 𝄞\n");
        }
        return text.append("no newline at the end 👋").toString().getBytes(StandardCharsets.UTF_8);
    }

    private void runPython(ChunkPublisher publisher, String featureId, int attempt, String stream, byte[] expected)
            throws Exception {
        Path input = Files.write(dir.resolve("input-" + attempt + ".bin"), expected);
        StreamingOutput streaming = new StreamingOutput(publisher);
        Process process = new ProcessBuilder("python3", "-c", ODD_WRITER, input.toString(), stream).start();
        try (StreamingOutput.StepSink sink = streaming.open(featureId, attempt, ChunkKind.TEST_OUTPUT)) {
            ProcessOutputPump.pump(process, sink, 7);
        }
        assertEquals(0, process.waitFor());
    }

    @Test
    void logFileHoldsExactlyTheBytesARealProcessWrote() throws Exception {
        byte[] expected = mixedText();
        Path runDir = dir.resolve("run");
        ChunkPublisher publisher = new ChunkPublisher();
        LogFileSubscriber log = new LogFileSubscriber(runDir);
        publisher.subscribeLossless("log", log);
        List<Chunk> chunks = Collections.synchronizedList(new ArrayList<>());
        publisher.subscribe("view", new CallbackSubscriber(chunks::add), 100_000);

        runPython(publisher, "slugify", 0, "out", expected);
        runPython(publisher, "slugify", 2, "err", expected);
        publisher.close();

        assertArrayEquals(expected, Files.readAllBytes(runDir.resolve("logs/slugify/red.log")));
        assertArrayEquals(expected, Files.readAllBytes(runDir.resolve("logs/slugify/attempt-2.log")));
        assertFalse(log.failure().isPresent());
        assertTrue(chunks.size() > 10, "chunks: " + chunks.size());
        for (Chunk chunk : chunks) {
            Utf8ChunkerTest.assertDecodesStrictly(chunk.bytes(), chunk.toString());
            assertEquals(chunk.attempt() == 0 ? ChunkKind.TEST_OUTPUT : ChunkKind.ERROR, chunk.kind());
        }
    }

    @Test
    void bothStreamsLandInOneFileInArrivalOrderWithoutProgressLines() throws Exception {
        Path runDir = dir.resolve("run");
        ChunkPublisher publisher = new ChunkPublisher();
        publisher.subscribeLossless("log", new LogFileSubscriber(runDir));
        StreamingOutput streaming = new StreamingOutput(publisher);

        try (StreamingOutput.StepSink sink = streaming.open("parse", 1, ChunkKind.TEST_OUTPUT)) {
            write(sink, OutputSink.Stream.STDOUT, "compiling\n");
            streaming.progress("parse", 1, "3/10 tests");
            write(sink, OutputSink.Stream.STDERR, "warning: x\n");
            write(sink, OutputSink.Stream.STDOUT, "done");
        }
        publisher.close();

        assertEquals("compiling\nwarning: x\ndone", Files.readString(LogFileSubscriber.logFile(runDir, "parse", 1)));
    }

    @Test
    void aFileClosedToStayUnderTheOpenLimitIsAppendedToWhenItsAttemptWritesAgain() throws Exception {
        Path runDir = dir.resolve("run");
        ChunkPublisher publisher = new ChunkPublisher();
        publisher.subscribeLossless("log", new LogFileSubscriber(runDir, 1));
        Files.createDirectories(runDir.resolve("logs/a"));
        Files.writeString(runDir.resolve("logs/a/attempt-1.log"), "left over from an earlier run\n");

        publishText(publisher, "a", 1, "a1 ");
        publishText(publisher, "b", 1, "b1 ");
        publishText(publisher, "a", 1, "a2");
        publishText(publisher, "b", 1, "b2");
        publisher.close();

        assertEquals("a1 a2", Files.readString(runDir.resolve("logs/a/attempt-1.log")));
        assertEquals("b1 b2", Files.readString(runDir.resolve("logs/b/attempt-1.log")));
    }

    /**
     * A run is interrupted when it is pre-empted or its time is up, and it publishes its own output on
     * its thread. A log written through a FileChannel would be closed by that interrupt (its own file, and
     * another attempt's file that an eviction flushes on that thread), as javac's kept jars were (see
     * ReusedJavacTest); the stream of Files.newOutputStream is not interruptible, and this keeps it so
     * (checked: with a FileChannel's stream this test fails).
     */
    @Test
    void aThreadInterruptedWhilePublishingBreaksNoLogFile() throws Exception {
        Path runDir = dir.resolve("run");
        ChunkPublisher publisher = new ChunkPublisher();
        LogFileSubscriber log = new LogFileSubscriber(runDir, 1);
        publisher.subscribeLossless("log", log);
        String big = "x".repeat(20_000); // more than the file's buffer: written through at once
        publishText(publisher, "a", 1, "a1 " + big);
        Thread.currentThread().interrupt();
        boolean interruptedAfter;
        try {
            publishText(publisher, "b", 1, "b1 " + big); // also closes a's file (the open limit is 1)
            publishText(publisher, "b", 1, "b2");
        } finally {
            interruptedAfter = Thread.interrupted(); // cleared whatever happened: no later test inherits it
        }
        assertTrue(interruptedAfter, "the interrupt is the caller's to see");
        publishText(publisher, "a", 1, "a2");
        publisher.close();

        assertEquals(java.util.Optional.empty(), log.failure());
        assertEquals("a1 " + big + "a2", Files.readString(runDir.resolve("logs/a/attempt-1.log")));
        assertEquals("b1 " + big + "b2", Files.readString(runDir.resolve("logs/b/attempt-1.log")));
    }

    @Test
    void aFeatureIdCannotLeaveTheLogsFolder() {
        assertThrows(IllegalArgumentException.class, () -> LogFileSubscriber.logFile(dir, "../x", 1));
        assertThrows(IllegalArgumentException.class, () -> LogFileSubscriber.logFile(dir, "a/b", 1));
        assertEquals(dir.resolve("logs/slugify/red.log").toAbsolutePath(), LogFileSubscriber.logFile(dir, "slugify", 0));
    }

    private static void write(OutputSink sink, OutputSink.Stream stream, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sink.write(stream, bytes, 0, bytes.length);
    }

    private static void publishText(ChunkPublisher publisher, String feature, int attempt, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        publisher.publish(feature, attempt, ChunkKind.TEST_OUTPUT, bytes, 0, bytes.length);
    }
}
