/**
 * The test kinds. The junit kind has two fork modes: {@link dev.redyellow.testing.JUnitTestRunner}
 * compiles a workspace in process and runs JUnit Jupiter in a JVM started for that run;
 * {@link dev.redyellow.testing.WarmJUnitRunner} hands the run to a warm worker JVM of a
 * {@link dev.redyellow.testing.WarmWorkerPool} (the worker itself lives in
 * {@code dev.redyellow.testing.worker}), and both judge the results alike ({@code JUnitVerdict}).
 * {@link dev.redyellow.testing.CommandTestRunner} runs any argv and reads its JUnit XML reports or its
 * summary lines ({@link dev.redyellow.testing.SummaryParser}); in its warm fork mode
 * {@link dev.redyellow.testing.WarmScriptRunner} runs a {@code python -m pytest} or vitest argv in a
 * warm script server ({@code ScriptServer}, pooled by {@code ScriptServerPool}, the bundled scripts in
 * the resources' {@code warm/}), judged alike ({@code CommandVerdict}). {@link dev.redyellow.testing.TestRunners}
 * picks the runner for a request's settings, and closing it ends the warm workers and servers. Mutation testing
 * (issue 22) measures how many mutants of a feature's code its tests kill: {@link
 * dev.redyellow.testing.PitestMutationTester} runs the bundled PIT ({@link dev.redyellow.testing.PitestJars})
 * for the junit kind, {@link dev.redyellow.testing.CommandMutationTester} a command's mutation command.
 */
package dev.redyellow.testing;
