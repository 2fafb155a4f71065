package dev.redyellow.implement;

import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.ImplementerSettings;
import dev.redyellow.manifest.WorkspacePath;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A chat model behind an OpenAI-compatible endpoint writes the code (Ollama, llama.cpp server, vLLM,
 * a hosted API). It gets the feature, its tests, the code already in the workspace and the previous
 * failure; its streamed answer is shown live; the files are the fenced blocks that name their path
 * ({@link FencedFiles}). A path that could leave the workspace, or a rewrite of a test file, fails the
 * attempt.
 */
public final class LlmImplementer implements Implementer {
    /** How much of the workspace's code is quoted to the model, which cannot read files itself. */
    static final int QUOTED_CODE_BYTES = 64 * 1024;

    private final ImplementerSettings.Llm settings;
    private final ChatClient chat;

    public LlmImplementer(ImplementerSettings.Llm settings) {
        this(settings, System::getenv, Pause.SLEEP, Duration.ofSeconds(1));
    }

    LlmImplementer(ImplementerSettings.Llm settings, Function<String, String> environment, Pause pause, Duration backoff) {
        this.settings = settings;
        this.chat = new ChatClient(ChatEndpoint.of(settings), environment, pause, backoff);
    }

    @Override
    public AttemptResult implement(AttemptRequest request) throws InterruptedException {
        Narrator narrator = new Narrator(request.output());
        List<String> present;
        try {
            present = List.copyOf(WorkspaceSnapshot.take(request.workspace()).hashes().keySet());
        } catch (IOException e) {
            return new AttemptResult.NoCode("the workspace could not be read for the prompt: " + e, false);
        }
        String user = ImplementPrompt.of(request, request.workspace(), present, QUOTED_CODE_BYTES,
                "Write the code now, as the system prompt says: each file whole, in a fenced block that names its path.");
        String system = (settings.systemPrompt() != null ? settings.systemPrompt().strip() : AnswerFormat.IMPLEMENTER)
                + "\n\n" + AnswerFormat.FILES;
        narrator.note("asking " + settings.model() + " at " + ChatEndpoint.of(settings).completionsUri());
        ChatAnswer answer = chat.complete(system, user, narrator);
        narrator.text("\n");
        if (answer instanceof ChatAnswer.Failed failed) {
            return new AttemptResult.NoCode(failed.reason(), failed.permanent());
        }
        return files(request, (ChatAnswer.Complete) answer, narrator);
    }

    private static AttemptResult files(AttemptRequest request, ChatAnswer.Complete answer, Narrator narrator) {
        FencedFiles.Parsed parsed = FencedFiles.parse(answer.text());
        parsed.unclosed().forEach(p -> narrator.note("the block for " + p + " was never closed; it is not used"));
        for (String path : parsed.files().keySet()) {
            Optional<String> problem = WorkspacePath.problem(path);
            if (problem.isPresent()) {
                return new AttemptResult.NoCode("the model's answer named an unusable path \"" + path + "\": "
                        + problem.get(), false);
            }
            if (request.feature().tests().contains(path)) {
                return new AttemptResult.NoCode("the model's answer rewrites the test file " + path
                        + "; tests are not the implementer's to change", false);
            }
        }
        if (parsed.files().isEmpty()) {
            String cut = answer.finishReason().equals("length")
                    ? " (the answer stopped at the maxTokens limit; raise maxTokens)" : "";
            return new AttemptResult.NoCode("the model's answer named no file: expected fenced code blocks whose"
                    + " opening line names the path, like ```python pkg/module.py" + cut, false);
        }
        narrator.note("the attempt: " + String.join(", ", parsed.files().keySet()));
        return new AttemptResult.Produced(FileSet.ofText(Map.copyOf(parsed.files())));
    }
}
