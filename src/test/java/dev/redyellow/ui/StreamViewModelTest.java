package dev.redyellow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redyellow.stream.ChunkKind;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StreamViewModelTest {

    private static List<StreamLine> lines(String feature, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> new StreamLine(feature, 1, ChunkKind.TEST_OUTPUT, "line " + i)).toList();
    }

    @Test
    void retainsOnlyTheNewestLines() {
        StreamViewModel stream = new StreamViewModel();
        stream.append(lines("a", 0, StreamViewModel.RETAINED - 10));
        stream.append(lines("a", StreamViewModel.RETAINED - 10, StreamViewModel.RETAINED + 20));
        assertEquals(StreamViewModel.RETAINED, stream.retained().size());
        assertEquals("line 20", stream.retained().get(0).text());
        assertEquals("line " + (StreamViewModel.RETAINED + 19), stream.retained().get(StreamViewModel.RETAINED - 1).text());
    }

    @Test
    void aBatchLargerThanTheLimitKeepsItsTail() {
        StreamViewModel stream = new StreamViewModel();
        stream.append(lines("a", 0, 3));
        stream.append(lines("a", 0, StreamViewModel.RETAINED * 2));
        assertEquals(StreamViewModel.RETAINED, stream.retained().size());
        assertEquals("line " + StreamViewModel.RETAINED, stream.retained().get(0).text());
    }

    @Test
    void showsOneFeatureOrAll() {
        StreamViewModel stream = new StreamViewModel();
        stream.append(lines("a", 0, 3));
        stream.append(lines("b", 0, 2));
        stream.featureProperty().set("b");
        assertEquals(2, stream.shown().size());
        stream.append(lines("b", 2, 3));
        assertEquals(3, stream.shown().size(), "new lines of the chosen feature show at once");
        stream.featureProperty().set(null);
        assertEquals(6, stream.shown().size());
    }

    @Test
    void theTailHoldsTheNewestLinesThatFitAndFollowsTheFilter() {
        StreamViewModel stream = new StreamViewModel();
        stream.tailRowsProperty().set(3);
        stream.append(lines("a", 0, 10));
        assertEquals(List.of("line 7", "line 8", "line 9"), stream.tail().stream().map(StreamLine::text).toList());

        stream.append(lines("b", 0, 2));
        stream.featureProperty().set("a");
        assertEquals(List.of("line 7", "line 8", "line 9"), stream.tail().stream().map(StreamLine::text).toList());

        stream.featureProperty().set(null);
        stream.tailRowsProperty().set(2);
        assertEquals(List.of("b", "b"), stream.tail().stream().map(StreamLine::featureId).toList());

        stream.clear();
        assertEquals(List.of(), stream.tail());
    }
}
