package dev.redyellow.store;

import dev.redyellow.manifest.FileSet;
import dev.redyellow.testing.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every attempt of every feature, kept as snapshots in one {@link BlobStore} so that attempts which
 * share files (most of them do) cost their differences only. The UI lists and diffs attempts from
 * here. Thread-safe.
 */
public final class AttemptHistory {
    private final BlobStore blobs;
    private final Map<String, List<AttemptSnapshot>> byFeature = new TreeMap<>();

    public AttemptHistory(BlobStore blobs) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
    }

    /** Keeps the files and result of the feature's next attempt and returns it. */
    public AttemptSnapshot record(String featureId, FileSet files, TestResult result) {
        Snapshot snapshot = Snapshot.take(files, blobs);
        synchronized (byFeature) {
            List<AttemptSnapshot> attempts = byFeature.computeIfAbsent(featureId, id -> new ArrayList<>());
            AttemptSnapshot attempt = new AttemptSnapshot(featureId, attempts.size() + 1, snapshot, result);
            attempts.add(attempt);
            return attempt;
        }
    }

    public List<AttemptSnapshot> attempts(String featureId) {
        synchronized (byFeature) {
            return List.copyOf(byFeature.getOrDefault(featureId, List.of()));
        }
    }

    public Set<String> features() {
        synchronized (byFeature) {
            return Set.copyOf(byFeature.keySet());
        }
    }

    public AttemptSnapshot attempt(String featureId, int number) {
        List<AttemptSnapshot> attempts = attempts(featureId);
        if (number < 1 || number > attempts.size()) {
            throw new IllegalArgumentException(featureId + " has no attempt " + number + " (it has "
                    + attempts.size() + ")");
        }
        return attempts.get(number - 1);
    }

    /** The files of an attempt again. */
    public FileSet files(String featureId, int number) {
        return attempt(featureId, number).snapshot().restore(blobs);
    }

    /** How attempt {@code to} differs from attempt {@code from} of the same feature. */
    public SnapshotDiff diff(String featureId, int from, int to) {
        return SnapshotDiff.between(attempt(featureId, from).snapshot(), attempt(featureId, to).snapshot(), blobs);
    }

    public BlobStore blobs() {
        return blobs;
    }
}
