package dev.redyellow.cli;

import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.Transition;
import dev.redyellow.run.RunListener;
import dev.redyellow.run.RunResult;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Prints one line per transition while a run goes, and the summary table at its end. A line is made
 * by the worker whose feature moved and only written and flushed under the lock: formatting it there
 * ({@code printf}) kept the other workers waiting, several times per feature of a cached re-run.
 */
final class ConsoleProgress implements RunListener {
    private static final ZoneId ZONE = ZoneId.systemDefault();
    private final PrintWriter out;

    ConsoleProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void transition(Transition t) {
        String line = line(t);
        synchronized (out) {
            out.write(line);
            out.flush();
        }
    }

    /** {@code HH:mm:ss.SSS  feature from -> to reason}, the columns padded as the summary's, with the line's end. */
    static String line(Transition t) {
        LocalTime time = LocalTime.ofInstant(t.at(), ZONE);
        StringBuilder line = new StringBuilder(96 + t.reason().length());
        twoDigits(line, time.getHour()).append(':');
        twoDigits(line, time.getMinute()).append(':');
        twoDigits(line, time.getSecond()).append('.');
        int millis = time.getNano() / 1_000_000;
        line.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10));
        line.append("  ");
        padded(line, t.featureId(), 20).append(' ');
        padded(line, String.valueOf(t.from()), 7).append(" -> ");
        padded(line, String.valueOf(t.to()), 9).append(' ');
        return line.append(t.reason()).append(System.lineSeparator()).toString();
    }

    private static StringBuilder twoDigits(StringBuilder line, int value) {
        return line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** As {@code %-Ns}: the text, then spaces up to {@code width}. */
    private static StringBuilder padded(StringBuilder line, String text, int width) {
        line.append(text);
        for (int i = text.length(); i < width; i++) {
            line.append(' ');
        }
        return line;
    }

    void printSummary(RunResult result) {
        synchronized (out) {
            out.println();
            out.printf("%-20s %-9s %8s %9s %8s  %s%n", "FEATURE", "STATE", "ATTEMPTS", "TEST RUNS", "SECONDS", "REASON");
            for (FeatureOutcome o : result.outcomes()) {
                String reason = o.reason().length() > 70 ? o.reason().substring(0, 67) + "..." : o.reason();
                out.printf("%-20s %-9s %8d %9d %8.1f  %s%n", o.id(), o.state(), o.attempts(), o.testRuns(), o.seconds(), reason);
            }
            var m = result.metrics();
            out.println();
            long green = result.outcomes().stream().filter(FeatureOutcome::green).count();
            out.printf("%d of %d features GREEN%s. Wall %.1f s, sum of features %.1f s, speedup %.2fx, bound %.1f s, "
                            + "efficiency %.2f, %d workers (peak %d).%n", green, result.outcomes().size(),
                    result.cancelled() ? " (run stopped: " + result.stopReason() + ")" : "", m.wallSeconds(), m.sumFeatureSeconds(), m.speedup(),
                    m.boundSeconds(), m.efficiency(), m.workers(), m.peakConcurrency());
            var c = m.cache();
            out.printf("Cache: %d requests, %d hits (%.0f%%), %.1f s of test time saved.%n", c.requests(), c.hits(),
                    c.hitRate() * 100, c.savedSeconds());
            c.remote().ifPresent(r -> out.println("Cache " + r.describe() + "."));
            out.flush();
        }
    }
}
