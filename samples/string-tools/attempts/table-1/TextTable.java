package tools;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A plain-text table for terminals and logs: aligned columns, over-long cells cut short. */
public final class TextTable {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final int maxCellWidth;

    public TextTable(List<String> headers, int maxCellWidth) {
        this.headers = List.copyOf(headers);
        this.maxCellWidth = maxCellWidth;
    }

    /** Adds a row; it must have one cell per header. */
    public TextTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> cut = new ArrayList<>();
        for (String cell : cells) {
            cut.add(Truncate.ellipsis(cell, maxCellWidth));
        }
        rows.add(cut);
        return this;
    }

    /**
     * The header line, a line of dashes, then the rows; columns are separated by two spaces,
     * numbers are right-aligned, other cells left-aligned, and trailing spaces are removed.
     */
    public String render() {
        int[] widths = new int[headers.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        for (List<String> line : all) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        List<String> out = new ArrayList<>();
        out.add(line(headers, widths));
        List<String> dashes = new ArrayList<>();
        for (int width : widths) {
            dashes.add(Pad.right("", width, '-'));
        }
        out.add(line(dashes, widths));
        for (List<String> row : rows) {
            out.add(line(row, widths));
        }
        return String.join("\n", out);
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String aligned = NUMBER.matcher(cell).matches()
                    ? Pad.left(cell, widths[c], ' ')
                    : Pad.right(cell, widths[c], ' ');
            text.append(c == 0 ? "" : "  ").append(aligned);
        }
        return text.toString().stripTrailing();
    }
}
