package parity;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class PlatformOnlyTest {
    @Test
    void runsOnlyWhereTheAssumptionHolds() {
        assumeTrue(PlatformCheck.supported(), "not supported here");
    }
}
