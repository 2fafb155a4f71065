package dev.redyellow.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The CPU floor line of bench realjs and realpy: its arithmetic, as the closing notes quote it. */
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
}
