/**
 * Benchmarks, run with {@code redyellow bench ...}: they print figures and the command that
 * reproduces them, and are never part of the test suite's assertions.
 */
package dev.redyellow.bench;
