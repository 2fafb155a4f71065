package dev.redyellow.ui;

import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Keeps JavaFX from repainting the whole window in frames that have nothing visible to repaint. When a
 * frame's only changes are out of sight (a node scrolled or zoomed out of view, a hidden popup list)
 * or are the CSS of cells styled during the previous layout, JavaFX's painter finds no dirty region and
 * paints the entire window instead: 65-110 ms on a software renderer, seen under the stall benchmark
 * with a patched {@code NGNode} (see docs/ui.md). While {@link #activeProperty() active} (a run is
 * going) this 1x1 pixel region, laid on a background of its own colour, swaps between that colour
 * opaque and nearly opaque every frame: that costs a repaint of one pixel and guarantees every frame a
 * dirty region, and the pixel looks the same either way. It also guards the frames after a click or a
 * key ({@link #kick()}), whose changes (a feature selected, a tab shown) settle over a few frames.
 */
final class RepaintGuard extends Region {
    /** Frames it keeps going after it is switched off, for the changes that trail a run's end. */
    static final int TRAILING_FRAMES = 60;

    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final Background[] backgrounds;
    private int frames;
    private int trailing;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frames++;
            setBackground(backgrounds[frames % 2]);
            if (!active.get() && --trailing <= 0) {
                stop();
            }
        }
    };

    RepaintGuard(Color color) {
        // Backgrounds that differ (a Region ignores a background equal to the one it has) and, drawn over
        // the colour itself, give the same pixel.
        backgrounds = new Background[] {new Background(new BackgroundFill(color, null, null)),
                new Background(new BackgroundFill(color.deriveColor(0, 1, 1, 0.99), null, null))};
        setManaged(false);
        resize(1, 1);
        setMouseTransparent(true);
        setBackground(backgrounds[0]);
        active.addListener((o, was, on) -> {
            trailing = TRAILING_FRAMES;
            if (on) {
                timer.start();
            }
        });
    }

    BooleanProperty activeProperty() {
        return active;
    }

    /** Guards the next {@link #TRAILING_FRAMES} frames: what a click or a key changes settles over a few frames. */
    void kick() {
        trailing = Math.max(trailing, TRAILING_FRAMES);
        timer.start();
    }

    /** How many frames it has marked so far (for tests). */
    int frames() {
        return frames;
    }
}
