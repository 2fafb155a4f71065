package dev.redyellow.graph;

import java.util.List;

/**
 * The chain of features with the largest summed estimate: no schedule, however many workers, can
 * finish sooner than {@code totalSeconds}.
 *
 * @param ids features in dependency order (each depends on the one before it); empty for an empty graph
 */
public record CriticalPath(List<String> ids, double totalSeconds) {
    public CriticalPath {
        ids = List.copyOf(ids);
    }
}
