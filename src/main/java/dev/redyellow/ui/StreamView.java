package dev.redyellow.ui;

import dev.redyellow.stream.ChunkKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The live output: a virtualised list of the last {@link StreamViewModel#RETAINED} lines, of all
 * features or of the selected one, following the tail if asked; "Open log" opens the full log file of
 * the selected feature's latest attempt.
 */
public final class StreamView extends BorderPane {
    private static final double ROW = 21;
    private final ListView<StreamLine> list = new ListView<>();
    private final Label logPath = new Label();
    private ScrollBar horizontalBar;

    public StreamView(StreamViewModel stream, ProjectViewModel project, RunViewModel run, Consumer<Path> opener) {
        getStyleClass().add("stream-view");
        list.getStyleClass().add("mono");
        list.setFixedCellSize(ROW);
        // Following, the pane shows the newest lines that fit, in place; not following, every retained
        // line, scrollable. Scrolling up with the wheel stops following.
        list.setItems(stream.followTailProperty().get() ? stream.tail() : stream.shown());
        stream.followTailProperty().addListener((o, was, follow) -> {
            list.setItems(follow ? stream.tail() : stream.shown());
            if (!follow && !stream.shown().isEmpty()) {
                list.scrollTo(stream.shown().size() - 1);
            }
        });
        // The rows' prefix ([feature#attempt]) depends on the filter: redraw them when it changes.
        stream.featureProperty().addListener((o, was, now) -> list.refresh());
        // As many rows as fit above the horizontal scroll bar, when a line wider than the pane shows one.
        list.heightProperty().addListener(o -> fitTail(stream));
        list.skinProperty().addListener(o -> list.lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL)
                .map(ScrollBar.class::cast)
                .findFirst()
                .ifPresent(bar -> {
                    horizontalBar = bar;
                    bar.visibleProperty().addListener(v -> fitTail(stream));
                    bar.heightProperty().addListener(v -> fitTail(stream));
                }));
        list.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0 && stream.followTailProperty().get()) {
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
                setText(stream.featureProperty().get() == null
                        ? "[" + line.featureId() + "#" + line.attempt() + "] " + line.text() : line.text());
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
        setCenter(list);
    }

    private void fitTail(StreamViewModel stream) {
        double bar = horizontalBar != null && horizontalBar.isVisible() ? horizontalBar.getHeight() : 0;
        stream.tailRowsProperty().set(Math.max(1, (int) ((list.getHeight() - 4 - bar) / ROW)));
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
