package dev.redyellow.ui;

import dev.redyellow.graph.DependencyEdge;
import dev.redyellow.graph.LayeredLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wraps a layer taller than the window into sub-columns side by side: the points of a layer (its
 * vertices and the bends that cross it) keep their order, top to bottom then left to right, at most
 * {@code maxRows} rows to a sub-column; the layers after it move right. A graph with 216 roots would
 * otherwise open as one column 216 rows tall.
 */
final class ColumnWrap {

    private ColumnWrap() {
    }

    static LayeredLayout.Result wrap(LayeredLayout.Result layout, int maxRows) {
        if (maxRows < 1 || layout.rows() <= maxRows) {
            return layout;
        }
        int layers = layout.layers();
        int[] subColumns = new int[layers];
        for (LayeredLayout.Point p : points(layout)) {
            int layer = (int) Math.round(p.x());
            subColumns[layer] = Math.max(subColumns[layer], subColumn(p, maxRows) + 1);
        }
        int[] offset = new int[layers + 1];
        for (int l = 0; l < layers; l++) {
            offset[l + 1] = offset[l] + Math.max(1, subColumns[l]);
        }
        Map<String, LayeredLayout.Point> positions = new LinkedHashMap<>();
        double[] rows = {0};
        layout.positions().forEach((id, p) -> {
            LayeredLayout.Point q = moved(p, maxRows, offset);
            rows[0] = Math.max(rows[0], q.y() + 1);
            positions.put(id, q);
        });
        Map<DependencyEdge, List<LayeredLayout.Point>> routes = new LinkedHashMap<>();
        layout.routes().forEach((e, route) -> routes.put(e, route.stream().map(p -> moved(p, maxRows, offset)).toList()));
        return new LayeredLayout.Result(positions, routes, offset[layers], rows[0], layout.initialCrossings(),
                layout.crossings());
    }

    private static List<LayeredLayout.Point> points(LayeredLayout.Result layout) {
        List<LayeredLayout.Point> all = new ArrayList<>(layout.positions().values());
        layout.routes().values().forEach(all::addAll);
        return all;
    }

    private static int subColumn(LayeredLayout.Point p, int maxRows) {
        return (int) Math.floor(Math.max(0, p.y()) / maxRows);
    }

    private static LayeredLayout.Point moved(LayeredLayout.Point p, int maxRows, int[] offset) {
        int k = subColumn(p, maxRows);
        return new LayeredLayout.Point(offset[(int) Math.round(p.x())] + k, p.y() - (double) k * maxRows);
    }
}
