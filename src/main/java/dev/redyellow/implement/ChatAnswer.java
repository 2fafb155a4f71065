package dev.redyellow.implement;

/** How a request to a chat model ended. */
sealed interface ChatAnswer {

    /**
     * The whole answer arrived.
     *
     * @param finishReason the model's {@code finish_reason} ("stop", "length"...), or "" if none came
     */
    record Complete(String text, String finishReason) implements ChatAnswer {
    }

    /**
     * No usable answer; whatever text had arrived was already shown in the output.
     *
     * @param permanent asking again cannot help (no key, key refused, unknown model)
     */
    record Failed(String reason, boolean permanent) implements ChatAnswer {
    }
}
