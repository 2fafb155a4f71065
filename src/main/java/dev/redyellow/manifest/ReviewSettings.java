package dev.redyellow.manifest;

import java.util.List;
import java.util.Map;

/** Who approves a feature's code once its tests pass: the manifest's {@code review} object. */
public sealed interface ReviewSettings {

    /** Approve when the tests pass (the default). */
    record Auto() implements ReviewSettings {
    }

    /** Wait for the user: the UI's Approve/Reject, or the CLI's --approve-all or prompt. */
    record Manual() implements ReviewSettings {
    }

    /** An external reviewer whose output must contain a strict verdict line. */
    record Command(List<String> command, Map<String, String> env, int timeoutSeconds) implements ReviewSettings {
        public Command {
            command = List.copyOf(command);
            env = Map.copyOf(env);
        }
    }

    /** An OpenAI-compatible chat-completions endpoint as reviewer. */
    record Llm(String baseUrl, String model, String apiKeyEnv, double temperature, int maxTokens,
               String systemPrompt, int timeoutSeconds) implements ReviewSettings {
    }
}
