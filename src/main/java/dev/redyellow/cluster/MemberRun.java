package dev.redyellow.cluster;

/** One test run on one member, in seconds from when the coordinator started, for the timeline. */
public record MemberRun(String feature, String address, double start, double end) {
}
