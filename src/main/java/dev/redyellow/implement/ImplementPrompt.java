package dev.redyellow.implement;

import dev.redyellow.manifest.Feature;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The task an implementer reads: the feature, its tests (paths and contents), the code already in
 * the workspace (the base and the accepted code of its dependencies), and on a retry what went wrong
 * before, the reviewer's feedback included. The command implementer writes it to a prompt file; the
 * llm implementer sends it as the user message.
 */
final class ImplementPrompt {

    private ImplementPrompt() {
    }

    /**
     * @param present      the workspace's files (tests included; they are listed once, as tests)
     * @param contentBytes how much of the present code to quote in full; an agent that reads files
     *                     itself needs none, a model behind an API needs it to call its dependencies
     * @param task         the closing instruction: how this implementer is to deliver the code
     */
    static String of(AttemptRequest r, Path workspace, List<String> present, int contentBytes, String task) {
        Feature f = r.feature();
        StringBuilder s = new StringBuilder();
        s.append("# Feature: ").append(f.title()).append(" (").append(f.id()).append(")\n\n");
        if (!f.description().isBlank()) {
            s.append(f.description().strip()).append("\n\n");
        }
        s.append("This is attempt ").append(r.attempt()).append(". Write the code that makes the tests below pass.\n\n");
        s.append("## Tests (given; do not change them)\n\n");
        for (String path : f.tests().paths()) {
            s.append("### ").append(path).append("\n\n").append(fence(f.tests().text(path))).append("\n\n");
        }
        List<String> code = present.stream().filter(p -> !f.tests().contains(p)).toList();
        if (!code.isEmpty()) {
            s.append("## Code already in the workspace (the project base and the accepted code of the features this one"
                    + " depends on; use it, do not rewrite it)\n\n");
            int budget = contentBytes;
            for (String path : code) {
                String text = budget > 0 ? readText(workspace.resolve(path), budget) : null;
                if (text == null) {
                    s.append("- ").append(path).append('\n');
                } else {
                    budget -= text.length();
                    s.append("### ").append(path).append("\n\n").append(fence(text)).append("\n\n");
                }
            }
            s.append('\n');
        }
        r.previous().ifPresent(p -> s.append("## What went wrong before\n\n").append(p.describe().strip()).append("\n\n"));
        s.append("## Your task\n\n").append(task.strip()).append('\n');
        return s.toString();
    }

    /** A fence longer than any backtick run inside, so quoted code cannot close it early. */
    static String fence(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String ticks = "`".repeat(Math.max(3, longest + 1));
        return ticks + "\n" + text + (text.endsWith("\n") ? "" : "\n") + ticks;
    }

    /** The file as text when it is UTF-8 and fits the budget; otherwise null (listed by path only). */
    private static String readText(Path file, int budget) {
        try {
            if (Files.size(file) > budget) {
                return null;
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException binary) {
            return null;
        } catch (IOException unreadable) {
            return null;
        }
    }
}
