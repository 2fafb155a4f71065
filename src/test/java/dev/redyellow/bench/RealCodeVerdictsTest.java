package dev.redyellow.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.bench.PlainMavenBuild.Counts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plain build's verdict of a feature, read from Surefire's counts per test class. */
class RealCodeVerdictsTest {

    private static final RealJavaProject.Unit UNIT = new RealJavaProject.Unit("p.a", List.of("p.A"), List.of("p.A"),
            List.of("p.ATest", "p.APerformanceTest", "p.TestSupport"), List.of("p.ATest"), Set.of(), Set.of(), null);

    private static PlainMavenBuild.Result plain(Map<String, Counts> classes) {
        return new PlainMavenBuild.Result(1.0, 0, "", classes);
    }

    @Test
    void aFeaturePassesWhenItsOwnTestsPassAndItsHelperRanNoTest() {
        PlainMavenBuild.Result result = plain(Map.of("p.ATest", new Counts(3, 0, 0, 1),
                "p.APerformanceTest", new Counts(2, 0, 0, 0)));
        assertFalse(result.failed("p.TestSupport"), "no report: the helper ran no test, it did not fail");
        assertFalse(result.failed("p.ATest"), "a skipped test is no failure");
        assertTrue(RealCodeVerdicts.plainPasses(UNIT, result));
    }

    @Test
    void anotherClassOfItsTestFilesFailingFailsTheFeatureAsInRedYellow() {
        PlainMavenBuild.Result erred = plain(Map.of("p.ATest", new Counts(3, 0, 0, 0),
                "p.APerformanceTest", new Counts(2, 0, 1, 0)));
        assertTrue(erred.failed("p.APerformanceTest"));
        assertFalse(RealCodeVerdicts.plainPasses(UNIT, erred));
        PlainMavenBuild.Result failed = plain(Map.of("p.ATest", new Counts(3, 0, 0, 0),
                "p.APerformanceTest", new Counts(2, 1, 0, 0)));
        assertFalse(RealCodeVerdicts.plainPasses(UNIT, failed));
    }

    @Test
    void itsOwnTestsMustHaveRunAndPassed() {
        assertFalse(RealCodeVerdicts.plainPasses(UNIT, plain(Map.of("p.APerformanceTest", new Counts(2, 0, 0, 0)))),
                "own tests not run");
        assertFalse(RealCodeVerdicts.plainPasses(UNIT, plain(Map.of("p.ATest", new Counts(2, 0, 0, 2)))), "all skipped");
        assertFalse(RealCodeVerdicts.plainPasses(UNIT, plain(Map.of("p.ATest", new Counts(2, 1, 0, 0)))), "one failed");
    }
}
