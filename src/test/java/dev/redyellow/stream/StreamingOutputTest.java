package dev.redyellow.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.OutputSink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingOutputTest {

    private final ChunkPublisher publisher = new ChunkPublisher();
    private final List<Chunk> chunks = new ArrayList<>();

    StreamingOutputTest() {
        publisher.subscribeLossless("collect", new CallbackSubscriber(chunks::add));
    }

    @Test
    void standardErrorBecomesErrorChunksAndStandardOutputKeepsTheGivenKind() {
        StreamingOutput streaming = new StreamingOutput(publisher);
        try (StreamingOutput.StepSink sink = streaming.open("slugify", 3, ChunkKind.CODE)) {
            write(sink, OutputSink.Stream.STDOUT, "class A {}\n");
            write(sink, OutputSink.Stream.STDERR, "warning\n");
        }

        assertEquals(List.of(ChunkKind.CODE, ChunkKind.ERROR), chunks.stream().map(Chunk::kind).toList());
        assertTrue(chunks.stream().allMatch(c -> c.featureId().equals("slugify") && c.attempt() == 3));
    }

    @Test
    void closingTheStepFlushesBytesHeldBackForAnUnfinishedCharacter() {
        StreamingOutput streaming = new StreamingOutput(publisher);
        byte[] emoji = "ok😀".getBytes(StandardCharsets.UTF_8);
        StreamingOutput.StepSink sink = streaming.open("slugify", 1, ChunkKind.TEST_OUTPUT);
        sink.write(OutputSink.Stream.STDOUT, emoji, 0, 4);
        assertEquals(List.of("ok"), texts());

        sink.close();
        assertEquals(2, chunks.size());
        assertEquals(Arrays.toString(Arrays.copyOfRange(emoji, 2, 4)), Arrays.toString(chunks.get(1).bytes()));
        assertThrows(IllegalStateException.class, () -> write(sink, OutputSink.Stream.STDOUT, "late"));
    }

    @Test
    void chunksNeverExceedTheConfiguredSize() {
        StreamingOutput streaming = new StreamingOutput(publisher, 32);
        try (StreamingOutput.StepSink sink = streaming.open("slugify", 1, ChunkKind.TEST_OUTPUT)) {
            write(sink, OutputSink.Stream.STDOUT, "測試😀".repeat(100));
        }
        streaming.progress("slugify", 1, "é".repeat(40));

        assertTrue(chunks.stream().allMatch(c -> c.size() <= 32));
        String progress = String.join("", chunks.stream().filter(c -> c.kind() == ChunkKind.PROGRESS).map(Chunk::text).toList());
        assertEquals("é".repeat(40) + "\n", progress);
    }

    private List<String> texts() {
        return chunks.stream().map(Chunk::text).toList();
    }

    private static void write(OutputSink sink, OutputSink.Stream stream, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sink.write(stream, bytes, 0, bytes.length);
    }
}
