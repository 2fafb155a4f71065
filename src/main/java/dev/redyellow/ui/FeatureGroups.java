package dev.redyellow.ui;

import dev.redyellow.cycle.FeatureState;
import dev.redyellow.manifest.Feature;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The groups of the graph: a feature's {@code group} from the manifest, else the package or folder of
 * its test files (the first one by path), with the usual source roots taken off:
 * {@code src/test/java/sorts/quick/QuickTest.java} is in {@code sorts.quick}.
 */
final class FeatureGroups {
    static final String TOP = "(top)";
    private static final List<String> ROOTS = List.of("src/test/java/", "src/main/java/", "src/test/kotlin/",
            "src/test/", "src/main/", "src/", "tests/", "test/", "__tests__/");

    private FeatureGroups() {
    }

    static String groupOf(Feature feature) {
        if (!feature.group().isEmpty()) {
            return feature.group();
        }
        TreeSet<String> paths = new TreeSet<>(feature.tests().paths());
        if (paths.isEmpty()) {
            return TOP;
        }
        String path = paths.first();
        int slash = path.lastIndexOf('/');
        String folder = slash < 0 ? "" : path.substring(0, slash + 1);
        for (String root : ROOTS) {
            if (folder.startsWith(root)) {
                folder = folder.substring(root.length());
                break;
            }
        }
        folder = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
        return folder.isEmpty() ? TOP : folder.replace('/', '.');
    }

    /** Each group's features, groups in the order of their first feature in the manifest. */
    static Map<String, List<String>> of(List<Feature> features) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Feature f : features) {
            groups.computeIfAbsent(groupOf(f), g -> new ArrayList<>()).add(f.id());
        }
        return groups;
    }

    /** "sorts: 41 GREEN, 2 FAILED": how many of the group's features are in each state, in the cycle's order. */
    static String summary(String group, Collection<FeatureState> states) {
        Map<FeatureState, Integer> counts = new EnumMap<>(FeatureState.class);
        states.forEach(s -> counts.merge(s, 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((state, n) -> parts.add(n + " " + state.name()));
        return group + ": " + (parts.isEmpty() ? "no features" : String.join(", ", parts));
    }
}
