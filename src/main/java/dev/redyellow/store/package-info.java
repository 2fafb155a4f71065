/**
 * What RedYellow keeps: the one SQLite file shared by the test cache and the run history (its
 * opening, recovery and versioned schema), the run store, and the in-memory code store
 * (content-addressed blobs with a total memory budget, snapshots, attempt histories and diffs).
 */
package dev.redyellow.store;
