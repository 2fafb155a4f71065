package dev.redyellow.ui;

import dev.redyellow.cache.CacheStats;
import dev.redyellow.cache.FeatureCacheSummary;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The test cache: totals, entries, sizes and hits per feature; clear, invalidate a feature or a file, why it
 * missed; the remote tier's figures of the newest run; the cache settings.
 */
public final class CacheView extends BorderPane {

    public CacheView(CacheViewModel cache) {
        getStyleClass().add("cache-view");
        TableView<FeatureCacheSummary> table = new TableView<>(cache.features());
        table.setId("cache-table");
        table.setPlaceholder(new Label("The cache holds no entries."));
        table.getColumns().add(column("feature", FeatureCacheSummary::featureId, 160));
        table.getColumns().add(column("entries", s -> String.valueOf(s.entries()), 70));
        table.getColumns().add(column("size", s -> kilobytes(s.bytes()), 90));
        table.getColumns().add(column("hits", s -> String.valueOf(s.hits()), 60));
        table.getColumns().add(column("time saved", s -> String.format("%.1f s", s.savedSeconds()), 90));
        Label totals = new Label();
        totals.setId("cache-totals");
        totals.textProperty().bind(Bindings.createStringBinding(() -> describe(cache.totalsProperty().get()),
                cache.totalsProperty()));
        Consumer<Consumer<String>> withSelected = action -> {
            FeatureCacheSummary s = table.getSelectionModel().getSelectedItem();
            if (s == null) {
                cache.answerProperty().set("Select a feature in the table first.");
            } else {
                action.accept(s.featureId());
            }
        };
        Button refresh = button("Refresh", "cache-refresh", cache::refresh);
        Button clear = button("Clear cache", "cache-clear", cache::clear);
        Button invalidate = button("Invalidate feature", "cache-invalidate", () -> withSelected.accept(cache::invalidate));
        Button why = button("Why did it miss?", "cache-why", () -> withSelected.accept(cache::why));
        HBox bar = new HBox(8, refresh, clear, invalidate, why, totals);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("pane-bar");
        TextField file = field("cache-invalidate-path", "workspace path, e.g. src/tools/Slugify.java", 260);
        Button invalidateFile = button("Invalidate file", "cache-invalidate-file", () -> cache.invalidateFile(file.getText()));
        Label remote = new Label();
        remote.setId("cache-remote");
        remote.textProperty().bind(cache.remoteFiguresProperty());
        HBox fileBar = new HBox(8, file, invalidateFile, remote);
        fileBar.setAlignment(Pos.CENTER_LEFT);
        TextArea answer = new TextArea();
        answer.setId("cache-answer");
        answer.setEditable(false);
        answer.setPrefRowCount(5);
        answer.getStyleClass().add("mono");
        answer.textProperty().bind(cache.answerProperty());
        setTop(bar);
        setCenter(table);
        setBottom(new VBox(6, fileBar, settings(cache), answer));
    }

    /** The cache settings: the local file's policy and the remote tier, applied with one button. */
    private static HBox settings(CacheViewModel cache) {
        TextField url = field("cache-remote-url", "remote cache URL (http://host:port/...)", 240);
        url.textProperty().bindBidirectional(cache.remoteUrlProperty());
        CheckBox readOnly = new CheckBox("read-only");
        readOnly.setId("cache-remote-readonly");
        readOnly.selectedProperty().bindBidirectional(cache.remoteReadOnlyProperty());
        TextField timeout = field("cache-remote-timeout", "time-out (2s)", 90);
        timeout.textProperty().bindBidirectional(cache.remoteTimeoutProperty());
        TextField auth = field("cache-remote-auth", "bearer:VARIABLE", 130);
        auth.textProperty().bindBidirectional(cache.remoteAuthProperty());
        TextField ttl = field("cache-ttl", "TTL (7d; empty: never)", 140);
        ttl.textProperty().bindBidirectional(cache.ttlProperty());
        CheckBox failures = new CheckBox("keep failures");
        failures.setId("cache-keep-failures");
        failures.selectedProperty().bindBidirectional(cache.keepFailuresProperty());
        TextField entries = field("cache-max-entries", "max entries", 90);
        entries.textProperty().bindBidirectional(cache.maxEntriesProperty());
        TextField mb = field("cache-max-mb", "max MB", 70);
        mb.textProperty().bindBidirectional(cache.maxMbProperty());
        Button apply = button("Apply settings", "cache-apply", cache::applySettings);
        HBox bar = new HBox(6, new Label("Remote:"), url, readOnly, timeout, auth, new Label("Local:"), ttl, failures,
                entries, mb, apply);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static TextField field(String id, String prompt, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefWidth(width);
        return f;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static TableColumn<FeatureCacheSummary, String> column(String name, Function<FeatureCacheSummary, String> value,
                                                                   double width) {
        TableColumn<FeatureCacheSummary, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    static String describe(CacheStats s) {
        return String.format("%d entries, %s; %d requests, %d hits (%.0f %%), %.1f s saved, %d evictions, %d invalidations",
                s.entries(), kilobytes(s.bytes()), s.requests(), s.hits(), s.hitRate() * 100, s.savedSeconds(),
                s.evictions(), s.invalidations());
    }

    private static String kilobytes(long bytes) {
        return String.format("%.1f KB", bytes / 1024.0);
    }
}
