/**
 * One run of a manifest end to end: the scheduler over the feature graph, the wiring of test kinds,
 * implementers and reviewers, the metrics and the JSON report.
 */
package dev.redyellow.run;
