package dev.redyellow.testing;

import java.util.List;
import java.util.Optional;

/**
 * Reads one test runner's summary from its output, line by line as the output arrives, so the
 * output itself never has to be kept. Instances are stateful: one per run.
 */
public interface SummaryParser {

    /** The runner this parser understands, for messages ("pytest", "cargo test", ...). */
    String runner();

    /** One line of output, without its line terminator and without terminal colour codes. */
    void accept(String line);

    /** The counts, once the runner's summary has been seen; empty when it never was. */
    Optional<TestTally> tally();

    /**
     * Fresh parsers for every supported runner, most specific first: when several recognise a
     * summary, the first one wins (the plain "N passed, N failed" line comes last).
     */
    static List<SummaryParser> all() {
        return List.of(new JUnitConsoleSummary(), new SurefireSummary(), new PytestSummary(),
                new UnittestSummary(), new CargoTestSummary(), new GoTestSummary(), new NodeTestSummary(),
                new VitestSummary(), new JestSummary(), new PlainSummary());
    }
}
