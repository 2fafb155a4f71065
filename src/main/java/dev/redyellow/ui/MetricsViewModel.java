package dev.redyellow.ui;

import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.run.RunMetrics;
import dev.redyellow.run.RunResult;
import dev.redyellow.run.TimelineEntry;
import dev.redyellow.cluster.MemberFigures;
import dev.redyellow.cluster.MemberRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The run's figures: live while it runs (the timeline grows, the hit rate counts finished features),
 * then the engine's exact metrics once it ends.
 */
public final class MetricsViewModel {
    private final ObservableList<TimelineBar> bars = FXCollections.observableArrayList();
    private final DoubleProperty hitRate = new SimpleDoubleProperty();
    private final DoubleProperty savedSeconds = new SimpleDoubleProperty();
    private final DoubleProperty speedup = new SimpleDoubleProperty();
    private final DoubleProperty efficiency = new SimpleDoubleProperty();
    private final DoubleProperty boundSeconds = new SimpleDoubleProperty();
    private final DoubleProperty wallSeconds = new SimpleDoubleProperty();
    private final IntegerProperty peakConcurrency = new SimpleIntegerProperty();
    private final BooleanProperty complete = new SimpleBooleanProperty();
    private int testRuns;
    private int cacheHits;
    /** Each cluster member's share of the last run, one line; empty when it ran on this machine only. */
    private final StringProperty cluster = new SimpleStringProperty("");
    /** The members each feature's test runs went to, in order of first use. */
    private Map<String, List<String>> membersOf = Map.of();

    void reset() {
        bars.clear();
        hitRate.set(0);
        savedSeconds.set(0);
        speedup.set(0);
        efficiency.set(0);
        boundSeconds.set(0);
        wallSeconds.set(0);
        peakConcurrency.set(0);
        complete.set(false);
        testRuns = 0;
        cacheHits = 0;
        cluster.set("");
        membersOf = Map.of();
    }

    void started(String featureId, int worker, double atSeconds) {
        bars.add(new TimelineBar(featureId, worker, atSeconds, Double.NaN, FeatureState.RED));
    }

    void finished(FeatureOutcome outcome, double atSeconds) {
        for (int i = bars.size() - 1; i >= 0; i--) {
            TimelineBar b = bars.get(i);
            if (b.featureId().equals(outcome.id()) && b.running()) {
                bars.set(i, new TimelineBar(b.featureId(), b.worker(), b.start(), atSeconds, outcome.state()));
                break;
            }
        }
        testRuns += outcome.testRuns();
        cacheHits += outcome.cacheHits();
        hitRate.set(testRuns == 0 ? 0 : (double) cacheHits / testRuns);
    }

    void elapsed(double seconds) {
        wallSeconds.set(seconds);
    }

    /** The engine's own figures, replacing the live estimates. */
    /** What each cluster member ran in the run just ended (nothing without a cluster). */
    void applyCluster(List<MemberFigures> members, List<MemberRun> runs) {
        cluster.set(members.stream().map(m -> String.format(Locale.ROOT, "%s: %d test runs, %.1f s", m.address(),
                m.testRuns(), m.seconds())).collect(Collectors.joining(" · ")));
        Map<String, List<String>> by = new LinkedHashMap<>();
        for (MemberRun r : runs) {
            List<String> of = by.computeIfAbsent(r.feature(), f -> new ArrayList<>());
            if (!of.contains(r.address())) {
                of.add(r.address());
            }
        }
        membersOf = by;
    }

    /** Each member's test runs and seconds in the last run; empty when it ran on this machine only. */
    public StringProperty clusterProperty() {
        return cluster;
    }

    /** The cluster members a feature's test runs went to in the last run; empty when none. */
    List<String> membersOf(String featureId) {
        return membersOf.getOrDefault(featureId, List.of());
    }

    void apply(RunResult result) {
        RunMetrics m = result.metrics();
        bars.setAll(m.timeline().stream().map(MetricsViewModel::bar).toList());
        hitRate.set(m.cache().hitRate());
        savedSeconds.set(m.cache().savedSeconds());
        speedup.set(m.speedup());
        efficiency.set(m.efficiency());
        boundSeconds.set(m.boundSeconds());
        wallSeconds.set(m.wallSeconds());
        peakConcurrency.set(m.peakConcurrency());
        complete.set(true);
    }

    private static TimelineBar bar(TimelineEntry e) {
        // a slice in which the feature only found out it needs another feature's code: shown as waiting
        FeatureState state = "WAITING".equals(e.state()) ? FeatureState.PENDING : FeatureState.valueOf(e.state());
        return new TimelineBar(e.feature(), e.worker(), e.start(), e.end(), state);
    }

    public ObservableList<TimelineBar> bars() {
        return bars;
    }

    public DoubleProperty hitRateProperty() {
        return hitRate;
    }

    public DoubleProperty savedSecondsProperty() {
        return savedSeconds;
    }

    public DoubleProperty speedupProperty() {
        return speedup;
    }

    public DoubleProperty efficiencyProperty() {
        return efficiency;
    }

    public DoubleProperty boundSecondsProperty() {
        return boundSeconds;
    }

    public DoubleProperty wallSecondsProperty() {
        return wallSeconds;
    }

    public IntegerProperty peakConcurrencyProperty() {
        return peakConcurrency;
    }

    /** True once the run ended and the figures are the engine's. */
    public BooleanProperty completeProperty() {
        return complete;
    }
}
