package dev.redyellow.implement;

import dev.redyellow.exec.ProcessResult;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.exec.ProcessSpec;
import dev.redyellow.exec.ProcessStartException;
import dev.redyellow.manifest.ReviewSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An external reviewer: a program that reads a prompt file (the feature, the attempt's files, the
 * test results) and prints a verdict line. Its output goes through the strict {@link VerdictParser};
 * a reviewer that cannot start, times out or prints no verdict rejects, saying why.
 */
public final class CommandReviewer implements Reviewer {
    private final ReviewSettings.Command settings;
    private final ProcessRunner processes;

    public CommandReviewer(ReviewSettings.Command settings) {
        this(settings, new ProcessRunner());
    }

    CommandReviewer(ReviewSettings.Command settings, ProcessRunner processes) {
        this.settings = settings;
        this.processes = processes;
    }

    @Override
    public Verdict review(ReviewRequest request) throws InterruptedException {
        Path prompt = request.workspace().resolve(".redyellow").resolve("review-prompt.md");
        try {
            Files.createDirectories(prompt.getParent());
            Files.writeString(prompt, ReviewPrompt.of(request), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Verdict.reject("the review prompt could not be written: " + e.getMessage());
        }
        Map<String, String> values = Map.of("workspace", request.workspace().toString(), "prompt", prompt.toString(),
                "feature", request.feature().id(), "attempt", Integer.toString(request.attempt()));
        Map<String, String> env = new HashMap<>(settings.env());
        env.put("REDYELLOW_WORKSPACE", values.get("workspace"));
        env.put("REDYELLOW_PROMPT", values.get("prompt"));
        env.put("REDYELLOW_FEATURE", values.get("feature"));
        env.put("REDYELLOW_ATTEMPT", values.get("attempt"));
        List<String> argv = Placeholders.fill(settings.command(), values);
        ProcessResult result;
        try {
            result = processes.run(new ProcessSpec(argv, request.workspace(), env,
                    Duration.ofSeconds(settings.timeoutSeconds())), request.output());
        } catch (ProcessStartException e) {
            return Verdict.reject("the reviewer could not be started: " + e.getMessage());
        }
        if (result.timedOut()) {
            return Verdict.reject("the reviewer did not answer within " + settings.timeoutSeconds() + " s");
        }
        Verdict verdict = VerdictParser.parse(result.outputTail());
        if (verdict.approved() && result.exitCode() != 0) {
            return Verdict.reject("the reviewer printed an approval but exited with code " + result.exitCode());
        }
        return verdict;
    }

}
