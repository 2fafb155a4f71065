package dev.redyellow.ui;

import dev.redyellow.graph.DependencyEdge;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.Transition;
import dev.redyellow.run.RunListener;
import dev.redyellow.stream.Chunk;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;

/**
 * The one way engine events reach the view models. Worker and streaming threads only enqueue (events
 * in a concurrent queue, output as lines in a bounded buffer, each feature's latest attempt in a map);
 * once per frame an {@link AnimationTimer} drains the events on the FX thread in one go, and the
 * output lines at most every {@link #LINES_EVERY_NANOS}. No {@code Platform.runLater} per event or
 * chunk, so a flood of output costs one bounded batch per pane update.
 *
 * <p>Why the output waits for a tenth of a second: on a software renderer (no GPU, as under Xvfb or a
 * remote desktop) JavaFX's pulse logger showed every scroll of the pane followed by a repaint of the
 * whole window, 40-110 ms each on this 2-core machine; updating the pane 60 times a second made those
 * the common case. Nobody reads a flood faster than ten screens a second, and IDE consoles batch their
 * output the same way.
 */
public final class EventBridge implements RunListener, Consumer<Chunk> {
    private sealed interface Event permits Moved, Started, Finished, Asked, Found, Then {
    }

    private record Moved(Transition transition) implements Event {
    }

    private record Started(String featureId, int worker, long nanos) implements Event {
    }

    private record Finished(FeatureOutcome outcome, long nanos) implements Event {
    }

    private record Found(DependencyEdge edge) implements Event {
    }

    private record Asked(String featureId) implements Event {
    }

    /**
     * Work that must follow the events queued before it, in a frame of its own, and not in the frame
     * that shows what happened when it was queued (a click's changes, say): it waits until a second
     * frame has begun since. Frames are counted, not timed, so no clock can hold it back.
     */
    private record Then(Runnable work, long queuedInFrame) implements Event {
        boolean due(long frame) {
            return frame >= queuedInFrame + 2;
        }
    }

    private final Queue<Event> events = new ConcurrentLinkedQueue<>();
    /** The pane is given output at most this often (100 ms); state changes still reach every frame. */
    static final long LINES_EVERY_NANOS = 100_000_000L;
    /**
     * Lines handed to the pane per update at most: more than anyone reads, few enough that a flood
     * costs the FX thread a bounded slice of a frame. The older waiting lines are in the log file.
     */
    static final int LINES_PER_UPDATE = 1_000;

    private final LineBuffer lines = new LineBuffer(LINES_PER_UPDATE);
    private final Map<String, Integer> latestAttempt = new ConcurrentHashMap<>();
    private final ProjectViewModel project;
    private final StreamViewModel stream;
    private final MetricsViewModel metrics;
    private final LongSupplier nanos;
    private final Runnable onFrame;
    private volatile long runStartNanos;
    private AnimationTimer timer;
    private boolean running;
    /** Frames drained so far (FX thread). */
    private long frames;
    private long drainNanos;
    private long linesNanos;
    private boolean linesGiven;

    /**
     * @param nanos   the clock of the timeline ({@code System::nanoTime})
     * @param onFrame called after each drain, on the same thread
     */
    public EventBridge(ProjectViewModel project, StreamViewModel stream, MetricsViewModel metrics, LongSupplier nanos,
                       Runnable onFrame) {
        this.project = project;
        this.stream = stream;
        this.metrics = metrics;
        this.nanos = nanos;
        this.onFrame = onFrame;
    }

    @Override
    public void transition(Transition transition) {
        events.add(new Moved(transition));
    }

    @Override
    public void featureStarted(String featureId, int worker) {
        events.add(new Started(featureId, worker, nanos.getAsLong()));
    }

    @Override
    public void featureFinished(FeatureOutcome outcome) {
        events.add(new Finished(outcome, nanos.getAsLong()));
    }

    @Override
    public void edgeDiscovered(DependencyEdge edge) {
        events.add(new Found(edge));
    }

    /** A feature waits for the person's review (called on the worker that waits). */
    public void reviewRequested(String featureId) {
        events.add(new Asked(featureId));
    }

    /** A chunk of output (called on the streaming thread). */
    @Override
    public void accept(Chunk chunk) {
        lines.add(chunk);
        latestAttempt.merge(chunk.featureId(), chunk.attempt(), Math::max);
    }

    /** Forgets what a previous run left and starts the timeline's clock. */
    void beginRun() {
        events.clear();
        lines.clear();
        latestAttempt.clear();
        runStartNanos = nanos.getAsLong();
    }

    /** The output ended: its unfinished last lines become lines. */
    void endOutput() {
        lines.endLines();
    }

    double secondsSinceStart() {
        return (nanos.getAsLong() - runStartNanos) / 1e9;
    }

    /** Applies everything that arrived since the last call; returns how many events it applied. */
    public int drain() {
        return drain(true);
    }

    /**
     * Runs {@code work} on the FX thread after every event queued so far has been applied, in a frame of
     * its own while the bridge runs once per frame (a run's start and end change most of the window;
     * split over frames, none stalls), at once when it does not (view-model tests drain by hand).
     */
    void then(Runnable work) {
        events.add(new Then(work, frames));
        if (!running) {
            drain(true);
        }
    }

    private int drain(boolean withLines) {
        return drain(withLines, false);
    }

    /** One frame of the running window (the timer calls it; tests may too, after {@link #runFrameByFrame()}). */
    int drainFrame(boolean withLines) {
        frames++;
        return drain(withLines, true);
    }

    /**
     * The events, and the output lines when {@code withLines}. Frame by frame a {@code then} is applied
     * alone, when due: the events before it end the frame, and it ends its own; and no output is taken
     * while one waits at the head (it may be the reset of a new run, which would wipe it).
     */
    private int drain(boolean withLines, boolean frameByFrame) {
        int applied = 0;
        for (Event e = events.peek(); e != null; e = events.peek()) {
            if (frameByFrame && e instanceof Then t && (applied > 0 || !t.due(frames))) {
                break;
            }
            events.poll();
            apply(e);
            applied++;
            if (frameByFrame && e instanceof Then) {
                break;
            }
        }
        if (withLines && !(frameByFrame && events.peek() instanceof Then)) {
            stream.append(lines.take());
            stream.droppedProperty().set(lines.dropped());
        }
        latestAttempt.forEach((id, attempt) -> project.item(id).ifPresent(item -> {
            if (item.attemptProperty().get() < attempt) {
                item.attemptProperty().set(attempt);
            }
        }));
        onFrame.run();
        return applied;
    }

    private void apply(Event e) {
        if (e instanceof Moved m) {
            project.item(m.transition().featureId()).ifPresent(item -> item.apply(m.transition()));
        } else if (e instanceof Started s) {
            project.item(s.featureId()).ifPresent(item -> item.workerProperty().set(s.worker()));
            metrics.started(s.featureId(), s.worker(), (s.nanos() - runStartNanos) / 1e9);
        } else if (e instanceof Finished f) {
            project.item(f.outcome().id()).ifPresent(item -> item.finish(f.outcome()));
            metrics.finished(f.outcome(), (f.nanos() - runStartNanos) / 1e9);
        } else if (e instanceof Found found) {
            project.edgeDiscovered(found.edge());
        } else if (e instanceof Asked a) {
            project.item(a.featureId()).ifPresent(item -> item.awaitingReviewProperty().set(true));
        } else if (e instanceof Then t) {
            t.work().run();
        }
    }

    /** The longest a frame's drain took since the last call (for the stall benchmark); resets it. */
    public long takeLongestDrainNanos() {
        long longest = drainNanos;
        drainNanos = 0;
        return longest;
    }

    /** From now on {@code then} waits for frames, which the caller drains with {@link #drainFrame} (tests). */
    void runFrameByFrame() {
        running = true;
    }

    /** Starts draining once per frame (FX thread). */
    public void start() {
        running = true;
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t0 = System.nanoTime();
                    // Output waits a frame when the events of this one changed something (a state change
                    // restyles and repaints parts of the window): one of the two a frame, unless overdue.
                    long waited = now - linesNanos;
                    boolean due = !linesGiven || waited >= LINES_EVERY_NANOS;
                    boolean withLines = due && (events.isEmpty() || waited >= 3 * LINES_EVERY_NANOS);
                    if (withLines) {
                        linesNanos = now;
                        linesGiven = true;
                    }
                    drainFrame(withLines);
                    drainNanos = Math.max(drainNanos, System.nanoTime() - t0);
                }
            };
        }
        timer.start();
    }

    public void stop() {
        running = false;
        if (timer != null) {
            timer.stop();
        }
    }
}
