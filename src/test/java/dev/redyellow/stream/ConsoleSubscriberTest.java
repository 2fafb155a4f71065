package dev.redyellow.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleSubscriberTest {

    private final StringWriter printed = new StringWriter();
    private final PrintWriter out = new PrintWriter(printed, true);
    private long sequence;

    private Chunk chunk(String feature, int attempt, ChunkKind kind, String text) {
        return new Chunk(feature, attempt, kind, ++sequence, sequence, Instant.EPOCH, text.getBytes(StandardCharsets.UTF_8));
    }

    private String printed() {
        return printed.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void prefixesLandAtLineStartsWhenFeaturesInterleaveMidLine() {
        ConsoleSubscriber console = new ConsoleSubscriber(out, ConsoleSubscriber.Mode.ALL);
        console.onNext(chunk("slugify", 2, ChunkKind.TEST_OUTPUT, "Tests ru"));
        console.onNext(chunk("parse", 0, ChunkKind.TEST_OUTPUT, "FAILED: 1\nnext "));
        console.onNext(chunk("slugify", 2, ChunkKind.TEST_OUTPUT, "n: 3 ✅\r\nsecond\n"));
        console.onComplete();

        assertEquals("[parse#red] FAILED: 1\n"
                + "[slugify#2] Tests run: 3 ✅\n"
                + "[slugify#2] second\n"
                + "[parse#red] next \n", printed());
    }

    @Test
    void progressOnlyModePrintsNothingButProgressLines() {
        ConsoleSubscriber console = new ConsoleSubscriber(out, ConsoleSubscriber.Mode.PROGRESS_ONLY);
        console.onNext(chunk("slugify", 1, ChunkKind.TEST_OUTPUT, "noise\n"));
        console.onNext(chunk("slugify", 1, ChunkKind.PROGRESS, "RED proved\n"));
        console.onNext(chunk("slugify", 1, ChunkKind.ERROR, "more noise\n"));
        console.onComplete();

        assertEquals("[slugify#1] RED proved\n", printed());
    }

    @Test
    void aVeryLongLineIsPrintedBeforeItsNewlineArrives() {
        ConsoleSubscriber console = new ConsoleSubscriber(out, ConsoleSubscriber.Mode.ALL);
        console.onNext(chunk("big", 1, ChunkKind.TEST_OUTPUT, "x".repeat(ConsoleSubscriber.MAX_PENDING_CHARS)));

        assertEquals("[big#1] " + "x".repeat(ConsoleSubscriber.MAX_PENDING_CHARS) + "\n", printed());
    }
}
