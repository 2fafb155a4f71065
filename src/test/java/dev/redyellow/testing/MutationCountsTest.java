package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The three output forms a mutation command's counts are read from. */
class MutationCountsTest {

    @Test
    void plainLinesWithSurvivorsNamed() {
        MutationCounts.Counts counts = MutationCounts.read("""
                mutating src/add.py
                killed: 5
                timeout: 1
                survived: 2
                no coverage: 1
                survivor: src/add.py:3: replaced + with -
                survivor: src/add.py: removed a call
                """).orElseThrow();

        assertEquals(6, counts.killed(), "a time-out is a kill");
        assertEquals(3, counts.survived(), "an uncovered mutant survives");
        assertEquals(List.of(new Mutant("src/add.py", 3, "replaced + with -"), new Mutant("src/add.py", 0, "removed a call")),
                counts.survivors());
    }

    @Test
    void mutmutsSummaryLine() {
        // mutmut 3 prints its progress on one line and ends with the totals
        MutationCounts.Counts counts = MutationCounts.read("""
                ⠋ Generating mutants
                ⠸ 10/12  🎉 6 🫥 0  ⏰ 0  🤔 0  🙁 4  🔇 0
                ⠼ 12/12  🎉 7 🫥 1  ⏰ 1  🤔 0  🙁 3  🔇 0
                """).orElseThrow();

        assertEquals(8, counts.killed());
        assertEquals(4, counts.survived());
    }

    @Test
    void strykersClearTextTable() {
        MutationCounts.Counts counts = MutationCounts.read("""
                ----------|---------|----------|-----------|------------|----------|----------|
                          | % Mutation score |          |           |            |          |          |
                File      | total | covered | # killed | # timeout | # survived | # no cov | # errors |
                ----------|---------|----------|-----------|------------|----------|----------|
                All files |  66.67 |   75.00 |        5 |         1 |          2 |        1 |        0 |
                 add.js   |  66.67 |   75.00 |        5 |         1 |          2 |        1 |        0 |
                ----------|---------|----------|-----------|------------|----------|----------|
                """).orElseThrow();

        assertEquals(6, counts.killed());
        assertEquals(3, counts.survived());
    }

    @Test
    void outputWithoutCountsGivesNone() {
        assertTrue(MutationCounts.read("all tests passed\nkilled: many\n").isEmpty());
        assertTrue(MutationCounts.read("killed: 3\n").isEmpty(), "survived is needed too");
    }

    @Test
    void theScoreAndSummary() {
        MutationResult r = MutationResult.measured(1, 3, List.of(new Mutant("A.java", 4, "negated conditional")), 10);

        assertEquals(4, r.generated());
        assertEquals(0.25, r.score());
        assertEquals("1 of 4 mutants killed (25%)", r.summary());
        assertEquals("A.java:4: negated conditional", r.survivorList());
        assertEquals(1.0, MutationResult.measured(0, 0, List.of(), 1).score(), "no mutant: nothing the tests miss");
    }
}
