package dev.redyellow.implement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files in a model's answer: fenced code blocks that name their path. The path is named either
 * on the opening fence, after the language or alone (<code>```python textstats/words.py</code>,
 * <code>```textstats/words.py</code>, or an attribute <code>path=</code>, <code>file=</code>,
 * <code>filename=</code>), or on the line just before the fence, as {@code File: textstats/words.py}
 * (also {@code Path:}, with or without markdown emphasis or backticks). On the fence, a word counts
 * as a path only when it holds a {@code /} or a {@code .}, so a bare language name never does.
 * Blocks that name no path are examples and are ignored; a block that is never closed was cut off
 * and is ignored; when a path appears twice, the last block wins.
 */
final class FencedFiles {
    private static final Pattern OPENING = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*([^`]*)$");
    private static final Pattern FILE_LINE = Pattern.compile(
            "^\\s*(?:[#>*_-]+\\s*)*(?:File|Path|Filename)\\s*:\\s*[*_`\"']*\\s*([^\\s*`\"']+)[*_`\"']*\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("^(?:path|file|filename)=[\"']?([^\"']+)[\"']?$");

    /** @param unclosed paths of blocks that were opened but never closed */
    record Parsed(Map<String, String> files, List<String> unclosed) {
    }

    private FencedFiles() {
    }

    static Parsed parse(String answer) {
        Map<String, String> files = new LinkedHashMap<>();
        List<String> unclosed = new ArrayList<>();
        String[] lines = answer.split("\\R", -1);
        String previous = "";
        for (int i = 0; i < lines.length; i++) {
            Matcher open = OPENING.matcher(lines[i]);
            if (!open.matches()) {
                if (!lines[i].isBlank()) {
                    previous = lines[i];
                }
                continue;
            }
            String fence = open.group(1);
            String path = pathOnFence(open.group(2).strip());
            if (path == null) {
                Matcher named = FILE_LINE.matcher(previous);
                path = named.matches() ? named.group(1) : null;
            }
            int end = closing(lines, i + 1, fence);
            if (end < 0) {
                if (path != null) {
                    unclosed.add(path);
                }
                break;
            }
            if (path != null) {
                StringBuilder content = new StringBuilder();
                for (int j = i + 1; j < end; j++) {
                    content.append(lines[j]).append('\n');
                }
                files.remove(path);
                files.put(path, content.toString());
            }
            i = end;
            previous = "";
        }
        return new Parsed(files, unclosed);
    }

    private static String pathOnFence(String info) {
        if (info.isEmpty()) {
            return null;
        }
        String[] words = info.split("\\s+");
        for (String word : words) {
            Matcher attribute = ATTRIBUTE.matcher(word);
            if (attribute.matches()) {
                return attribute.group(1);
            }
        }
        String last = words[words.length - 1];
        if (words.length == 1 && last.contains(":")) {
            // "python:src/x.py", a form some models use
            last = last.substring(last.indexOf(':') + 1);
        }
        return last.contains("/") || last.contains(".") ? last : null;
    }

    /** The index of the line that closes a fence opened with {@code fence}, or -1. */
    private static int closing(String[] lines, int from, String fence) {
        char c = fence.charAt(0);
        Pattern close = Pattern.compile("^ {0,3}" + Pattern.quote(String.valueOf(c)) + "{" + fence.length() + ",}\\s*$");
        for (int j = from; j < lines.length; j++) {
            if (close.matcher(lines[j]).matches()) {
                return j;
            }
        }
        return -1;
    }
}
