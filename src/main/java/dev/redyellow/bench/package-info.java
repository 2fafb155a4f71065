/**
 * Benchmarks run as plain main classes (never part of the test suite): each prints its figures
 * and the command that reproduces them. Here rather than in a separate source tree because the
 * build has no bench source root yet.
 */
package dev.redyellow.bench;
