package dev.redyellow.ui;

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
        double span = Math.max(1, Math.max(now, metrics.bars().stream()
                .mapToDouble(b -> b.running() ? now : b.end()).max().orElse(0)));
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
