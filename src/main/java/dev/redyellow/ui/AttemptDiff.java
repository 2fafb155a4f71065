package dev.redyellow.ui;

import dev.redyellow.cycle.AttemptRecord;
import dev.redyellow.store.AttemptHistory;
import dev.redyellow.store.BlobStore;
import dev.redyellow.store.SnapshotDiff;
import java.nio.file.Path;
import java.util.List;

/** The diff between two attempts of a feature, through the code store (run as a background task). */
final class AttemptDiff {
    private static final long MEMORY = 64L << 20;

    private AttemptDiff() {
    }

    /** How attempt {@code to} differs from attempt {@code from} (1-based positions in {@code history}). */
    static String between(String featureId, List<AttemptRecord> history, int from, int to, Path spillParent) {
        try (BlobStore blobs = new BlobStore(spillParent, MEMORY)) {
            AttemptHistory attempts = new AttemptHistory(blobs);
            history.forEach(a -> attempts.record(featureId, a.files(), a.result().orElse(null)));
            SnapshotDiff diff = attempts.diff(featureId, from, to);
            if (diff.isEmpty()) {
                return "Attempts " + from + " and " + to + " have the same files.";
            }
            StringBuilder text = new StringBuilder();
            diff.added().forEach(p -> text.append("added   ").append(p).append('\n'));
            diff.removed().forEach(p -> text.append("removed ").append(p).append('\n'));
            diff.changed().stream().filter(p -> !diff.textDiffs().containsKey(p))
                    .forEach(p -> text.append("changed ").append(p).append(" (binary)\n"));
            diff.textDiffs().values().forEach(d -> text.append('\n').append(d));
            return text.toString();
        }
    }
}
