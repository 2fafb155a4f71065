package dev.redyellow.run;

import dev.redyellow.cycle.AttemptRecord;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.store.AttemptSummary;
import dev.redyellow.store.FeatureRecord;
import dev.redyellow.store.RunRecord;
import dev.redyellow.store.TransitionRecord;
import dev.redyellow.testing.TestResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/** Turns a finished run into what the run store keeps. */
public final class RunHistory {

    private RunHistory() {
    }

    /**
     * @param cached tells whether a feature's test result was served from the cache
     */
    public static RunRecord record(String runId, RunResult result, Instant started, Instant ended,
                                   BiPredicate<String, TestResult> cached) {
        List<FeatureRecord> features = new ArrayList<>();
        for (FeatureOutcome o : result.outcomes()) {
            List<AttemptSummary> attempts = new ArrayList<>();
            for (AttemptRecord a : o.history()) {
                TestResult r = a.result().orElse(null);
                attempts.add(new AttemptSummary(a.attempt(),
                        r == null ? "NONE" : r.outcome().name(), r == null ? 0 : r.passed(), r == null ? 0 : r.failed(),
                        r == null ? 0.0 : r.durationMillis() / 1000.0, r != null && cached.test(o.id(), r)));
            }
            List<TransitionRecord> transitions = o.transitions().stream()
                    .map(t -> new TransitionRecord(t.from().name(), t.to().name(), t.at(), t.reason())).toList();
            features.add(new FeatureRecord(o.id(), o.state().name(), o.reason(), o.attempts(), o.testRuns(),
                    o.cacheHits(), o.seconds(), attempts, transitions));
        }
        RunMetrics m = result.metrics();
        return new RunRecord(runId, result.manifest().file().toString(), result.manifest().name(), started, ended,
                result.allGreen(), m.wallSeconds(), m.speedup(), m.efficiency(), m.workers(), features);
    }
}
