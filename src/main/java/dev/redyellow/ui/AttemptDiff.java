package dev.redyellow.ui;

import dev.redyellow.cycle.AttemptRecord;
import dev.redyellow.store.BlobStore;
import dev.redyellow.store.SnapshotDiff;
import dev.redyellow.store.StoredFiles;
import java.util.List;

/** The diff between two attempts of a feature, from the run's code store (run as a background task). */
final class AttemptDiff {
    private AttemptDiff() {
    }

    /**
     * How attempt {@code to} differs from attempt {@code from} (1-based positions in {@code history}),
     * read from the run's code store, which holds both.
     */
    static String between(List<AttemptRecord> history, int from, int to) {
        StoredFiles before = history.get(from - 1).files();
        StoredFiles after = history.get(to - 1).files();
        BlobStore blobs = before.blobs() != null ? before.blobs() : after.blobs();
        SnapshotDiff diff = SnapshotDiff.between(before.snapshot(), after.snapshot(), blobs);
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
