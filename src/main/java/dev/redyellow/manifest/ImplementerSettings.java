package dev.redyellow.manifest;

import java.util.List;
import java.util.Map;

/** Who writes a feature's code: the manifest's {@code implementer} object. */
public sealed interface ImplementerSettings {

    /** The feature's {@code attempts}, in order: attempt n is used for try n. */
    record Replay() implements ImplementerSettings {
    }

    /** An external program with placeholders {workspace}, {prompt}, {feature}, {attempt}. */
    record Command(List<String> command, Map<String, String> env, int timeoutSeconds) implements ImplementerSettings {
        public Command {
            command = List.copyOf(command);
            env = Map.copyOf(env);
        }
    }

    /**
     * An OpenAI-compatible chat-completions endpoint. {@code apiKeyEnv} names the environment variable
     * that holds the key (may be {@code null} for a local server without one); the key itself is never
     * in the manifest.
     */
    record Llm(String baseUrl, String model, String apiKeyEnv, double temperature, int maxTokens,
               String systemPrompt, int timeoutSeconds) implements ImplementerSettings {
    }
}
