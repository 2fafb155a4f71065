package dev.redyellow.cluster;

import java.io.Serializable;

/** Part of a remote test run's output, published by the member on the coordinator's output topic. */
record OutputChunk(String runId, long seq, boolean stderr, byte[] bytes) implements Serializable {
}
