/**
 * The test kinds: {@link dev.redyellow.testing.JUnitTestRunner} compiles a workspace in process and
 * runs JUnit Jupiter in a separate JVM; {@link dev.redyellow.testing.CommandTestRunner} runs any argv
 * and reads its JUnit XML reports or its summary lines ({@link dev.redyellow.testing.SummaryParser}).
 * {@link dev.redyellow.testing.TestRunners} picks the runner for a request's settings.
 */
package dev.redyellow.testing;
