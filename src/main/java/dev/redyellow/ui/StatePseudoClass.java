package dev.redyellow.ui;

import dev.redyellow.cycle.FeatureState;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * A feature's state as a CSS pseudo-class ({@code :pending}, {@code :red}, ..., {@code :cancelled}).
 * Pseudo-classes, not style classes: changing a style class makes JavaFX match the node and its
 * children against every selector of every stylesheet again, while a pseudo-class change only picks
 * among styles already matched. A run changes states many times a second.
 */
final class StatePseudoClass {
    private static final Map<FeatureState, PseudoClass> CLASSES = new EnumMap<>(FeatureState.class);

    static {
        for (FeatureState s : FeatureState.values()) {
            CLASSES.put(s, PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT)));
        }
    }

    private StatePseudoClass() {
    }

    /** Shows {@code state} on the node (or no state, for {@code null}). */
    static void show(Node node, FeatureState state) {
        CLASSES.forEach((s, pseudoClass) -> node.pseudoClassStateChanged(pseudoClass, s == state));
    }

    /** Whether the node shows {@code state}. */
    static boolean shows(Node node, FeatureState state) {
        return node.getPseudoClassStates().contains(CLASSES.get(state));
    }
}
