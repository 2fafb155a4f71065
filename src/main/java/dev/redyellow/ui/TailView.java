package dev.redyellow.ui;

import dev.redyellow.stream.ChunkKind;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.VPos;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.Text;

/**
 * The output pane while it follows the tail: as many rows as fit, each a plain {@link Text} changed in
 * place when new output comes. Not a list control: a list re-laid out all its cells at every update,
 * repainted its whole area (row backgrounds included), 10-45 ms a time on a software renderer, and
 * restyled cells during layout, after which JavaFX repainted the whole window. Changing a few texts
 * costs no layout and a repaint of the rows that changed. (A canvas was tried too: one dirty region
 * instead of one per row, but drawing its image took 27-45 ms a time on the software renderer.) Long
 * lines are cut at the pane's edge; the full output is one click away in the log file, or scrollable
 * with "Follow tail" off.
 */
final class TailView extends Region {
    static final double ROW = 21;
    private static final double PAD = 4;
    private static final Font MONO = monospaced(FontPosture.REGULAR);
    private static final Font MONO_ITALIC = monospaced(FontPosture.ITALIC);
    private static final double CHAR_WIDTH = charWidth(MONO);
    private static final Paint OUTPUT = Color.web("#1e1e1e");
    private static final Paint ERROR = Color.web("#b3261e");
    private static final Paint LOG = Color.web("#6a6a6a");

    private final StreamViewModel stream;
    private final List<Text> rows = new ArrayList<>();

    TailView(StreamViewModel stream) {
        this.stream = stream;
        getStyleClass().add("tail-view");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        stream.tail().addListener((ListChangeListener<StreamLine>) c -> show());
        stream.featureProperty().addListener(o -> show()); // a resize lays the rows out, and shows them again
    }

    private static Font monospaced(FontPosture posture) {
        Font dejaVu = Font.font("DejaVu Sans Mono", posture, 12);
        return dejaVu.getFamily().startsWith("DejaVu Sans Mono") ? dejaVu : Font.font("Monospaced", posture, 12);
    }

    private static double charWidth(Font font) {
        Text probe = new Text("0123456789");
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth() / 10;
    }

    /** As many rows as fit; the view model keeps that many newest lines in its tail. */
    @Override
    protected void layoutChildren() {
        int fit = Math.max(1, (int) ((getHeight() - 2 * PAD) / ROW));
        while (rows.size() < fit) {
            Text row = new Text();
            row.setManaged(false);
            row.setTextOrigin(VPos.TOP);
            row.setFont(MONO);
            row.setFill(OUTPUT);
            row.relocate(6, PAD + rows.size() * ROW + 2);
            rows.add(row);
            getChildren().add(row);
        }
        stream.tailRowsProperty().set(fit);
        show();
    }

    /** Puts the tail's lines in the rows, changing only the rows whose line changed. */
    private void show() {
        List<StreamLine> tail = stream.tail();
        boolean withSource = stream.featureProperty().get() == null;
        // A row is given what fits in the pane: a 4,000-character line is not laid out whole to show its start.
        int fits = Math.max(1, (int) (getWidth() / CHAR_WIDTH) + 1);
        for (int i = 0; i < rows.size(); i++) {
            Text row = rows.get(i);
            StreamLine line = i < tail.size() ? tail.get(i) : null;
            String text = line == null ? "" : line.shown(withSource);
            if (text.length() > fits) {
                text = text.substring(0, fits);
            }
            if (!text.equals(row.getText())) {
                row.setText(text);
            }
            ChunkKind kind = line == null ? ChunkKind.TEST_OUTPUT : line.kind();
            Paint fill = kind == ChunkKind.ERROR ? ERROR : kind == ChunkKind.LOG ? LOG : OUTPUT;
            if (row.getFill() != fill) {
                row.setFill(fill);
                row.setFont(kind == ChunkKind.LOG ? MONO_ITALIC : MONO);
            }
        }
    }

    /** The rows' texts, top to bottom, each cut at the pane's edge; empty rows included (for tests). */
    List<String> shownTexts() {
        return rows.stream().map(Text::getText).toList();
    }
}
