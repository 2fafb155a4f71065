package dev.redyellow.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the killed and survived counts from a mutation command's output, in any of three forms (the
 * last one found wins, so a summary printed after progress lines counts):
 * <ul>
 *   <li>plain lines {@code killed: 3}, {@code survived: 1} (also {@code timeout: N}, counted as
 *       killed, and {@code no coverage: N}, counted as survived), with {@code survivor: FILE:LINE:
 *       CHANGE} lines naming the survivors: what a wrapper script prints;</li>
 *   <li>mutmut 3's summary line ({@code 🎉 killed, ⏰ timeout, 🙁 survived, 🫥 no tests});</li>
 *   <li>Stryker's clear-text table: the {@code All files} row under the {@code # killed},
 *       {@code # timeout}, {@code # survived} and {@code # no cov} columns.</li>
 * </ul>
 */
public final class MutationCounts {
    private static final Pattern PLAIN = Pattern.compile(
            "^\\s*(killed|survived|timeout|timed out|no coverage)\\s*[:=]\\s*(\\d+)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SURVIVOR = Pattern.compile("^\\s*survivor\\s*:\\s*(.+?)(?::(\\d+))?\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MUTMUT = Pattern.compile("🎉\\s*(\\d+).*?⏰\\s*(\\d+).*?🙁\\s*(\\d+)");
    private static final Pattern MUTMUT_NO_TESTS = Pattern.compile("🫥\\s*(\\d+)");

    /** Killed and survived, and the survivors named. */
    public record Counts(int killed, int survived, List<Mutant> survivors) {
    }

    private MutationCounts() {
    }

    /** The counts the output gives, if it gives any. */
    public static Optional<Counts> read(String output) {
        Optional<Counts> found = Optional.empty();
        Integer[] plain = new Integer[4];
        List<Mutant> survivors = new ArrayList<>();
        List<String> lines = output.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = PLAIN.matcher(line);
            if (m.matches()) {
                plain[slot(m.group(1))] = Integer.parseInt(m.group(2));
                continue;
            }
            Matcher s = SURVIVOR.matcher(line);
            if (s.matches()) {
                survivors.add(new Mutant(s.group(1).strip(), s.group(2) == null ? 0 : Integer.parseInt(s.group(2)),
                        s.group(3).strip()));
                continue;
            }
            Matcher mutmut = MUTMUT.matcher(line);
            if (mutmut.find()) {
                Matcher noTests = MUTMUT_NO_TESTS.matcher(line);
                int uncovered = noTests.find() ? Integer.parseInt(noTests.group(1)) : 0;
                found = Optional.of(new Counts(Integer.parseInt(mutmut.group(1)) + Integer.parseInt(mutmut.group(2)),
                        Integer.parseInt(mutmut.group(3)) + uncovered, List.of()));
                continue;
            }
            if (line.contains("# killed") && line.contains("# survived")) {
                Optional<Counts> stryker = stryker(line, lines.subList(i + 1, lines.size()));
                if (stryker.isPresent()) {
                    found = stryker;
                }
            }
        }
        if (plain[0] != null && plain[1] != null) {
            int killed = plain[0] + (plain[2] == null ? 0 : plain[2]);
            int survived = plain[1] + (plain[3] == null ? 0 : plain[3]);
            return Optional.of(new Counts(killed, survived, survivors));
        }
        return found;
    }

    private static int slot(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "killed" -> 0;
            case "survived" -> 1;
            case "timeout", "timed out" -> 2;
            default -> 3;
        };
    }

    /** Stryker's table: the header names the columns, the {@code All files} row holds the totals. */
    private static Optional<Counts> stryker(String header, List<String> rest) {
        List<String> columns = cells(header);
        int killed = columns.indexOf("# killed");
        int timeout = columns.indexOf("# timeout");
        int survived = columns.indexOf("# survived");
        int noCoverage = columns.indexOf("# no cov");
        for (String row : rest) {
            List<String> cells = cells(row);
            if (!cells.isEmpty() && cells.get(0).equals("All files") && cells.size() > Math.max(killed, survived)) {
                try {
                    return Optional.of(new Counts(number(cells, killed) + number(cells, timeout),
                            number(cells, survived) + number(cells, noCoverage), List.of()));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        for (String cell : row.split("\\|")) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private static int number(List<String> cells, int index) {
        return index < 0 || index >= cells.size() ? 0 : Integer.parseInt(cells.get(index));
    }
}
