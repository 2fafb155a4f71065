package dev.redyellow.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks across features: ids are unique, every {@code dependsOn} entry names a feature, and
 * the explicit dependencies form no cycle. (Inferred dependencies are the graph's business; they
 * are never a load error.)
 */
final class ExplicitDependencies {

    private final Problems problems;
    /** The first feature declared with each id, in declaration order. */
    private final Map<String, FeatureDraft> byId = new LinkedHashMap<>();

    private ExplicitDependencies(Problems problems) {
        this.problems = problems;
    }

    static void check(List<FeatureDraft> features, Problems problems) {
        new ExplicitDependencies(problems).check(features);
    }

    private void check(List<FeatureDraft> features) {
        for (FeatureDraft feature : features) {
            if (feature.id().isEmpty() || !FeatureReader.ID.matcher(feature.id()).matches()) {
                continue; // already reported; an invalid id cannot be depended on
            }
            FeatureDraft first = byId.putIfAbsent(feature.id(), feature);
            if (first != null) {
                problems.add(feature.idLocation(), "duplicate feature id \"" + feature.id() + "\" (first defined at line "
                        + first.idLocation().line() + "); ids must be unique");
            }
        }
        for (FeatureDraft feature : features) {
            for (FeatureDraft.Dependency dependency : feature.dependsOn()) {
                if (!byId.containsKey(dependency.id())) {
                    problems.add(dependency.location(), unknown(dependency.id()));
                }
            }
        }
        findCycles();
    }

    private String unknown(String id) {
        String known = String.join(", ", byId.keySet());
        Optional<String> nearest = NearestName.among(byId.keySet(), id);
        return "unknown dependency \"" + id + "\"" + nearest.map(n -> " (did you mean \"" + n + "\"?)").orElse("")
                + "; known ids: " + (known.isEmpty() ? "(none)" : known);
    }

    /**
     * Depth-first search in declaration order; every edge back to a feature on the current path
     * closes a cycle, reported at the {@code dependsOn} entry of that edge.
     */
    private void findCycles() {
        Set<String> done = new HashSet<>();
        for (String id : byId.keySet()) {
            visit(id, new ArrayList<>(), new HashMap<>(), done);
        }
    }

    private void visit(String id, List<String> path, Map<String, Integer> onPath, Set<String> done) {
        if (done.contains(id)) {
            return;
        }
        onPath.put(id, path.size());
        path.add(id);
        for (FeatureDraft.Dependency dependency : byId.get(id).dependsOn()) {
            String next = dependency.id();
            Integer start = onPath.get(next);
            if (start != null) {
                List<String> cycle = new ArrayList<>(path.subList(start, path.size()));
                cycle.add(next);
                String why = cycle.size() == 2 ? " (a feature cannot depend on itself)" : " (each depends on the next)";
                problems.add(dependency.location(), "dependency cycle: " + String.join(" -> ", cycle) + why);
            } else if (byId.containsKey(next)) {
                visit(next, path, onPath, done);
            }
        }
        path.remove(path.size() - 1);
        onPath.remove(id);
        done.add(id);
    }
}
