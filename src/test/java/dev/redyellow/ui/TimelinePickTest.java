package dev.redyellow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.cycle.FeatureState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which bar of the timeline lies under the mouse, for its tooltip and for a click to select its feature. */
class TimelinePickTest {

    @Test
    void findsTheBarUnderAPointAmongThreeHundredAndNothingBetweenLanes() {
        List<TimelineBar> bars = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            bars.add(new TimelineBar("f" + i, 1 + i % 4, i / 4 * 0.1, i / 4 * 0.1 + 0.1, FeatureState.GREEN));
        }
        double width = 1080; // LEFT 70 + 1000 + 10: 7.5 s over 1000 px
        double scale = 1000 / 7.5;
        // f41: worker 2, from 1.0 s to 1.1 s
        double x = 70 + 1.05 * scale;
        double y = 8 + 26 + 3 + 5;
        assertEquals(Optional.of("f41"), TimelineChart.barAt(bars, 7.5, width, x, y).map(TimelineBar::featureId));
        assertTrue(TimelineChart.barAt(bars, 7.5, width, x, 8 + 26 + 1).isEmpty(), "the gap between two lanes");
        assertTrue(TimelineChart.barAt(bars, 7.5, width, 30, y).isEmpty(), "the lane's name");
        TimelineBar running = new TimelineBar("r", 1, 7.0, Double.NaN, FeatureState.RED);
        assertEquals("r on worker 1: 7.0 s to now, running", TimelineChart.describe(running));
        assertEquals("f41 on worker 2: 1.0 s to 1.1 s, GREEN", TimelineChart.describe(bars.get(41)));
    }
}
