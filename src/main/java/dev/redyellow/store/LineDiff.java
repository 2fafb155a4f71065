package dev.redyellow.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A unified line diff ({@code ---}/{@code +++} headers, {@code @@} hunks with three lines of
 * context) from a longest common subsequence. Past a size limit the differing middle is shown as
 * removed and re-added rather than spending quadratic time on it.
 */
final class LineDiff {
    static final int CONTEXT = 3;
    private static final long MAX_CELLS = 4_000_000;

    /** One line of the edit script: kind ' ', '-' or '+', and the line positions before it. */
    record Edit(char kind, String line, int oldIndex, int newIndex) {
    }

    private LineDiff() {
    }

    static String unified(String path, String before, String after) {
        List<Edit> edits = edits(lines(before), lines(after));
        StringBuilder out = new StringBuilder("--- a/" + path + "\n+++ b/" + path + "\n");
        List<Integer> changes = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            if (edits.get(i).kind() != ' ') {
                changes.add(i);
            }
        }
        for (int k = 0; k < changes.size(); k++) {
            int from = Math.max(0, changes.get(k) - CONTEXT);
            int last = changes.get(k);
            while (k + 1 < changes.size() && changes.get(k + 1) - last - 1 <= 2 * CONTEXT) {
                last = changes.get(++k);
            }
            hunk(out, edits.subList(from, Math.min(edits.size(), last + CONTEXT + 1)));
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Edit> edits) {
        int oldCount = (int) edits.stream().filter(e -> e.kind() != '+').count();
        int newCount = (int) edits.stream().filter(e -> e.kind() != '-').count();
        Edit first = edits.get(0);
        out.append("@@ -").append(start(first.oldIndex(), oldCount)).append(',').append(oldCount)
                .append(" +").append(start(first.newIndex(), newCount)).append(',').append(newCount).append(" @@\n");
        edits.forEach(e -> out.append(e.kind()).append(e.line()).append('\n'));
    }

    private static int start(int index, int count) {
        // By convention an empty side names the line before the hunk.
        return count == 0 ? index : index + 1;
    }

    static List<Edit> edits(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            edits.add(new Edit(' ', a.get(i), i, i));
        }
        middle(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix), prefix, edits);
        for (int i = a.size() - suffix, j = b.size() - suffix; i < a.size(); i++, j++) {
            edits.add(new Edit(' ', a.get(i), i, j));
        }
        return edits;
    }

    private static void middle(List<String> a, List<String> b, int offset, List<Edit> edits) {
        int n = a.size();
        int m = b.size();
        int[][] common = (long) n * m <= MAX_CELLS ? lcsTable(a, b) : null;
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j)) && common != null) {
                edits.add(new Edit(' ', a.get(i), offset + i++, offset + j++));
            } else if (j >= m || (i < n && (common == null || common[i + 1][j] >= common[i][j + 1]))) {
                edits.add(new Edit('-', a.get(i), offset + i++, offset + j));
            } else {
                edits.add(new Edit('+', b.get(j), offset + i, offset + j++));
            }
        }
    }

    /** common[i][j] = length of the longest common subsequence of a[i..] and b[j..]. */
    private static int[][] lcsTable(List<String> a, List<String> b) {
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        return common;
    }

    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
