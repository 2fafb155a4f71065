package dev.redyellow.ui;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made the first time the mouse enters its node. A {@link Tooltip} is a popup window with
 * its own scene: made for each of 300 features and their 500 edges up front, they took most of the
 * time to draw the whole graph (WindowBench).
 */
final class LazyTooltip {

    private LazyTooltip() {
    }

    static void install(Node node, Supplier<String> text) {
        EventHandler<MouseEvent> first = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip.install(node, new Tooltip(text.get()));
            }
        };
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, first);
    }
}
