package dev.redyellow.store;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How one snapshot differs from another: the paths added, removed and changed, and for each
 * changed text file (valid UTF-8 without NUL) a unified line diff. Binary files are only named.
 */
public record SnapshotDiff(List<String> added, List<String> removed, List<String> changed,
                           SortedMap<String, String> textDiffs) {
    public SnapshotDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        textDiffs = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(textDiffs));
    }

    public static SnapshotDiff between(Snapshot before, Snapshot after, BlobStore blobs) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        SortedMap<String, String> diffs = new TreeMap<>();
        after.files().forEach((path, hash) -> {
            if (!before.contains(path)) {
                added.add(path);
            } else if (!before.hash(path).equals(hash)) {
                changed.add(path);
                Optional<String> old = text(blobs.get(before.hash(path)));
                Optional<String> now = text(blobs.get(hash));
                if (old.isPresent() && now.isPresent()) {
                    diffs.put(path, LineDiff.unified(path, old.get(), now.get()));
                }
            }
        });
        List<String> removed = before.files().keySet().stream().filter(p -> !after.contains(p)).toList();
        return new SnapshotDiff(added, removed, changed, diffs);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    private static Optional<String> text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
