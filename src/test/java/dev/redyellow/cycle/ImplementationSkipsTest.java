package dev.redyellow.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestResult;
import dev.redyellow.testing.worker.SkipOrigin;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which skipped tests the implementation skipped: by the innermost place the runner names. */
class ImplementationSkipsTest {

    private static TestResult passedWith(TestCase... skipped) {
        List<TestCase> cases = new java.util.ArrayList<>(List.of(new TestCase("t.A.ok", TestCase.Status.PASSED, "", 1)));
        cases.addAll(List.of(skipped));
        return new TestResult(TestOutcome.PASSED, 1, 0, skipped.length, cases, 10, "", "");
    }

    private static TestCase skipped(String name, String... at) {
        return new TestCase(name, TestCase.Status.SKIPPED, "why\nmore", 0, List.of(at));
    }

    @Test
    void aJavaFileIsNamedByItsDeclaredPackageAnyOtherByItsWorkspacePath() {
        assertEquals("calc/Calc.java", SkipOrigin.placeOf("src/main/java/calc/Calc.java",
                "/* package nope; */\npackage calc;\npublic class Calc { }\n"));
        assertEquals("Util.java", SkipOrigin.placeOf("src/main/java/Util.java", "public class Util { }\n"));
        assertEquals("calc/ops.py", SkipOrigin.placeOf("calc/ops.py", "package = 1\n"));
        assertEquals("calc/ops.py", ImplementationSkips.pathOf("./calc/ops.py:9"));
        assertEquals("calc/Calc.java", ImplementationSkips.pathOf("calc/Calc.java"));
    }

    @Test
    void onlyTheInnermostPlaceDecidesAndOnlyAWrittenOne() {
        TestResult result = passedWith(skipped("t.A.own", "t/A.java:3"),
                skipped("t.A.dodged", "calc/Calc.java:4", "t/Helper.java:2"),
                skipped("t.A.calledBack", "t/FakeClock.java:4", "calc/Calc.java:7"),
                skipped("t.A.declared"));

        assertEquals(Optional.of("skipped-by-implementation: the implementation's code skipped or aborted tests it has to pass:"
                        + " t.A.dodged (at calc/Calc.java:4: why)"),
                ImplementationSkips.reason(result, Set.of("calc/Calc.java")));
        assertEquals(Optional.empty(), ImplementationSkips.reason(result, Set.of("calc/Other.java")));
        // a place with no folder is that file only: a root-level helpers.py is not calc/helpers.py
        assertEquals(Optional.empty(), ImplementationSkips.reason(passedWith(skipped("h", "helpers.py:5")),
                Set.of("calc/helpers.py")));
        assertEquals(Optional.empty(), ImplementationSkips.reason(passedWith(), Set.of("calc/Calc.java")));
    }

    @Test
    void manySkipsAreCutAfterAFew() {
        TestCase[] many = new TestCase[ImplementationSkips.MAX_NAMED + 2];
        for (int i = 0; i < many.length; i++) {
            many[i] = skipped("t.A.s" + i, "calc/ops.py:" + i);
        }
        String reason = ImplementationSkips.reason(passedWith(many), Set.of("calc/ops.py")).orElseThrow();

        assertTrue(reason.contains("t.A.s4 (at calc/ops.py:4: why)") && !reason.contains("t.A.s5") && reason.endsWith("; ..."),
                reason);
    }
}
