package dev.redyellow.implement;

import dev.redyellow.manifest.ReviewSettings;
import java.time.Duration;
import java.util.function.Function;

/**
 * A chat model reviews a passing attempt: it reads the feature, the attempt's files and the test
 * results ({@link ReviewPrompt}), and its answer goes through the strict {@link VerdictParser}. A
 * model that cannot be reached, or answers without a verdict, rejects, saying why.
 */
public final class LlmReviewer implements Reviewer {
    private final ReviewSettings.Llm settings;
    private final ChatClient chat;

    public LlmReviewer(ReviewSettings.Llm settings) {
        this(settings, System::getenv, Pause.SLEEP, Duration.ofSeconds(1));
    }

    LlmReviewer(ReviewSettings.Llm settings, Function<String, String> environment, Pause pause, Duration backoff) {
        this.settings = settings;
        this.chat = new ChatClient(ChatEndpoint.of(settings), environment, pause, backoff);
    }

    @Override
    public Verdict review(ReviewRequest request) throws InterruptedException {
        Narrator narrator = new Narrator(request.output());
        String system = (settings.systemPrompt() != null ? settings.systemPrompt().strip() : AnswerFormat.REVIEWER)
                + "\n\n" + AnswerFormat.VERDICT;
        narrator.note("asking " + settings.model() + " for a review");
        ChatAnswer answer = chat.complete(system, ReviewPrompt.of(request), narrator);
        narrator.text("\n");
        if (answer instanceof ChatAnswer.Failed failed) {
            return Verdict.reject("the reviewer model gave no verdict: " + failed.reason());
        }
        return VerdictParser.parse(((ChatAnswer.Complete) answer).text());
    }
}
