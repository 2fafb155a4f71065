package tools;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for mistyped names. */
public final class Suggest {

    private Suggest() {
    }

    /**
     * The candidate closest to {@code input}, ignoring case, if it is at most {@code maxDistance}
     * edits away. On a tie the candidate that comes first wins, so callers control the order.
     */
    public static Optional<String> closest(String input, Collection<String> candidates, int maxDistance) {
        String wanted = input.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = Levenshtein.distance(wanted, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= maxDistance ? Optional.of(best) : Optional.empty();
    }
}
