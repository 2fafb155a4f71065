package dev.redyellow.implement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.OutputSink;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Agents' JSON-lines events shown as text, everything else passed on untouched. */
class ReadableOutputTest {

    private static String through(String... pieces) {
        CapturedOutput out = new CapturedOutput();
        ReadableOutput readable = new ReadableOutput(out);
        for (String piece : pieces) {
            byte[] b = piece.getBytes(StandardCharsets.UTF_8);
            readable.write(OutputSink.Stream.STDOUT, b, 0, b.length);
        }
        readable.close();
        return out.stdout();
    }

    @Test
    void findsTheTextOfClaudeCodeAssistantEvents() {
        assertEquals(Optional.of(new JsonLineText.Fragment("Done.", false)), JsonLineText.of(
                "{\"type\":\"assistant\",\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Done.\"}]}}"));
    }

    @Test
    void findsTheTextOfCodexAgentMessages() {
        assertEquals("Wrote slug.py", JsonLineText.of(
                "{\"type\":\"item.completed\",\"item\":{\"id\":\"item_3\",\"type\":\"agent_message\",\"text\":\"Wrote slug.py\"}}")
                .orElseThrow().text());
    }

    @Test
    void treatsGeminiDeltaMessagesAsFragments() {
        assertEquals(Optional.of(new JsonLineText.Fragment("Hel", true)), JsonLineText.of(
                "{\"type\":\"message\",\"role\":\"assistant\",\"content\":\"Hel\",\"delta\":true}"));
    }

    @Test
    void namesToolCallsInsteadOfDumpingTheirInput() {
        assertEquals("[tool shell]\n", JsonLineText.of(
                "{\"type\":\"tool_use\",\"tool_name\":\"shell\",\"parameters\":{\"command\":\"ls\"}}").orElseThrow().text());
    }

    @Test
    void leavesLinesWithoutTextAlone() {
        assertEquals(Optional.empty(), JsonLineText.of("{\"type\":\"system\",\"subtype\":\"init\",\"model\":\"x\"}"));
        assertEquals(Optional.empty(), JsonLineText.of("{not json"));
        assertEquals(Optional.empty(), JsonLineText.of("[1, 2]"));
        assertEquals(Optional.empty(), JsonLineText.of("plain text"));
    }

    @Test
    void replacesEventLinesByTheirTextEvenWhenSplitAcrossWrites() {
        String shown = through("before\n{\"type\":\"assistant\",\"message\":{\"content\":[{\"ty",
                "pe\":\"text\",\"text\":\"hello\"}]}}\nafter\n");
        assertEquals("before\nhello\nafter\n", shown);
    }

    @Test
    void joinsStreamedFragmentsOnOneLine() {
        String shown = through("{\"type\":\"message\",\"content\":\"Hel\",\"delta\":true}\n",
                "{\"type\":\"message\",\"content\":\"lo\",\"delta\":true}\n", "{\"type\":\"result\",\"status\":\"success\"}\n");
        assertEquals("Hello\n{\"type\":\"result\",\"status\":\"success\"}\n", shown);
    }

    @Test
    void passesPlainOutputOnAtOnceWithoutWaitingForTheLineEnd() {
        CapturedOutput out = new CapturedOutput();
        ReadableOutput readable = new ReadableOutput(out);
        byte[] b = "Progress: 50%".getBytes(StandardCharsets.UTF_8);
        readable.write(OutputSink.Stream.STDOUT, b, 0, b.length);
        assertEquals("Progress: 50%", out.stdout());
    }

    @Test
    void keepsAnUnfinishedJsonLineWhenTheOutputEnds() {
        assertEquals("{\"text\": \"cut", through("{\"text\": \"cut"));
    }

    @Test
    void passesStandardErrorThroughUnchanged() {
        CapturedOutput out = new CapturedOutput();
        ReadableOutput readable = new ReadableOutput(out);
        byte[] b = "{\"text\":\"x\"}\n".getBytes(StandardCharsets.UTF_8);
        readable.write(OutputSink.Stream.STDERR, b, 0, b.length);
        assertTrue(out.text().equals("{\"text\":\"x\"}\n"), out.text());
    }
}
