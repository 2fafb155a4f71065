package dev.redyellow.implement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The readable text inside one line of an agent's JSON-lines event stream (Claude Code
 * {@code --output-format stream-json}, Codex {@code exec --json}, Gemini CLI
 * {@code --output-format stream-json}). None of them documents a shared schema, so this looks for
 * what they have in common: string fields named {@code text}, {@code content}, {@code message},
 * {@code result} or {@code delta}, at any depth under the event, and tool calls shown by name.
 */
final class JsonLineText {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TEXT_FIELDS = List.of("text", "content", "message", "result", "delta");
    private static final List<String> NESTED_FIELDS = List.of("item", "msg", "event", "part", "data");
    private static final Set<String> TOOL_CALLS = Set.of("tool_use", "function_call", "tool_call", "command_execution");
    private static final int MAX_DEPTH = 8;

    /**
     * @param text    the text to show
     * @param partial the event is a fragment of a longer text (a streamed delta), to be shown
     *                without a line break after it
     */
    record Fragment(String text, boolean partial) {
    }

    private JsonLineText() {
    }

    /** The text of {@code line} when it is a JSON object that carries any; empty otherwise. */
    static Optional<Fragment> of(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("{")) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree(trimmed);
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        collect(node, text, 0);
        if (text.length() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Fragment(text.toString(), isDelta(node, 0)));
    }

    private static void collect(JsonNode node, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> collect(element, out, depth + 1));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String type = node.path("type").asText("");
        if (TOOL_CALLS.contains(type) || node.has("tool_name")) {
            String name = node.path("name").asText(node.path("tool_name").asText(node.path("command").asText(type)));
            out.append(out.length() == 0 || out.charAt(out.length() - 1) == '\n' ? "" : "\n")
                    .append("[tool ").append(name).append("]\n");
            return;
        }
        if (type.equals("tool_result")) {
            out.append("[tool result]\n");
            return;
        }
        for (String field : TEXT_FIELDS) {
            JsonNode value = node.get(field);
            if (value == null) {
                continue;
            }
            if (value.isTextual()) {
                out.append(value.asText());
            } else {
                collect(value, out, depth + 1);
            }
        }
        for (String field : NESTED_FIELDS) {
            JsonNode value = node.get(field);
            if (value != null && value.isContainerNode()) {
                collect(value, out, depth + 1);
            }
        }
    }

    /** Streamed fragments say so: a {@code delta} field, or a {@code *_delta} type, somewhere inside. */
    private static boolean isDelta(JsonNode node, int depth) {
        if (depth > MAX_DEPTH || !node.isContainerNode()) {
            return false;
        }
        if (node.isObject() && (node.has("delta") || node.path("type").asText("").endsWith("_delta"))) {
            return true;
        }
        for (JsonNode child : node) {
            if (isDelta(child, depth + 1)) {
                return true;
            }
        }
        return false;
    }
}
