package dev.redyellow.cli;

import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.Transition;
import dev.redyellow.run.RunListener;
import dev.redyellow.run.RunResult;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Prints one line per transition while a run goes, and the summary table at its end. */
final class ConsoleProgress implements RunListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private final PrintWriter out;

    ConsoleProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void transition(Transition t) {
        synchronized (out) {
            out.printf("%s  %-20s %-7s -> %-9s %s%n", TIME.format(t.at()), t.featureId(), t.from(), t.to(), t.reason());
            out.flush();
        }
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
