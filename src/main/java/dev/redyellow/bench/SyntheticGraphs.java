package dev.redyellow.bench;

import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.ImplementerSettings;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ReviewSettings;
import dev.redyellow.manifest.TestSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Feature graphs made up for benchmarks, each with a known duration per feature. Durations vary
 * tenfold (uniform in [unit, 10 x unit]) from a fixed seed, so every run sees the same graph.
 */
final class SyntheticGraphs {

    /** A graph: features in manifest order, each with its dependencies and its duration in seconds. */
    record Shape(String name, Map<String, List<String>> dependsOn, Map<String, Double> seconds) {

        Manifest manifest() {
            List<Feature> features = new ArrayList<>();
            dependsOn.forEach((id, deps) -> features.add(new Feature(id, id, "", deps, List.of(),
                    new TestSettings.JUnit(60), new ImplementerSettings.Replay(), new ReviewSettings.Auto(),
                    FileSet.empty(), List.of(), null)));
            return new Manifest(Path.of("/bench/" + name + ".json"), 1, name, null, 1, 1, 2, false, features, "");
        }

        double sumSeconds() {
            return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** The same graph with every duration scaled so that they add up to {@code total}. */
        Shape scaledTo(double total) {
            double factor = total / sumSeconds();
            Map<String, Double> scaled = new LinkedHashMap<>();
            seconds.forEach((id, s) -> scaled.put(id, s * factor));
            return new Shape(name, dependsOn, scaled);
        }

        Shape zeroDurations() {
            Map<String, Double> zero = new LinkedHashMap<>();
            seconds.keySet().forEach(id -> zero.put(id, 0.0));
            return new Shape(name + "-zero", dependsOn, zero);
        }
    }

    private SyntheticGraphs() {
    }

    static Shape chain(int n, long seed) {
        Map<String, List<String>> deps = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            deps.put(id(i), i == 0 ? List.of() : List.of(id(i - 1)));
        }
        return withDurations("chain-" + n, deps, seed);
    }

    static Shape fanOut(int n, long seed) {
        Map<String, List<String>> deps = new LinkedHashMap<>();
        deps.put(id(0), List.of());
        for (int i = 1; i < n; i++) {
            deps.put(id(i), List.of(id(0)));
        }
        return withDurations("fan-out-" + n, deps, seed);
    }

    /** A width x depth grid; each node depends on the node above it and the one above-left. */
    static Shape diamondLattice(int width, int depth, long seed) {
        Map<String, List<String>> deps = new LinkedHashMap<>();
        for (int row = 0; row < depth; row++) {
            for (int col = 0; col < width; col++) {
                List<String> d = new ArrayList<>();
                if (row > 0) {
                    d.add(id((row - 1) * width + col));
                    if (col > 0) {
                        d.add(id((row - 1) * width + col - 1));
                    }
                }
                deps.put(id(row * width + col), d);
            }
        }
        return withDurations("lattice-" + width + "x" + depth, deps, seed);
    }

    /** n features in {@code layers} layers; each depends on 1 to 3 features of earlier layers. */
    static Shape randomLayered(int n, int layers, long seed) {
        Random random = new Random(seed);
        Map<String, List<String>> deps = new LinkedHashMap<>();
        int perLayer = Math.max(1, n / layers);
        for (int i = 0; i < n; i++) {
            int layer = Math.min(layers - 1, i / perLayer);
            List<String> d = new ArrayList<>();
            if (layer > 0) {
                int earlier = layer * perLayer;
                int count = 1 + random.nextInt(3);
                for (int k = 0; k < count; k++) {
                    String dep = id(random.nextInt(earlier));
                    if (!d.contains(dep)) {
                        d.add(dep);
                    }
                }
            }
            deps.put(id(i), d);
        }
        return withDurations("random-" + n, deps, seed);
    }

    private static Shape withDurations(String name, Map<String, List<String>> deps, long seed) {
        Random random = new Random(seed * 31 + name.hashCode());
        Map<String, Double> seconds = new LinkedHashMap<>();
        deps.keySet().forEach(id -> seconds.put(id, 1.0 + 9.0 * random.nextDouble()));
        return new Shape(name, deps, seconds);
    }

    private static String id(int i) {
        return String.format("f%03d", i);
    }
}
