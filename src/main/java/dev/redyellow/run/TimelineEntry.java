package dev.redyellow.run;

/** When a feature ran and on which worker, in seconds from the run's start. */
public record TimelineEntry(String feature, int worker, double start, double end, String state) {
}
