package dev.redyellow.implement;

import dev.redyellow.manifest.ImplementerSettings;
import dev.redyellow.manifest.ReviewSettings;
import java.net.URI;

/**
 * Where and how to ask a chat model: the settings the llm implementer and the llm reviewer share.
 * {@code apiKeyEnv} names the environment variable holding the key ({@code null}: no key); the key
 * itself is read only when a request is sent and lives nowhere else.
 */
record ChatEndpoint(String baseUrl, String model, String apiKeyEnv, double temperature, int maxTokens,
                    int timeoutSeconds) {

    static ChatEndpoint of(ImplementerSettings.Llm s) {
        return new ChatEndpoint(s.baseUrl(), s.model(), s.apiKeyEnv(), s.temperature(), s.maxTokens(), s.timeoutSeconds());
    }

    static ChatEndpoint of(ReviewSettings.Llm s) {
        return new ChatEndpoint(s.baseUrl(), s.model(), s.apiKeyEnv(), s.temperature(), s.maxTokens(), s.timeoutSeconds());
    }

    /** {@code {baseUrl}/chat/completions}, whether or not the base URL ends with a slash. */
    URI completionsUri() {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return URI.create(base + "/chat/completions");
    }
}
