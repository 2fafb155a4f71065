package dev.redyellow.ui;

import dev.redyellow.cache.CacheStats;
import dev.redyellow.cache.FeatureCacheSummary;
import dev.redyellow.cache.MissExplanation;
import dev.redyellow.cache.TestCache;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The cache view's data: totals, entries per feature, and the answers of clear, invalidate and why; all read in the background. */
public final class CacheViewModel {
    private final TaskExecutor tasks;
    private final LocalData data;
    private final ObjectProperty<CacheStats> totals = new SimpleObjectProperty<>(CacheStats.EMPTY);
    private final ObservableList<FeatureCacheSummary> features = FXCollections.observableArrayList();
    private final StringProperty answer = new SimpleStringProperty("");

    public CacheViewModel(TaskExecutor tasks, LocalData data) {
        this.tasks = tasks;
        this.data = data;
    }

    private record Contents(CacheStats stats, List<FeatureCacheSummary> features) {
    }

    public void refresh() {
        tasks.run("read the cache", () -> contents(data.cache()), this::show, this::failed);
    }

    /** Drops every entry and resets the counters, then reads the (now empty) cache again. */
    public void clear() {
        tasks.run("clear the cache", () -> {
            data.cache().clear();
            return contents(data.cache());
        }, c -> {
            show(c);
            answer.set("Cleared: the cache file " + data.file() + " holds no entries.");
        }, this::failed);
    }

    public void invalidate(String featureId) {
        tasks.run("invalidate " + featureId, () -> {
            int dropped = data.cache().invalidateFeature(featureId);
            return new Object[] {dropped, contents(data.cache())};
        }, r -> {
            show((Contents) r[1]);
            answer.set("Dropped " + r[0] + " entries that ran or contained " + featureId + ".");
        }, this::failed);
    }

    /** Explains how the feature's newest entry differs from the one before it. */
    public void why(String featureId) {
        tasks.run("why " + featureId, () -> data.cache().why(featureId).map(MissExplanation::describe)
                        .orElse(featureId + ": fewer than two entries, nothing to compare."),
                answer::set, this::failed);
    }

    private static Contents contents(TestCache cache) {
        return new Contents(cache.stats(), cache.featureSummaries());
    }

    private void show(Contents c) {
        totals.set(c.stats());
        features.setAll(c.features());
    }

    private void failed(Throwable e) {
        answer.set("The cache could not be read: " + e.getMessage());
    }

    public ObjectProperty<CacheStats> totalsProperty() {
        return totals;
    }

    public ObservableList<FeatureCacheSummary> features() {
        return features;
    }

    public StringProperty answerProperty() {
        return answer;
    }
}
