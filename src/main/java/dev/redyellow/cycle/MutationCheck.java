package dev.redyellow.cycle;

import dev.redyellow.manifest.MutationSettings;
import dev.redyellow.testing.MutationResult;
import dev.redyellow.testing.MutationTester;

/**
 * Whether and with what the conductor measures a passing attempt's mutation score before review.
 * {@link #OFF} measures nothing.
 */
public record MutationCheck(MutationSettings settings, MutationTester tester) {
    public static final MutationCheck OFF = new MutationCheck(MutationSettings.OFF,
            request -> MutationResult.notMeasured("mutation testing is off"));

    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * The reason a measured result fails the gate ({@code weak-tests: ...}, naming the survivors),
     * or null when it passes or nothing was measured (a command kind without a mutation command).
     */
    public String weakTests(MutationResult result) {
        if (!result.measured() || !settings.below(result.score())) {
            return null;
        }
        return "weak-tests: " + result.summary() + ", under the minimum of "
                + String.format(java.util.Locale.ROOT, "%.0f%%", settings.minScore().getAsDouble() * 100)
                + "; surviving: " + result.survivorList();
    }
}
