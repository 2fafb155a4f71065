package dev.redyellow.implement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The readable message in an error body from an OpenAI-compatible server (each shapes it a little differently). */
final class ChatErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatErrors() {
    }

    /** {@code {"error": {"message": ...}}}, {@code {"error": "..."}}, {@code {"message": ...}} or the body itself. */
    static String message(String body) {
        if (body == null || body.isBlank()) {
            return "(no message)";
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                return message(node);
            }
        } catch (JsonProcessingException notJson) {
            // a plain-text or HTML error page: shown as it is, shortened
        }
        return shorten(body.strip());
    }

    static String message(JsonNode node) {
        JsonNode error = node.has("error") ? node.get("error") : node;
        if (error.isTextual()) {
            return shorten(error.asText());
        }
        if (error.path("message").isTextual()) {
            return shorten(error.path("message").asText());
        }
        return shorten(error.toString());
    }

    private static String shorten(String s) {
        String flat = s.replaceAll("\\s*\\R\\s*", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }
}
