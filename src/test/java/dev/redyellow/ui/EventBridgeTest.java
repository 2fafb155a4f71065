package dev.redyellow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redyellow.ProjectFiles;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.cycle.Transition;
import dev.redyellow.stream.Chunk;
import dev.redyellow.stream.ChunkKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bridge drained frame by frame by hand, as the window's timer drains it, without a window. */
class EventBridgeTest {
    private final ProjectViewModel project = new ProjectViewModel(new InlineTasks());
    private final StreamViewModel stream = new StreamViewModel();
    private final EventBridge bridge = new EventBridge(project, stream, new MetricsViewModel(), System::nanoTime, () -> { });
    private final List<String> log = new ArrayList<>();

    EventBridgeTest() {
        project.open(ProjectFiles.samples().resolve("string-tools/manifest.json"));
        bridge.runFrameByFrame();
    }

    private void moved(String feature) {
        bridge.transition(new Transition(feature, FeatureState.PENDING, FeatureState.RED, Instant.EPOCH, "test"));
    }

    private static Chunk output(String text) {
        return new Chunk("normalize", 1, ChunkKind.TEST_OUTPUT, 1, 1, Instant.EPOCH, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void thenRunsAloneInTheSecondFrameAfterItWasQueuedAndAfterTheEventsBeforeIt() {
        moved("normalize");
        bridge.then(() -> log.add("then: normalize is " + project.item("normalize").orElseThrow().state()));
        moved("words");

        bridge.drainFrame(true);
        assertEquals(FeatureState.RED, project.item("normalize").orElseThrow().state(), "the event before it, at once");
        assertEquals(List.of(), log, "not in the frame it was queued for");
        assertEquals(FeatureState.PENDING, project.item("words").orElseThrow().state(), "nothing passes it");

        bridge.drainFrame(true);
        assertEquals(List.of("then: normalize is RED"), log, "in the second frame, after the earlier event");
        assertEquals(FeatureState.PENDING, project.item("words").orElseThrow().state(), "alone in its frame");

        bridge.drainFrame(true);
        assertEquals(FeatureState.RED, project.item("words").orElseThrow().state(), "the events after it, next");
    }

    @Test
    void noOutputIsTakenWhileAThenWaitsSoANewRunsResetCannotWipeIt() {
        bridge.then(stream::clear); // what a new run's reset does to the pane
        bridge.accept(output("first line of the new run\n"));

        bridge.drainFrame(true);
        assertEquals(List.of(), stream.retained(), "held back while the reset waits");
        bridge.drainFrame(true);
        bridge.drainFrame(true);
        assertEquals(List.of("first line of the new run"), stream.retained().stream().map(StreamLine::text).toList(),
                "given after the reset, not wiped by it");
    }
}
