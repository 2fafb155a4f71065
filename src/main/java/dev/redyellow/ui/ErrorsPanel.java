package dev.redyellow.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The located errors of a manifest that could not be opened, above the (unchanged) graph. */
final class ErrorsPanel extends VBox {

    ErrorsPanel(ProjectViewModel project) {
        setId("errors-panel");
        getStyleClass().add("errors-panel");
        Label title = new Label();
        title.getStyleClass().add("errors-title");
        title.textProperty().bind(project.errorsTitleProperty());
        Button close = new Button("Dismiss");
        close.setOnAction(e -> project.dismissErrors());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, title, gap, close);
        top.setAlignment(Pos.CENTER_LEFT);
        ListView<String> list = new ListView<>(project.errors());
        list.setId("errors-list");
        list.getStyleClass().add("mono");
        // Every error in sight up to nine, and room below them for the scroll bar that long lines bring.
        list.prefHeightProperty().bind(Bindings.min(240, Bindings.size(project.errors()).multiply(24).add(24)));
        list.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(top, list);
        setSpacing(4);
        visibleProperty().bind(Bindings.isNotEmpty(project.errors()));
        managedProperty().bind(visibleProperty());
    }
}
