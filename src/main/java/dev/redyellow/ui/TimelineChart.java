package dev.redyellow.ui;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Tooltip;

import dev.redyellow.cycle.FeatureState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The per-worker timeline (Gantt style): a lane per worker, a bar per feature from its start to its
 * end, coloured by how it ended; running bars grow with the clock. Redrawn at most once per pulse,
 * from layout, however many bars changed in the frame.
 */
final class TimelineChart extends Region {
    private static final double LANE = 26;
    private static final double LEFT = 70;
    private static final double TOP = 8;
    private static final double AXIS = 22;

    private final MetricsViewModel metrics;
    private final Canvas canvas = new Canvas();
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing", true);
    private boolean dirty = true;
    private int draws;
    /** The feature whose bars are outlined (the selected one), or null. */
    private String highlighted;
    private final Tooltip tip = new Tooltip();

    TimelineChart(MetricsViewModel metrics) {
        this.metrics = metrics;
        getStyleClass().add("timeline");
        getChildren().add(canvas);
        metrics.bars().addListener((ListChangeListener<TimelineBar>) c -> redrawSoon());
        metrics.wallSecondsProperty().addListener(o -> redrawSoon());
        showing.addListener((o, was, now) -> {
            if (now) {
                redrawSoon();
            }
        });
        setMinHeight(80);
        // With 300 features most bars are too narrow for their names: hovering names one, a click selects it.
        Tooltip.install(canvas, tip);
        canvas.setOnMouseMoved(e -> tip.setText(barAt(e.getX(), e.getY()).map(b -> describe(b, metrics.membersOf(b.featureId())))
                .orElse("Hover over a bar for its feature; click to select it")));
    }

    /** What a click on a bar does with its feature id (the window selects it). */
    void onPick(Consumer<String> pick) {
        canvas.setOnMouseClicked(e -> barAt(e.getX(), e.getY()).ifPresent(b -> pick.accept(b.featureId())));
    }

    /** Outlines the bars of {@code featureId} (null: none). */
    void highlight(String featureId) {
        highlighted = featureId;
        redrawSoon();
    }

    /** As {@link #describe(TimelineBar)}, with the cluster members its test runs went to, when any. */
    static String describe(TimelineBar b, List<String> members) {
        return describe(b) + (members.isEmpty() ? "" : "; tests on " + String.join(", ", members));
    }

    static String describe(TimelineBar b) {
        return b.featureId() + " on worker " + b.worker() + ": " + String.format(Locale.ROOT, "%.1f", b.start()) + " s to "
                + (b.running() ? "now, running" : String.format(Locale.ROOT, "%.1f s, %s", b.end(), b.state().name()));
    }

    private Optional<TimelineBar> barAt(double x, double y) {
        return barAt(metrics.bars(), metrics.wallSecondsProperty().get(), canvas.getWidth(), x, y);
    }

    /** The bar drawn at (x, y) on a chart {@code width} wide at {@code now}, as {@link #draw} places them. */
    static Optional<TimelineBar> barAt(List<TimelineBar> bars, double now, double width, double x, double y) {
        double scale = (width - LEFT - 10) / span(bars, now);
        TimelineBar found = null;
        for (TimelineBar b : bars) {
            double left = LEFT + b.start() * scale;
            double right = left + Math.max(2, ((b.running() ? now : b.end()) - b.start()) * scale);
            double top = lane(b.worker()) + 3;
            if (x >= left - 1 && x <= right + 1 && y >= top && y <= top + LANE - 6) {
                found = b; // the last drawn is on top
            }
        }
        return Optional.ofNullable(found);
    }

    private static double span(List<TimelineBar> bars, double now) {
        return Math.max(1, Math.max(now, bars.stream().mapToDouble(b -> b.running() ? now : b.end()).max().orElse(0)));
    }

    /**
     * Whether the chart is on screen (its tab selected). A hidden chart does not draw: redrawing a
     * canvas in a tab not shown made JavaFX repaint the whole window every frame of a run, which on
     * a software renderer took 50-90 ms a frame. It draws once when it is shown again.
     */
    BooleanProperty showingProperty() {
        return showing;
    }

    /** How many times the chart has drawn itself (for tests). */
    int draws() {
        return draws;
    }

    private void redrawSoon() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            dirty = true;
        }
        if (dirty && showing.get()) {
            dirty = false;
            draws++;
            draw(canvas.getGraphicsContext2D());
        }
    }

    private void draw(GraphicsContext g) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        int workers = metrics.bars().stream().mapToInt(TimelineBar::worker).max().orElse(0);
        double now = metrics.wallSecondsProperty().get();
        double span = span(metrics.bars(), now);
        double scale = (w - LEFT - 10) / span;
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Color.web("#555555"));
        if (workers == 0) {
            g.fillText("The timeline fills as features run.", LEFT, TOP + LANE / 2);
            return;
        }
        for (int worker = 1; worker <= workers; worker++) {
            g.setFill(Color.web("#555555"));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText("worker " + worker, 6, lane(worker) + LANE / 2);
        }
        for (TimelineBar b : metrics.bars()) {
            double x = LEFT + b.start() * scale;
            double end = b.running() ? now : b.end();
            double bw = Math.max(2, (end - b.start()) * scale);
            double y = lane(b.worker()) + 3;
            g.setFill(b.running() ? Color.web("#e5534b") : colour(b.state()));
            g.fillRoundRect(x, y, bw, LANE - 6, 5, 5);
            if (b.featureId().equals(highlighted)) {
                g.setStroke(Color.web("#1f6feb"));
                g.setLineWidth(3);
                g.strokeRoundRect(x - 1, y - 1, bw + 2, LANE - 4, 5, 5);
                g.setLineWidth(1);
            }
            if (bw > 40) {
                g.setFill(b.state() == FeatureState.GREEN || b.running() || b.state() == FeatureState.YELLOW
                        ? Color.BLACK : Color.WHITE);
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(clip(b.featureId(), bw), x + 4, y + (LANE - 6) / 2);
            }
        }
        double axisY = lane(workers + 1) + 4;
        g.setStroke(Color.web("#999999"));
        g.strokeLine(LEFT, axisY, w - 10, axisY);
        g.setFill(Color.web("#555555"));
        g.setTextAlign(TextAlignment.CENTER);
        double step = niceStep(span);
        for (double t = 0; t <= span + 1e-9; t += step) {
            g.fillText(String.format("%.0f s", t), LEFT + t * scale, axisY + 10);
        }
        setPrefHeight(axisY + AXIS);
    }

    private static double lane(int worker) {
        return TOP + (worker - 1) * LANE;
    }

    private static String clip(String text, double width) {
        int fits = (int) ((width - 8) / 6.5);
        return text.length() <= fits ? text : text.substring(0, Math.max(1, fits - 1)) + "…";
    }

    private static double niceStep(double span) {
        for (double step : new double[] {1, 2, 5, 10, 15, 30, 60, 120, 300, 600}) {
            if (span / step <= 10) {
                return step;
            }
        }
        return 1200;
    }

    static Color colour(FeatureState s) {
        return switch (s) {
            case PENDING -> Color.web("#c8c8c8");
            case RED -> Color.web("#e5534b");
            case YELLOW -> Color.web("#f2cc4b");
            case GREEN -> Color.web("#57ab5a");
            case FAILED -> Color.web("#7a1f1f");
            case BLOCKED -> Color.web("#555555");
            case CANCELLED -> Color.web("#333333");
        };
    }
}
