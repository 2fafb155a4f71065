package dev.redyellow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redyellow.cycle.FeatureState;
import dev.redyellow.cycle.Transition;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    /** The line as {@code printf} with these patterns writes it: what the console showed before it was made by hand. */
    private static String printed(Transition t) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
        return String.format("%s  %-20s %-7s -> %-9s %s%n", time.format(t.at()), t.featureId(), t.from(), t.to(), t.reason());
    }

    @Test
    void aTransitionsLineIsTheColumnsPrintfGaveWhateverTheTimeAndTheWidths() {
        List<Transition> transitions = List.of(
                new Transition("calc", FeatureState.PENDING, FeatureState.RED, Instant.parse("2026-12-05T09:05:07.004Z"),
                        "red proved: 3 of 3 tests fail"),
                new Transition("a-feature-id-longer-than-twenty", FeatureState.RED, FeatureState.YELLOW,
                        Instant.parse("2026-12-05T23:59:59.999Z"), "attempt 1 passes: 6 tests passed"),
                new Transition("x", FeatureState.YELLOW, FeatureState.GREEN, Instant.parse("2026-01-01T00:00:00.050Z"), ""),
                new Transition("blocked-one", FeatureState.PENDING, FeatureState.BLOCKED,
                        Instant.parse("2026-06-30T12:34:56.789123456Z"), "dependency calc FAILED: ünïcode reason"));
        StringWriter written = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(written));

        StringBuilder expected = new StringBuilder();
        for (Transition t : transitions) {
            assertEquals(printed(t), ConsoleProgress.line(t));
            progress.transition(t);
            expected.append(printed(t));
        }
        assertEquals(expected.toString(), written.toString(), "each line written whole, in order");
    }
}
