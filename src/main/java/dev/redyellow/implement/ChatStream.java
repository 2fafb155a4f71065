package dev.redyellow.implement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Flow;

/**
 * Reads the server-sent events of a streamed chat completion, line by line as they arrive:
 * {@code data: {...}} lines carry {@code choices[0].delta.content}, and {@code data: [DONE]} ends the
 * answer. Each piece of text is shown at once. Comments, {@code event:}/{@code id:}/{@code retry:}
 * lines and blank lines are skipped; a data line that is not JSON is skipped with a note. A server
 * that ignores {@code "stream": true} and sends one JSON completion is understood too.
 */
final class ChatStream implements Flow.Subscriber<String> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PLAIN = 1 << 20;

    private final Narrator narrator;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder plain = new StringBuilder();
    private Flow.Subscription subscription;
    private boolean done;
    private boolean dataSeen;
    private String finishReason = "";
    private String error;
    private int malformed;

    ChatStream(Narrator narrator) {
        this.narrator = narrator;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        String shown = read(line);
        if (shown != null) {
            narrator.text(shown);
        }
    }

    private synchronized String read(String line) {
        if (done || error != null) {
            return null;
        }
        if (!line.startsWith("data:")) {
            if (!line.isBlank() && !line.startsWith(":") && !line.startsWith("event:") && !line.startsWith("id:")
                    && !line.startsWith("retry:") && plain.length() < MAX_PLAIN) {
                plain.append(line).append('\n');
            }
            return null;
        }
        dataSeen = true;
        String payload = line.substring(5).strip();
        if (payload.equals("[DONE]")) {
            done = true;
            return null;
        }
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            event = null;
        }
        if (event == null || !event.isObject()) {
            malformed++;
            narrator.note("skipped a stream line that is not a JSON object: "
                    + (payload.length() > 80 ? payload.substring(0, 80) + "..." : payload));
            return null;
        }
        if (event.has("error")) {
            error = ChatErrors.message(event);
            return null;
        }
        JsonNode choice = event.path("choices").path(0);
        String reason = choice.path("finish_reason").asText("");
        if (!reason.isEmpty() && !reason.equals("null")) {
            finishReason = reason;
        }
        JsonNode content = choice.path("delta").path("content");
        if (content.isTextual() && !content.asText().isEmpty()) {
            text.append(content.asText());
            return content.asText();
        }
        return null;
    }

    @Override
    public void onError(Throwable throwable) {
        // The HTTP client completes its future exceptionally too; the caller reads it there.
    }

    @Override
    public void onComplete() {
        String whole = unstreamedAnswer();
        if (whole != null) {
            narrator.text(whole);
        }
    }

    private synchronized String unstreamedAnswer() {
        if (dataSeen || plain.length() == 0) {
            return null;
        }
        try {
            JsonNode body = JSON.readTree(plain.toString());
            JsonNode content = body == null ? null : body.path("choices").path(0).path("message").path("content");
            if (content != null && content.isTextual()) {
                text.append(content.asText());
                finishReason = body.path("choices").path(0).path("finish_reason").asText("stop");
                done = true;
                return content.asText();
            }
        } catch (JsonProcessingException notACompletion) {
            return null;
        }
        return null;
    }

    /** Stops the transfer (a timeout or an interrupt): no further line is read. */
    synchronized void cancel() {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    synchronized String text() {
        return text.toString();
    }

    /** [DONE] arrived, or a final {@code finish_reason}: the answer is whole. */
    synchronized boolean finished() {
        return done || !finishReason.isEmpty();
    }

    synchronized String finishReason() {
        return finishReason;
    }

    /** An {@code error} object the server sent inside the stream, or null. */
    synchronized String error() {
        return error;
    }

    synchronized int malformed() {
        return malformed;
    }
}
