package dev.redyellow.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Why a key differs from an earlier one of the same feature: the names of the inputs (the test
 * settings {@code kind}, {@code argv}, {@code env}, {@code timeout}, {@code fork},
 * {@code rerunDependencyTests} and the others of {@link CacheInput}, the {@code tool}, {@code tests},
 * {@code file:<path>}) that were added, removed or changed.
 */
public record MissExplanation(String featureId, String earlierKey, String laterKey,
                              List<String> added, List<String> removed, List<String> changed) {
    public MissExplanation {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    public static MissExplanation compare(String featureId, CacheKey earlier, CacheKey later) {
        Map<String, String> before = byName(earlier);
        Map<String, String> after = byName(later);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        after.forEach((name, hash) -> {
            String old = before.get(name);
            if (old == null) {
                added.add(name);
            } else if (!old.equals(hash)) {
                changed.add(name);
            }
        });
        List<String> removed = before.keySet().stream().filter(n -> !after.containsKey(n)).toList();
        return new MissExplanation(featureId, earlier.sha256(), later.sha256(), added, removed, changed);
    }

    public boolean isSame() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** One line per difference, for the command line and the UI. */
    public String describe() {
        if (isSame()) {
            return featureId + ": no input differs from the nearest earlier entry " + earlierKey.substring(0, 12);
        }
        String lines = java.util.stream.Stream.of(
                        added.stream().map(n -> "  added   " + n),
                        removed.stream().map(n -> "  removed " + n),
                        changed.stream().map(n -> "  changed " + n))
                .flatMap(s -> s).collect(Collectors.joining("\n"));
        return featureId + ": " + (added.size() + removed.size() + changed.size())
                + " input(s) differ from the nearest earlier entry " + earlierKey.substring(0, 12) + "\n" + lines;
    }

    private static Map<String, String> byName(CacheKey key) {
        Map<String, String> map = new TreeMap<>();
        key.inputs().forEach(i -> map.put(i.name(), i.hash()));
        return map;
    }
}
