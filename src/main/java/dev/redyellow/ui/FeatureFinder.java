package dev.redyellow.ui;

import dev.redyellow.manifest.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The type-ahead of the graph's find field: the features whose id or title contains the query,
 * ignoring case, best first (the id itself, then ids starting with it, ids containing it, titles
 * containing it), each rank in manifest order.
 */
final class FeatureFinder {

    private FeatureFinder() {
    }

    static List<String> matches(List<Feature> features, String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return List.of();
        }
        List<List<String>> ranks = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Feature f : features) {
            String id = f.id().toLowerCase(Locale.ROOT);
            int rank = id.equals(q) ? 0 : id.startsWith(q) ? 1 : id.contains(q) ? 2
                    : f.title().toLowerCase(Locale.ROOT).contains(q) ? 3 : -1;
            if (rank >= 0) {
                ranks.get(rank).add(f.id());
            }
        }
        return ranks.stream().flatMap(List::stream).toList();
    }
}
