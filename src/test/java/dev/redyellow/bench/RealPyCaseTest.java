package dev.redyellow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.cycle.StepOutput;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestLoader;
import dev.redyellow.run.RunEngine;
import dev.redyellow.run.RunListener;
import dev.redyellow.run.RunOptions;
import dev.redyellow.run.RunResult;
import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.TestRunners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four features of the real Python case (pyasn1's binary, integer, constraint and tag, tag with a wrong
 * first attempt) run end to end: a real virtualenv in the base, real pytest, the whole cycle, and
 * each verdict against a plain pytest run of the same files.
 */
class RealPyCaseTest {

    @TempDir
    Path dir;

    /** As the other pytest cases: skipped without pytest on a developer's machine, failed without it in CI. */
    private static void requirePytest() {
        if (System.getenv("CI") != null) {
            assertTrue(ScriptEnvironment.PYTEST.get(), "pytest is not installed, and CI must run the pytest cases (.ci/run installs it)");
        }
        assumeTrue(ScriptEnvironment.PYTEST.get(), "pytest is not installed");
    }

    @Test
    void fourFeaturesEndAsAPlainPytestRunSaysOnABaseWithAVirtualenv() throws Exception {
        requirePytest();
        ScriptCase whole = ScriptCase.read(ScriptCaseTest.PYASN1);
        Set<String> ids = Set.of("binary", "integer", "tag", "constraint");
        ScriptCase project = new ScriptCase(whole.folder(), whole.name() + "-4", whole.project(), whole.shared(), whole.base(),
                whole.test(), whole.plain(), whole.report(), whole.features().stream().filter(f -> ids.contains(f.id())).toList());
        ScriptCaseWriter writer = new ScriptCaseWriter(project);
        Path manifestFile = writer.writeManifest(dir.resolve("case"), 2);
        writer.writePlainProject(dir.resolve("plain"));
        ScriptEnvironment environment = new ScriptEnvironment(dir.resolve("cache"));
        environment.provide(project, dir.resolve("case/base"));
        environment.provide(project, dir.resolve("plain"));
        assertTrue(Files.isSymbolicLink(dir.resolve("case/base/.venv/bin/python")), "a virtualenv's bin/ is links");

        PlainScriptRun.Result plain = PlainScriptRun.run(project.plain(), project.env(), dir.resolve("plain"), project.report());
        assertEquals(0, plain.exitCode(), plain.outputTail());

        Manifest manifest = ManifestLoader.load(manifestFile);
        RunResult result;
        dev.redyellow.testing.ScriptPoolState scripts;
        try (TestRunners runners = TestRunners.standard(Optional.empty())) {
            result = new RunEngine(manifest, new RunOptions(2, dir.resolve("run"), false, ManualDecisions.NOBODY,
                    StepOutput.DISCARD), runners, RunListener.NONE, Clock.systemUTC()).run();
            scripts = runners.scriptPoolState();
        }
        // The case's .venv/bin/python -m pytest runs in warm servers (issue 23), never falling back.
        assertTrue(scripts.warmRuns() > 0, scripts.describe());
        assertEquals(0, scripts.perRunFallbacks(), scripts.describe());

        for (ScriptCase.Feature f : project.features()) {
            FeatureOutcome o = result.outcomes().stream().filter(x -> x.id().equals(f.id())).findFirst().orElseThrow();
            String test = f.tests().get(0);
            assertTrue(plain.passed(test), test + " passes in the plain run");
            assertEquals(FeatureState.GREEN, o.state(), f.id() + ": " + o.reason());
            long plainPassed = plain.casesOf(test).stream().filter(c -> c.status() == TestCase.Status.PASSED).count();
            assertEquals(plainPassed, o.lastResult().orElseThrow().passed(), f.id() + ": the same tests pass as in the plain run");
            assertTrue(o.transitions().stream().anyMatch(t -> t.from() == FeatureState.PENDING && t.to() == FeatureState.RED
                    && t.reason().startsWith("red proved")), f.id() + ": " + o.transitions());
        }
        FeatureOutcome tag = result.outcomes().stream().filter(x -> x.id().equals("tag")).findFirst().orElseThrow();
        assertEquals(2, tag.attempts(), "the wrong first attempt (inverted Tag equality) fails, the real module passes");
        assertEquals(List.of(), result.edges().stream().filter(e -> e.dependent().equals("tag")).toList(),
                "`from pyasn1.type import tag` names tag.py, not every module of pyasn1.type");
    }
}
