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
     * What the runner said when it was stopped before its tests ended (pytest's "!!!! _pytest.outcomes.Exit: done
     * !!!!"), which it may do with exit code 0; empty when it said nothing of the kind.
     */
    default Optional<String> stopped() {
        return Optional.empty();
    }

    /**
     * Fresh parsers for every supported runner, most specific first: when several recognise a
     * summary, the first one wins (the plain "N passed, N failed" line comes last).
     */
    static List<SummaryParser> all() {
        return List.of(new JUnitConsoleSummary(), new SurefireSummary(), new PytestSummary(),
                new UnittestSummary(), new CargoTestSummary(), new GoTestSummary(), new NodeTestSummary(),
                new VitestSummary(), new JestSummary(), new PlainSummary());
    }

    /**
     * Fresh parsers for what {@code argv} runs: only the runner's own when RedYellow knows the runner
     * ({@link KnownRunner}), so that a line in another runner's words (a Maven summary printed by the code
     * under test: "Tests run: 3, Failures: 0") never stands for the runner's; every parser otherwise.
     */
    static List<SummaryParser> forCommand(List<String> argv) {
        return KnownRunner.of(argv).map(found -> switch (found.runner()) {
            case PYTEST -> List.<SummaryParser>of(new PytestSummary());
            case UNITTEST -> List.<SummaryParser>of(new UnittestSummary());
            case NODE_TEST -> List.<SummaryParser>of(new NodeTestSummary());
            case VITEST -> List.<SummaryParser>of(new VitestSummary());
            case JEST -> List.<SummaryParser>of(new JestSummary());
        }).orElseGet(SummaryParser::all);
    }
}
