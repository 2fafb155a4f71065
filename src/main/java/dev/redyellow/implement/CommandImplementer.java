package dev.redyellow.implement;

import dev.redyellow.exec.ProcessResult;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.exec.ProcessSpec;
import dev.redyellow.exec.ProcessStartException;
import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.ImplementerSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An external program writes the code: an AI coding agent in headless mode, or any script. It runs
 * in the attempt's workspace without a shell, reads the task from {@code .redyellow/prompt.md} (and
 * the same facts from environment variables), and edits the files there. Whatever it adds or
 * changes, found by comparing the workspace before and after, is the attempt.
 *
 * <p>Tests are the one thing it may not touch: an attempt that changes or deletes a test file fails,
 * and the test files are put back, so a later look at the workspace shows the tests as given.
 */
public final class CommandImplementer implements Implementer {
    private static final System.Logger LOG = System.getLogger(CommandImplementer.class.getName());

    private final ImplementerSettings.Command settings;
    private final ProcessRunner processes;

    public CommandImplementer(ImplementerSettings.Command settings) {
        this(settings, new ProcessRunner());
    }

    CommandImplementer(ImplementerSettings.Command settings, ProcessRunner processes) {
        this.settings = settings;
        this.processes = processes;
    }

    @Override
    public AttemptResult implement(AttemptRequest request) throws InterruptedException {
        Path ws = request.workspace();
        Narrator narrator = new Narrator(request.output());
        WorkspaceSnapshot before;
        Path prompt = ws.resolve(".redyellow").resolve("prompt.md");
        try {
            before = WorkspaceSnapshot.take(ws);
            Files.createDirectories(prompt.getParent());
            Files.writeString(prompt, ImplementPrompt.of(request, ws, List.copyOf(before.hashes().keySet()), 0,
                    task()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new AttemptResult.NoCode("the workspace could not be prepared for the implementer: " + e, false);
        }
        List<String> argv = Placeholders.fill(settings.command(), placeholders(request, prompt));
        narrator.note("running the implementer: " + String.join(" ", argv));
        ProcessResult result;
        try (ReadableOutput readable = new ReadableOutput(request.output())) {
            result = processes.run(new ProcessSpec(argv, ws, environment(request, prompt),
                    Duration.ofSeconds(settings.timeoutSeconds())), readable);
        } catch (ProcessStartException e) {
            return new AttemptResult.NoCode("the implementer could not be started: " + e.getMessage(), false);
        }
        try {
            return outcome(request, before, WorkspaceSnapshot.take(ws), result, narrator);
        } catch (IOException e) {
            return new AttemptResult.NoCode("the files the implementer wrote could not be read: " + e, false);
        }
    }

    private AttemptResult outcome(AttemptRequest request, WorkspaceSnapshot before, WorkspaceSnapshot after,
                                  ProcessResult result, Narrator narrator) throws IOException {
        Feature feature = request.feature();
        WorkspaceSnapshot.Changes changes = after.changesSince(before);
        Set<String> touchedTests = new TreeSet<>();
        for (String path : feature.tests().paths()) {
            if (changes.written().contains(path) || changes.deleted().contains(path)) {
                touchedTests.add(path);
            }
        }
        if (!touchedTests.isEmpty()) {
            restore(request.workspace(), feature.tests(), touchedTests);
            String verb = touchedTests.stream().allMatch(changes.deleted()::contains) ? "deleted" : "changed";
            return new AttemptResult.NoCode("the implementer " + verb + " the test file"
                    + (touchedTests.size() == 1 ? " " : "s ") + String.join(", ", touchedTests)
                    + "; tests are not the implementer's to change", false);
        }
        if (result.timedOut()) {
            return new AttemptResult.NoCode("the implementer did not finish within " + settings.timeoutSeconds()
                    + " s; its process tree was killed", false);
        }
        if (result.exitCode() != 0) {
            return new AttemptResult.NoCode("the implementer exited with code " + result.exitCode()
                    + lastLine(result.outputTail()), false);
        }
        after.skipped().forEach(s -> narrator.note("not part of the attempt: " + s));
        if (!changes.deleted().isEmpty()) {
            narrator.note("deleted " + String.join(", ", changes.deleted())
                    + "; an attempt adds or changes files, so these deletions are not carried over");
        }
        if (changes.written().isEmpty()) {
            return new AttemptResult.NoCode("the implementer changed no file", false);
        }
        narrator.note("the attempt: " + String.join(", ", changes.written()));
        return new AttemptResult.Produced(WorkspaceSnapshot.read(request.workspace(), changes.written()));
    }

    /** Puts the given test files back as the manifest has them, so nothing of the change is left. */
    private static void restore(Path ws, FileSet tests, Set<String> paths) throws IOException {
        for (String path : paths) {
            Path file = ws.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, tests.bytes(path));
        }
        LOG.log(System.Logger.Level.DEBUG, "restored test files " + paths + " in " + ws);
    }

    private static String task() {
        return "Write the code into the files of this workspace (the current directory). Add or change source files"
                + " only; the test files listed above are fixed: changing or deleting one fails the attempt. When"
                + " you are done, exit; RedYellow runs the tests itself.";
    }

    private static Map<String, String> placeholders(AttemptRequest request, Path prompt) {
        return Map.of("workspace", request.workspace().toString(), "prompt", prompt.toString(),
                "feature", request.feature().id(), "attempt", Integer.toString(request.attempt()));
    }

    private Map<String, String> environment(AttemptRequest request, Path prompt) {
        Map<String, String> env = new HashMap<>(settings.env());
        Feature f = request.feature();
        env.put("REDYELLOW_WORKSPACE", request.workspace().toString());
        env.put("REDYELLOW_PROMPT", prompt.toString());
        env.put("REDYELLOW_FEATURE", f.id());
        env.put("REDYELLOW_FEATURE_TITLE", f.title());
        env.put("REDYELLOW_FEATURE_DESCRIPTION", f.description());
        env.put("REDYELLOW_ATTEMPT", Integer.toString(request.attempt()));
        env.put("REDYELLOW_TEST_FILES", String.join("\n", new ArrayList<>(f.tests().paths())));
        env.put("REDYELLOW_FAILURES", request.previous().map(FailureContext::describe).orElse(""));
        return env;
    }

    private static String lastLine(String tail) {
        String[] lines = tail.strip().split("\\R");
        String last = lines[lines.length - 1].strip();
        return last.isEmpty() ? "" : ": " + (last.length() > 200 ? last.substring(0, 200) + "..." : last);
    }
}
