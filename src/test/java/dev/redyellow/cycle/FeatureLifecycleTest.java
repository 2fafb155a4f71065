package dev.redyellow.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FeatureLifecycleTest {
    private static final Set<List<FeatureState>> ALLOWED = Set.of(
            List.of(FeatureState.PENDING, FeatureState.RED), List.of(FeatureState.PENDING, FeatureState.FAILED),
            List.of(FeatureState.PENDING, FeatureState.BLOCKED), List.of(FeatureState.RED, FeatureState.YELLOW),
            List.of(FeatureState.RED, FeatureState.RED), List.of(FeatureState.RED, FeatureState.FAILED),
            List.of(FeatureState.RED, FeatureState.BLOCKED),
            List.of(FeatureState.YELLOW, FeatureState.GREEN), List.of(FeatureState.YELLOW, FeatureState.RED),
            List.of(FeatureState.YELLOW, FeatureState.FAILED));

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(FeatureState.class)
    void allowsExactlyTheTransitionsOfTheSpec(FeatureState from) {
        for (FeatureState to : FeatureState.values()) {
            boolean expected = ALLOWED.contains(List.of(from, to))
                    || (to == FeatureState.CANCELLED && !from.isTerminal());
            assertEquals(expected, from.canMoveTo(to), from + " -> " + to);
        }
    }

    @Test
    void terminalStatesAreGreenFailedBlockedCancelled() {
        EnumSet<FeatureState> terminal = EnumSet.noneOf(FeatureState.class);
        for (FeatureState s : FeatureState.values()) {
            if (s.isTerminal()) {
                terminal.add(s);
            }
        }
        assertEquals(EnumSet.of(FeatureState.GREEN, FeatureState.FAILED, FeatureState.BLOCKED, FeatureState.CANCELLED), terminal);
    }

    @Test
    void recordsEveryTransitionWithTimeAndReasonAndTellsTheListener() {
        List<Transition> heard = new ArrayList<>();
        FeatureLifecycle l = new FeatureLifecycle("slugify", clock, heard::add);
        l.moveTo(FeatureState.RED, "red proved");
        l.moveTo(FeatureState.RED, "attempt 1 failed");
        l.moveTo(FeatureState.YELLOW, "attempt 2 passes");
        l.moveTo(FeatureState.GREEN, "approved");
        assertEquals(4, l.transitions().size());
        assertEquals(l.transitions(), heard);
        Transition first = l.transitions().get(0);
        assertEquals(new Transition("slugify", FeatureState.PENDING, FeatureState.RED, clock.instant(), "red proved"), first);
        assertEquals(FeatureState.GREEN, l.state());
        assertEquals("approved", l.reason());
    }

    @Test
    void refusesAnIllegalTransitionAndKeepsItsState() {
        FeatureLifecycle l = new FeatureLifecycle("a", clock, t -> { });
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> l.moveTo(FeatureState.GREEN, "skipping ahead"));
        assertTrue(e.getMessage().contains("PENDING -> GREEN"), e.getMessage());
        assertEquals(FeatureState.PENDING, l.state());
        assertTrue(l.transitions().isEmpty());
    }

    @Test
    void cancelsOnlyWhatIsNotFinished() {
        FeatureLifecycle running = new FeatureLifecycle("a", clock, t -> { });
        running.moveTo(FeatureState.RED, "red proved");
        assertTrue(running.cancelIfRunning("stopped"));
        assertEquals(FeatureState.CANCELLED, running.state());

        FeatureLifecycle done = new FeatureLifecycle("b", clock, t -> { });
        done.moveTo(FeatureState.BLOCKED, "dependency-failed: a");
        assertFalse(done.cancelIfRunning("stopped"));
        assertEquals(FeatureState.BLOCKED, done.state());
    }
}
