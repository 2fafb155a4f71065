package dev.redyellow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CPU floor line and the rounds of bench realjs and realpy: their arithmetic, as the closing notes quote it. */
class RealScriptBenchTest {

    @Test
    void theFloorIsTheCyclesCpuOverTheCoresAgainstThePlainWall() {
        // 10.4 s of CPU (0.8 in the engine, 9.6 in the test processes) on 2 cores: 5.2 s, 1.73x a 3.0 s plain run;
        // the 1.5x target leaves 1.5 * 3.0 * 2 = 9.0 s of CPU
        String line = RealScriptBench.cpuFloor(new RealScriptBench.Cpu(0.8, 9.6), 2, 3.0);

        assertTrue(line.startsWith("the cycle's CPU spread over the cores"), line);
        assertTrue(line.contains("5.20 s at the least"), line);
        assertTrue(line.contains("(10.40 s of CPU over 2 cores)"), line);
        assertTrue(line.contains("1.73x the plain wall"), line);
        assertTrue(line.contains("leaves the cycle 9.00 s of CPU"), line);
    }

    @Test
    void noCpuFiguresSayUnknown() {
        String line = RealScriptBench.cpuFloor(new RealScriptBench.Cpu(0, 0), 2, 3.0);

        assertTrue(line.endsWith("unknown: this system gave no CPU figures"), line);
    }

    @Test
    void noCoresCountsAsOne() {
        String line = RealScriptBench.cpuFloor(new RealScriptBench.Cpu(1.0, 2.0), 0, 2.0);

        assertTrue(line.contains("3.00 s at the least"), line);
        assertTrue(line.contains("over 1 core)"), line);
        assertTrue(line.contains("1.50x the plain wall"), line);
    }

    @Test
    void theTargetIsJudgedByTheMedianRoundNotTheBestOne() {
        // ratios 1.40x, 1.80x, 1.60x: the best round alone would meet 1.5x, the median does not
        List<RealScriptBench.Round> rounds = List.of(new RealScriptBench.Round(2.0, 2.8, 2.4),
                new RealScriptBench.Round(2.5, 4.5, 3.5), new RealScriptBench.Round(2.0, 3.2, 3.0));

        String text = RealScriptBench.roundsSummary(rounds, 0);

        assertTrue(text.startsWith("3 rounds, plain then cycle each time:"), text);
        assertTrue(text.contains("  round 1: plain 2.00 s, cycle 2.80 s, cycle / plain 1.40x, floor 1.20x"), text);
        assertTrue(text.contains("  round 2: plain 2.50 s, cycle 4.50 s, cycle / plain 1.80x, floor 1.40x"), text);
        assertTrue(text.contains("1.60x (1.40x to 1.80x; floor 1.40x) (target at most 1.5x: NOT met)"), text);
    }

    @Test
    void aMedianRoundWithinTheTargetMeetsItUnlessAVerdictDiffers() {
        // ratios 1.40x, 1.45x, 2.50x: the median (1.45x) meets 1.5x, the mean (1.78x) would not
        List<RealScriptBench.Round> rounds = List.of(new RealScriptBench.Round(2.0, 2.8, 2.4),
                new RealScriptBench.Round(2.0, 2.9, 2.4), new RealScriptBench.Round(2.0, 5.0, 4.0));

        assertTrue(RealScriptBench.roundsSummary(rounds, 0).endsWith("1.45x (1.40x to 2.50x; floor 1.20x) (target at most 1.5x: met)"),
                RealScriptBench.roundsSummary(rounds, 0));
        assertTrue(RealScriptBench.roundsSummary(rounds, 1).endsWith("(target at most 1.5x: NOT met: 1 verdict(s) differ from the plain run)"));
        assertTrue(RealScriptBench.roundsSummary(rounds.subList(0, 1), 0).startsWith("1 round, plain then cycle each time:"));
    }

    @Test
    void noCpuFiguresMakeTheFloorUnknownInTheRounds() {
        String text = RealScriptBench.roundsSummary(List.of(new RealScriptBench.Round(2.0, 2.8, 0)), 0);

        assertTrue(text.contains("cycle / plain 1.40x, floor unknown"), text);
        assertTrue(text.contains("1.40x (1.40x to 1.40x; floor unknown) (target at most 1.5x: met)"), text);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, RealScriptBench.median(List.of(4.0, 1.0, 3.0, 2.0)), 1e-9);
        assertEquals(3.0, RealScriptBench.median(List.of(5.0, 3.0, 1.0)), 1e-9);
        assertEquals(0.0, RealScriptBench.median(List.of()), 1e-9);
    }
}
