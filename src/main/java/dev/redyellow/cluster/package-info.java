/**
 * Test runs spread over several machines on Hazelcast: a {@link dev.redyellow.cluster.ClusterTestRunner}
 * on the coordinator (the {@code run} command) sends each test run to a worker member
 * ({@link dev.redyellow.cluster.ClusterMember}, the {@code worker} command), which materialises the
 * workspace from content-addressed blobs, runs it with its own test runners and streams its output
 * back. A member that leaves mid-run has its runs re-run elsewhere. Members join over TCP/IP only,
 * on the given addresses, in a cluster named after the shared secret ({@link dev.redyellow.cluster.ClusterSettings}).
 * No JavaFX here.
 */
package dev.redyellow.cluster;
