package dev.redyellow.store;

/**
 * What a {@link BlobStore} holds and did.
 *
 * @param logicalBytes the bytes of every {@code put}, duplicates included
 * @param storedBytes  the bytes of the distinct blobs
 * @param dedupRatio   logical / stored (1.0 when empty)
 * @param spills       blobs moved from memory to disk to respect the budget
 */
public record BlobMetrics(long blobs, long logicalBytes, long storedBytes, double dedupRatio, long bytesInMemory,
                          long bytesOnDisk, long spills, long memoryReads, long diskReads) {
}
