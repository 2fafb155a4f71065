package dev.redyellow.implement;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one strict parser for every reviewer's output. The verdict is a line of its own,
 * {@code VERDICT: APPROVED} or {@code VERDICT: REJECTED}; the text after a rejection line is the
 * feedback. Anything else ("NOT APPROVED", "approved?", two different verdicts, no verdict) is a
 * rejection whose feedback says why, because approving by accident is the failure that matters.
 */
public final class VerdictParser {
    private static final Pattern VERDICT_LINE =
            Pattern.compile("^\\s*(?:[*_#>`]+\\s*)?VERDICT\\s*:\\s*(?<word>[A-Za-z_ -]*?)\\s*(?:[*_`]+)?\\s*$");

    private VerdictParser() {
    }

    public static Verdict parse(String output) {
        if (output == null || output.isBlank()) {
            return Verdict.reject("the reviewer printed nothing; expected a line 'VERDICT: APPROVED' or 'VERDICT: REJECTED'");
        }
        String[] lines = output.split("\\R", -1);
        List<Integer> verdictLines = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = VERDICT_LINE.matcher(lines[i]);
            if (m.matches()) {
                verdictLines.add(i);
                words.add(m.group("word"));
            }
        }
        if (verdictLines.isEmpty()) {
            return Verdict.reject("no verdict line found; expected 'VERDICT: APPROVED' or 'VERDICT: REJECTED'. Reviewer said: "
                    + abbreviate(output));
        }
        if (words.stream().distinct().count() > 1) {
            return Verdict.reject("conflicting verdict lines " + words + "; treated as a rejection. Reviewer said: "
                    + abbreviate(output));
        }
        String word = words.get(0);
        int last = verdictLines.get(verdictLines.size() - 1);
        String rest = String.join("\n", List.of(lines).subList(last + 1, lines.length)).strip();
        String before = String.join("\n", List.of(lines).subList(0, verdictLines.get(0))).strip();
        if (word.equals("APPROVED")) {
            return Verdict.approve(rest.isEmpty() ? before : rest);
        }
        if (word.equals("REJECTED")) {
            String feedback = rest.isEmpty() ? before : rest;
            return Verdict.reject(feedback.isEmpty() ? "rejected without feedback" : feedback);
        }
        return Verdict.reject("unrecognised verdict 'VERDICT: " + word
                + "'; only 'APPROVED' or 'REJECTED' (upper case, alone on the line) count");
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() <= 400 ? t : t.substring(0, 400) + "...";
    }
}
