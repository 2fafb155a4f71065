package dev.redyellow.ui;

import dev.redyellow.stream.ChunkKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The live output, of all features or of the selected one. Following the tail (the default) it shows
 * the newest lines that fit, in place ({@link TailView}); not following, a virtualised list of the last
 * {@link StreamViewModel#RETAINED} lines to scroll through. "Open log" opens the full log file of the
 * selected feature's latest attempt.
 */
public final class StreamView extends BorderPane {
    private final ListView<StreamLine> list = new ListView<>();
    private final TailView tailView;
    private final Label logPath = new Label();

    public StreamView(StreamViewModel stream, ProjectViewModel project, RunViewModel run, Consumer<Path> opener) {
        getStyleClass().add("stream-view");
        tailView = new TailView(stream);
        list.getStyleClass().add("mono");
        list.setFixedCellSize(TailView.ROW);
        list.setItems(stream.shown());
        // The rows' prefix ([feature#attempt]) depends on the filter: redraw them when it changes.
        stream.featureProperty().addListener((o, was, now) -> list.refresh());
        stream.followTailProperty().addListener((o, was, follow) -> showTail(stream, follow));
        // Scrolling up with the wheel stops following, to read back.
        tailView.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                stream.followTailProperty().set(false);
            }
        });
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(StreamLine line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("line-error", "line-log");
                if (empty || line == null) {
                    setText(null);
                    return;
                }
                setText(line.shown(stream.featureProperty().get() == null));
                if (line.kind() == ChunkKind.ERROR) {
                    getStyleClass().add("line-error");
                } else if (line.kind() == ChunkKind.LOG) {
                    getStyleClass().add("line-log");
                }
            }
        });
        ToggleButton onlySelected = new ToggleButton("Selected feature only");
        onlySelected.setId("only-selected");
        onlySelected.selectedProperty().addListener((o, was, on) -> follow(stream, project, on));
        project.selectedProperty().addListener((o, was, now) -> follow(stream, project, onlySelected.isSelected()));
        CheckBox tail = new CheckBox("Follow tail");
        tail.selectedProperty().bindBidirectional(stream.followTailProperty());
        Button open = new Button("Open log");
        open.setId("open-log");
        open.setOnAction(e -> openLog(project, run, opener));
        Label dropped = new Label();
        dropped.textProperty().bind(stream.droppedProperty().asString("%d lines only in the log"));
        dropped.visibleProperty().bind(stream.droppedProperty().greaterThan(0));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, onlySelected, tail, open, logPath, gap, dropped);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("pane-bar");
        setTop(bar);
        showTail(stream, stream.followTailProperty().get());
    }

    private void showTail(StreamViewModel stream, boolean follow) {
        setCenter(follow ? tailView : list);
        if (!follow && !stream.shown().isEmpty()) {
            list.scrollTo(stream.shown().size() - 1);
        }
    }

    private static void follow(StreamViewModel stream, ProjectViewModel project, boolean onlySelected) {
        FeatureItem selected = project.selectedProperty().get();
        stream.featureProperty().set(onlySelected && selected != null ? selected.id() : null);
    }

    private void openLog(ProjectViewModel project, RunViewModel run, Consumer<Path> opener) {
        FeatureItem selected = project.selectedProperty().get();
        if (selected == null) {
            logPath.setText("select a feature first");
            return;
        }
        Optional<Path> log = run.logFile(selected.id(), selected.attemptProperty().get());
        if (log.isEmpty() || !Files.exists(log.get())) {
            logPath.setText("no log yet for " + selected.id());
            return;
        }
        logPath.setText(log.get().toString());
        opener.accept(log.get());
    }
}
