package dev.redyellow.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestResult;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which skipped tests the implementation skipped: by the places the runner names. */
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
    void aPlaceIsAWrittenFileByItsWholePathOrByItsPackageFolders() {
        Set<String> written = Set.of("src/main/java/calc/Calc.java", "calc/ops.py");

        assertTrue(ImplementationSkips.writtenBy("calc/Calc.java:4", written));
        assertTrue(ImplementationSkips.writtenBy("calc/ops.py:9", written));
        assertTrue(ImplementationSkips.writtenBy("./calc/ops.py:9", written));
        assertTrue(ImplementationSkips.writtenBy("/tmp/ws/calc/ops.py:9", written));
        assertTrue(ImplementationSkips.writtenBy("calc/Calc.java", written));
        assertFalse(ImplementationSkips.writtenBy("other/Calc.java:4", written));
        assertFalse(ImplementationSkips.writtenBy("tests/test_ops.py:3", written));
        assertFalse(ImplementationSkips.writtenBy("xcalc/ops.py:1", written));
    }

    @Test
    void onlySkipsFromWrittenCodeAreNamedWithTheirFirstMessageLine() {
        TestResult result = passedWith(skipped("t.A.own", "t/A.java:3"), skipped("t.A.dodged", "t/Helper.java:2", "calc/Calc.java:4"),
                skipped("t.A.declared"));

        assertEquals(Optional.of("skipped-by-implementation: the implementation's code skipped or aborted tests it has to pass:"
                        + " t.A.dodged (at calc/Calc.java:4: why)"),
                ImplementationSkips.reason(result, Set.of("src/main/java/calc/Calc.java")));
        assertEquals(Optional.empty(), ImplementationSkips.reason(result, Set.of("src/main/java/calc/Other.java")));
        assertEquals(Optional.empty(), ImplementationSkips.reason(passedWith(), Set.of("src/main/java/calc/Calc.java")));
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
