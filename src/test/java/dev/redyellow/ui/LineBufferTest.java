package dev.redyellow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redyellow.stream.Chunk;
import dev.redyellow.stream.ChunkKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineBufferTest {
    private long sequence;

    private Chunk chunk(String feature, ChunkKind kind, String text) {
        return new Chunk(feature, 1, kind, ++sequence, sequence, Instant.EPOCH, text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> texts(List<StreamLine> lines) {
        return lines.stream().map(StreamLine::text).toList();
    }

    @Test
    void joinsALineSplitAcrossChunksAndDropsTheCarriageReturn() {
        LineBuffer buffer = new LineBuffer(100);
        buffer.add(chunk("a", ChunkKind.TEST_OUTPUT, "hel"));
        buffer.add(chunk("a", ChunkKind.TEST_OUTPUT, "lo\r\nwor"));
        buffer.add(chunk("a", ChunkKind.TEST_OUTPUT, "ld\n"));
        assertEquals(List.of("hello", "world"), texts(buffer.take()));
        assertEquals(List.of(), buffer.take(), "taken lines are gone");
    }

    @Test
    void keepsTheUnfinishedLinesOfEachSourceApart() {
        LineBuffer buffer = new LineBuffer(100);
        buffer.add(chunk("a", ChunkKind.TEST_OUTPUT, "from a "));
        buffer.add(chunk("b", ChunkKind.TEST_OUTPUT, "from b\n"));
        buffer.add(chunk("a", ChunkKind.ERROR, "a's error\n"));
        buffer.add(chunk("a", ChunkKind.TEST_OUTPUT, "continued\n"));
        List<StreamLine> lines = buffer.take();
        assertEquals(List.of("from b", "a's error", "from a continued"), texts(lines));
        assertEquals(ChunkKind.ERROR, lines.get(1).kind());
    }

    @Test
    void keepsTheNewestLinesAndCountsTheOnesItDropped() {
        LineBuffer buffer = new LineBuffer(3);
        buffer.add(chunk("a", ChunkKind.TEST_OUTPUT, "1\n2\n3\n4\n5\n"));
        assertEquals(List.of("3", "4", "5"), texts(buffer.take()));
        assertEquals(2, buffer.dropped());
    }

    @Test
    void endsTheLastLineOfOutputWithoutANewline() {
        LineBuffer buffer = new LineBuffer(10);
        buffer.add(chunk("a", ChunkKind.TEST_OUTPUT, "done"));
        assertEquals(List.of(), buffer.take());
        buffer.endLines();
        assertEquals(List.of("done"), texts(buffer.take()));
    }

    @Test
    void cutsAnEndlessLineEveryLongestLineCharacters() {
        LineBuffer buffer = new LineBuffer(10);
        buffer.add(chunk("a", ChunkKind.TEST_OUTPUT, "x".repeat(LineBuffer.LONGEST_LINE + 1)));
        assertEquals(List.of(LineBuffer.LONGEST_LINE), texts(buffer.take()).stream().map(String::length).toList(),
                "the whole piece is given before the newline comes; the rest waits for it");
        buffer.add(chunk("a", ChunkKind.TEST_OUTPUT, "\n"));
        assertEquals(List.of("x"), texts(buffer.take()));
        buffer.add(chunk("a", ChunkKind.TEST_OUTPUT, "y".repeat(2 * LineBuffer.LONGEST_LINE + 5) + "\nz\n"));
        assertEquals(List.of(LineBuffer.LONGEST_LINE, LineBuffer.LONGEST_LINE, 5, 1),
                texts(buffer.take()).stream().map(String::length).toList());
    }

    @Test
    void underAFloodItKeepsTheNewestLinesOfManyChunksAndCountsEveryOtherOne() {
        LineBuffer buffer = new LineBuffer(1000);
        StringBuilder block = new StringBuilder();
        int n = 0;
        for (int c = 0; c < 5000; c++) {
            block.setLength(0);
            for (int i = 0; i < 100; i++) {
                block.append("line ").append(n++).append('\n');
            }
            buffer.add(chunk(c % 2 == 0 ? "a" : "b", ChunkKind.TEST_OUTPUT, block.toString()));
        }
        List<StreamLine> lines = buffer.take();
        assertEquals(1000, lines.size());
        assertEquals("line " + (n - 1000), lines.get(0).text());
        assertEquals("line " + (n - 1), lines.get(999).text());
        assertEquals("b", lines.get(999).featureId());
        assertEquals(n - 1000, buffer.dropped());
    }

    @Test
    void anEndlessLineArrivingInChunksIsCutAsIfItCameWhole() {
        LineBuffer buffer = new LineBuffer(10);
        for (int i = 0; i < 4; i++) {
            buffer.add(chunk("a", ChunkKind.TEST_OUTPUT, "x".repeat(3000)));
        }
        buffer.add(chunk("a", ChunkKind.TEST_OUTPUT, "\n"));
        assertEquals(List.of(LineBuffer.LONGEST_LINE, LineBuffer.LONGEST_LINE, LineBuffer.LONGEST_LINE),
                texts(buffer.take()).stream().map(String::length).toList());
    }

    @Test
    void aCarriageReturnAtTheCutOfALineInChunksIsNoLineOfItsOwn() {
        LineBuffer buffer = new LineBuffer(10);
        buffer.add(chunk("a", ChunkKind.TEST_OUTPUT, "x".repeat(LineBuffer.LONGEST_LINE) + "\r"));
        buffer.add(chunk("a", ChunkKind.TEST_OUTPUT, "\nnext\n"));
        assertEquals(List.of("x".repeat(LineBuffer.LONGEST_LINE), "next"), texts(buffer.take()));
    }

    @Test
    void aCarriageReturnAfterALongLineIsNoLineOfItsOwn() {
        LineBuffer buffer = new LineBuffer(10);
        buffer.add(chunk("a", ChunkKind.TEST_OUTPUT, "x".repeat(LineBuffer.LONGEST_LINE) + "\r\n"));
        assertEquals(List.of("x".repeat(LineBuffer.LONGEST_LINE)), texts(buffer.take()));
    }

    @Test
    void keepsEmptyLines() {
        LineBuffer buffer = new LineBuffer(10);
        buffer.add(chunk("a", ChunkKind.TEST_OUTPUT, "one\n\n\r\nfour\n"));
        assertEquals(List.of("one", "", "", "four"), texts(buffer.take()));
    }
}
