package dev.redyellow.cluster;

/** What one member did in a run: how many test runs it finished and their seconds, for the report. */
public record MemberFigures(String address, int testRuns, double seconds) {
}
