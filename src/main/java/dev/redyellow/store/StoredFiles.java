package dev.redyellow.store;

import dev.redyellow.manifest.FileSet;
import java.util.Set;

/**
 * A set of files kept in a {@link BlobStore}: an attempt's or an accepted feature's code, held as a
 * {@link Snapshot} (path -> hash), so a run keeps every attempt of every feature within the store's
 * memory budget and attempts that share files cost their differences only. Restored on demand.
 */
public record StoredFiles(Snapshot snapshot, BlobStore blobs) {
    private static final StoredFiles EMPTY = new StoredFiles(Snapshot.empty(), null);

    public StoredFiles {
        if (blobs == null && snapshot.size() > 0) {
            throw new IllegalArgumentException("stored files need the store that holds them");
        }
    }

    public static StoredFiles empty() {
        return EMPTY;
    }

    /** Puts {@code files} in {@code blobs}. */
    public static StoredFiles keep(FileSet files, BlobStore blobs) {
        return files.isEmpty() ? EMPTY : new StoredFiles(Snapshot.take(files, blobs), blobs);
    }

    /** The files again, from the store's memory or its disk. */
    public FileSet restore() {
        return isEmpty() ? FileSet.empty() : snapshot.restore(blobs);
    }

    /** The paths, sorted; nothing is read from the store. */
    public Set<String> paths() {
        return snapshot.files().keySet();
    }

    public boolean isEmpty() {
        return snapshot.size() == 0;
    }
}
