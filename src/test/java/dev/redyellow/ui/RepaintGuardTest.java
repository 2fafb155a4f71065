package dev.redyellow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The guard in a real (headless) window: it changes every frame while active, and stops after. */
@ExtendWith(ApplicationExtension.class)
class RepaintGuardTest {
    private final RepaintGuard guard = new RepaintGuard(Color.web("#ececec"));
    private final Set<Background> seen = new HashSet<>();

    @Start
    void start(Stage stage) {
        guard.backgroundProperty().addListener((o, was, now) -> seen.add(now));
        stage.setScene(new Scene(new Pane(guard), 100, 60));
        stage.show();
    }

    @Test
    void marksEveryFrameWithADifferentBackgroundWhileActiveAndStopsAfterTheTrailingFrames() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, guard.frames(), "inactive, it marks nothing");

        WaitForAsyncUtils.asyncFx(() -> guard.activeProperty().set(true)).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> guard.frames() >= 10);
        // A Region ignores a background equal to the one it has: the two must differ to mark the frame.
        assertEquals(2, seen.size(), "it swaps between two backgrounds");
        Background[] two = seen.toArray(Background[]::new);
        assertNotEquals(two[0], two[1]);
        assertEquals(1, guard.getWidth() * guard.getHeight(), "one pixel");

        WaitForAsyncUtils.asyncFx(() -> guard.activeProperty().set(false)).get();
        int off = guard.frames();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            int before = guard.frames();
            Thread.sleep(300);
            return guard.frames() == before;
        });
        int stopped = guard.frames();
        assertTrue(stopped - off >= RepaintGuard.TRAILING_FRAMES - 1 && stopped - off <= RepaintGuard.TRAILING_FRAMES + 1,
                "it went on for the trailing frames only: " + (stopped - off));
    }

    @Test
    void aKickGuardsTheTrailingFramesOnly() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(guard::kick).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            int before = guard.frames();
            Thread.sleep(300);
            return before > 0 && guard.frames() == before;
        });
        int frames = guard.frames();
        assertTrue(frames >= RepaintGuard.TRAILING_FRAMES - 1 && frames <= RepaintGuard.TRAILING_FRAMES + 1,
                "a kick guards about " + RepaintGuard.TRAILING_FRAMES + " frames: " + frames);
    }
}
