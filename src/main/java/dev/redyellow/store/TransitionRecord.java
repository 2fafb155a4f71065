package dev.redyellow.store;

import java.time.Instant;

/** A recorded change of a feature's state, e.g. PENDING -> RED, with when and why. */
public record TransitionRecord(String from, String to, Instant at, String reason) {
    public TransitionRecord {
        reason = reason == null ? "" : reason;
    }
}
