package dev.redyellow.store;

import dev.redyellow.testing.TestResult;

/** One attempt of a feature: its files (as a snapshot) and the result of its tests. Numbered from 1. */
public record AttemptSnapshot(String featureId, int number, Snapshot snapshot, TestResult result) {
}
