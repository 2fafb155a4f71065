package dev.redyellow.ui;

import dev.redyellow.cache.CacheSettings;
import dev.redyellow.cache.CacheStats;
import dev.redyellow.cache.DurationText;
import dev.redyellow.cache.FeatureCacheSummary;
import dev.redyellow.cache.MissExplanation;
import dev.redyellow.cache.RemoteCacheSettings;
import dev.redyellow.cache.RemoteCacheStats;
import dev.redyellow.cache.TestCache;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The cache view's data: totals, entries per feature, the remote tier's figures of the newest run, the
 * answers of clear, invalidate and why, and the cache settings (local policy and remote tier), which
 * are kept in the app's preferences; all read and applied in the background.
 */
public final class CacheViewModel {
    private final TaskExecutor tasks;
    private final LocalData data;
    private final Optional<Preferences> prefs;
    private final ObjectProperty<CacheStats> totals = new SimpleObjectProperty<>(CacheStats.EMPTY);
    private final ObservableList<FeatureCacheSummary> features = FXCollections.observableArrayList();
    private final StringProperty answer = new SimpleStringProperty("");
    private final StringProperty remoteFigures = new SimpleStringProperty("");
    private final StringProperty remoteUrl = new SimpleStringProperty("");
    private final BooleanProperty remoteReadOnly = new SimpleBooleanProperty();
    private final StringProperty remoteTimeout = new SimpleStringProperty("");
    private final StringProperty remoteAuth = new SimpleStringProperty("");
    private final StringProperty ttl = new SimpleStringProperty("");
    private final BooleanProperty keepFailures = new SimpleBooleanProperty(true);
    private final StringProperty maxEntries = new SimpleStringProperty("");
    private final StringProperty maxMb = new SimpleStringProperty("");

    public CacheViewModel(TaskExecutor tasks, LocalData data) {
        this(tasks, data, Optional.empty());
    }

    /** @param prefs where the settings are kept between sessions of the app */
    public CacheViewModel(TaskExecutor tasks, LocalData data, Optional<Preferences> prefs) {
        this.tasks = tasks;
        this.data = data;
        this.prefs = prefs;
        showSettings(data.settings(), data.remote());
        prefs.ifPresent(this::restore);
    }

    private record Contents(CacheStats stats, List<FeatureCacheSummary> features, Optional<RemoteCacheStats> remote) {
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

    /** Drops the entries whose workspace held the file at this workspace path. */
    public void invalidateFile(String path) {
        String trimmed = path.strip();
        if (trimmed.isEmpty()) {
            answer.set("Type a workspace path, such as src/main/java/tools/Slugify.java, first.");
            return;
        }
        tasks.run("invalidate " + trimmed, () -> {
            int dropped = data.cache().invalidateFile(trimmed);
            return new Object[] {dropped, contents(data.cache())};
        }, r -> {
            show((Contents) r[1]);
            answer.set("Dropped " + r[0] + " entries whose workspace held " + trimmed + ".");
        }, this::failed);
    }

    /** Explains how the feature's newest entry differs from its nearest earlier entry (as {@code cache why}). */
    public void why(String featureId) {
        tasks.run("why " + featureId, () -> data.cache().why(featureId).map(MissExplanation::describe)
                        .orElse(featureId + ": fewer than two entries, nothing to compare."),
                answer::set, this::failed);
    }

    /**
     * Checks the settings fields and applies them: the remote from the next run, the local limits by
     * reopening the file. Call it between runs. Bad values are named and change nothing.
     */
    public void applySettings() {
        CacheSettings local;
        Optional<RemoteCacheSettings> remote;
        try {
            local = localSettings();
            remote = remoteSettings();
        } catch (IllegalArgumentException e) {
            answer.set("Settings not applied: " + e.getMessage());
            return;
        }
        tasks.run("apply the cache settings", () -> {
            data.configure(local, remote);
            return contents(data.cache());
        }, c -> {
            show(c);
            prefs.ifPresent(this::save);
            answer.set("Settings applied" + remote.map(r -> "; remote cache " + r.describe() + " from the next run")
                    .orElse("; no remote cache") + ".");
        }, this::failed);
    }

    CacheSettings localSettings() {
        CacheSettings s = CacheSettings.defaults().withCacheFailures(keepFailures.get());
        if (!ttl.get().isBlank()) {
            s = s.withTtl(DurationText.parse(ttl.get()));
        }
        int entries = maxEntries.get().isBlank() ? s.maxEntries() : (int) whole("max entries", maxEntries.get());
        long bytes = maxMb.get().isBlank() ? s.maxBytes() : whole("max MB", maxMb.get()) << 20;
        return s.withLimits(entries, bytes);
    }

    Optional<RemoteCacheSettings> remoteSettings() {
        if (remoteUrl.get().isBlank()) {
            return Optional.empty();
        }
        RemoteCacheSettings r = RemoteCacheSettings.of(remoteUrl.get().strip()).withReadOnly(remoteReadOnly.get());
        if (!remoteTimeout.get().isBlank()) {
            r = r.withTimeout(DurationText.parse(remoteTimeout.get()));
        }
        return Optional.of(remoteAuth.get().isBlank() ? r : r.withAuth(remoteAuth.get()));
    }

    private static long whole(String what, String text) {
        try {
            long n = Long.parseLong(text.strip());
            if (n >= 1 && n <= Integer.MAX_VALUE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException(what + " must be a whole number from 1 to " + Integer.MAX_VALUE
                + ", was '" + text + "'");
    }

    private void showSettings(CacheSettings s, Optional<RemoteCacheSettings> remote) {
        ttl.set(s.ttl().map(DurationText::format).orElse(""));
        keepFailures.set(s.cacheFailures());
        maxEntries.set(String.valueOf(s.maxEntries()));
        maxMb.set(String.valueOf(s.maxBytes() >> 20));
        remoteUrl.set(remote.map(r -> r.url().toString()).orElse(""));
        remoteReadOnly.set(remote.map(RemoteCacheSettings::readOnly).orElse(false));
        remoteTimeout.set(remote.map(r -> DurationText.format(r.timeout())).orElse(""));
        remoteAuth.set(remote.flatMap(r -> r.credentialsVariable()
                .map(v -> r.auth().name().toLowerCase(java.util.Locale.ROOT) + ":" + v)).orElse(""));
    }

    /** Settings kept by an earlier session; the remote's credentials are only a variable's name. */
    private void restore(Preferences p) {
        if (p.get("remoteUrl", null) == null && p.get("maxEntries", null) == null) {
            return;
        }
        remoteUrl.set(p.get("remoteUrl", remoteUrl.get()));
        remoteReadOnly.set(p.getBoolean("remoteReadOnly", remoteReadOnly.get()));
        remoteTimeout.set(p.get("remoteTimeout", remoteTimeout.get()));
        remoteAuth.set(p.get("remoteAuth", remoteAuth.get()));
        ttl.set(p.get("ttl", ttl.get()));
        keepFailures.set(p.getBoolean("keepFailures", keepFailures.get()));
        maxEntries.set(p.get("maxEntries", maxEntries.get()));
        maxMb.set(p.get("maxMb", maxMb.get()));
        try {
            data.configure(localSettings(), remoteSettings());
        } catch (IllegalArgumentException e) {
            answer.set("The saved cache settings were not applied: " + e.getMessage());
        }
    }

    private void save(Preferences p) {
        p.put("remoteUrl", remoteUrl.get());
        p.putBoolean("remoteReadOnly", remoteReadOnly.get());
        p.put("remoteTimeout", remoteTimeout.get());
        p.put("remoteAuth", remoteAuth.get());
        p.put("ttl", ttl.get());
        p.putBoolean("keepFailures", keepFailures.get());
        p.put("maxEntries", maxEntries.get());
        p.put("maxMb", maxMb.get());
    }

    private Contents contents(TestCache cache) {
        return new Contents(cache.stats(), cache.featureSummaries(), data.lastRemoteStats());
    }

    private void show(Contents c) {
        totals.set(c.stats());
        features.setAll(c.features());
        remoteFigures.set(c.remote().map(r -> "Newest run: " + r.describe())
                .orElse(data.remote().map(r -> "Remote cache " + r.describe() + ": not used by a run yet")
                        .orElse("No remote cache (set one below, or $" + RemoteCacheSettings.ENV + ")")));
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

    public StringProperty remoteFiguresProperty() {
        return remoteFigures;
    }

    public StringProperty remoteUrlProperty() {
        return remoteUrl;
    }

    public BooleanProperty remoteReadOnlyProperty() {
        return remoteReadOnly;
    }

    public StringProperty remoteTimeoutProperty() {
        return remoteTimeout;
    }

    public StringProperty remoteAuthProperty() {
        return remoteAuth;
    }

    public StringProperty ttlProperty() {
        return ttl;
    }

    public BooleanProperty keepFailuresProperty() {
        return keepFailures;
    }

    public StringProperty maxEntriesProperty() {
        return maxEntries;
    }

    public StringProperty maxMbProperty() {
        return maxMb;
    }
}
