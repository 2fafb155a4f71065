package dev.redyellow.testing.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where an aborted JUnit test was aborted: the same from a throwable's frames and from its printed trace. */
class SkipOriginTest {

    @Test
    void theCodeBetweenTheAbortAndTheTestIsNamedInnermostFirstWithoutFrameworkFrames() {
        String trace = """
                org.opentest4j.TestAbortedException: Assumption failed: later
                \tat org.junit.jupiter.api.Assumptions.throwAssumptionFailed(Assumptions.java:321)
                \tat org.junit.jupiter.api.Assumptions.assumeTrue(Assumptions.java:120)
                \tat shop.tax.Rates.lookup(Rates.java:5)
                \tat shop.tax.Rates$Table.row(Rates.java:40)
                \tat java.base/java.util.ArrayList.forEach(ArrayList.java:1511)
                \tat shop.Env.check(Env.java:9)
                \tat shop.tax.RatesTest$Nested.lambda$rates$0(RatesTest.java:12)
                \tat shop.tax.RatesTest.rates(RatesTest.java:14)
                \tat shop.Env.later(Env.java:20)
                \tat java.base/java.lang.reflect.Method.invoke(Method.java:569)
                """;

        assertEquals(List.of("shop/tax/Rates.java:5", "shop/tax/Rates.java:40", "shop/Env.java:9"),
                SkipOrigin.ofTrace("shop.tax.RatesTest$Nested", trace));
    }

    @Test
    void aTestsOwnAssumptionNamesNothing() {
        String trace = """
                org.opentest4j.TestAbortedException: Assumption failed: slow here
                \tat org.junit.jupiter.api.Assumptions.throwAssumptionFailed(Assumptions.java:321)
                \tat org.junit.jupiter.api.Assumptions.assumeTrue(Assumptions.java:120)
                \tat CalcTest.fast(CalcTest.java:7)
                \tat java.base/java.lang.reflect.Method.invoke(Method.java:569)
                """;

        assertEquals(List.of(), SkipOrigin.ofTrace("CalcTest", trace));
        assertEquals(List.of(), SkipOrigin.ofTrace("CalcTest", "a reason given by @Disabled"));
    }

    @Test
    void aCauseIsNotWhereTheTestWasAborted() {
        String trace = """
                org.opentest4j.TestAbortedException: wrapped
                \tat calc.CalcTest.t(CalcTest.java:3)
                Caused by: java.lang.IllegalStateException: inner
                \tat calc.Calc.run(Calc.java:8)
                """;

        assertEquals(List.of(), SkipOrigin.ofTrace("calc.CalcTest", trace));
    }

    @Test
    void aThrowablesFramesGiveWhatItsPrintedTraceGives() {
        Throwable thrown = new IllegalStateException("aborted");
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.opentest4j.Helper", "abort", "Helper.java", 1),
            new StackTraceElement("Calc", "mul", "Calc.java", 4),
            new StackTraceElement("calc.gen.Made", "run", null, -1),
            new StackTraceElement("CalcTest", "multiplies", "CalcTest.java", 6)});
        java.io.StringWriter printed = new java.io.StringWriter();
        thrown.printStackTrace(new java.io.PrintWriter(printed));

        assertEquals(List.of("Calc.java:4", "calc/gen/Made.java"), SkipOrigin.of("CalcTest", thrown));
        assertEquals(SkipOrigin.of("CalcTest", thrown), SkipOrigin.ofTrace("CalcTest", printed.toString()));
    }
}
