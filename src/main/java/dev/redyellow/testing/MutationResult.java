package dev.redyellow.testing;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How strong a feature's tests are: how many of the mutants of its accepted code they killed. A
 * mutant the tests time out on (it loops for ever) counts as killed, as in PIT; one no test covers
 * counts as survived.
 *
 * @param status    whether a score was measured
 * @param survivors the surviving mutants, in the tool's order (at most {@link #MAX_SURVIVORS} kept)
 * @param detail    why nothing was measured, or the error; "" when measured
 * @param cached    whether the result was served from the cache rather than measured now
 * @param perClassCap 0 when every mutant of every class was measured; N when PIT measured at most N
 *                  mutants per class, an evenly spread sample of a class that had more (the counts
 *                  and the score are then the sample's). PIT does not say which classes it sampled,
 *                  so a capped result is always called one.
 */
public record MutationResult(Status status, int generated, int killed, int survived, List<Mutant> survivors,
                             long durationMillis, String detail, boolean cached, int perClassCap) {
    /** Survivors kept beyond the counts: enough to act on, bounded for the report and the cache. */
    public static final int MAX_SURVIVORS = 50;

    /** Whether the result holds a score. */
    public enum Status {
        /** The tool ran: the counts are real. */
        MEASURED,
        /** Nothing to measure with: a command kind without a mutation command. */
        NOT_MEASURED,
        /** The tool could not be run or its output not read; {@code detail} says why. */
        ERROR
    }

    public MutationResult {
        survivors = List.copyOf(survivors.subList(0, Math.min(survivors.size(), MAX_SURVIVORS)));
        detail = detail == null ? "" : detail;
        if (perClassCap < 0) {
            throw new IllegalArgumentException("perClassCap must be 0 or more, was " + perClassCap);
        }
        if (generated != killed + survived || killed < 0 || survived < 0) {
            throw new IllegalArgumentException("generated must be killed + survived: " + generated + " != "
                    + killed + " + " + survived);
        }
    }

    /** A result in which every mutant was measured. */
    public MutationResult(Status status, int generated, int killed, int survived, List<Mutant> survivors,
                          long durationMillis, String detail, boolean cached) {
        this(status, generated, killed, survived, survivors, durationMillis, detail, cached, 0);
    }

    public static MutationResult measured(int killed, int survived, List<Mutant> survivors, long durationMillis) {
        return new MutationResult(Status.MEASURED, killed + survived, killed, survived, survivors, durationMillis, "", false);
    }

    /** This result, marked as measured with at most {@code perClass} mutants per class (0: every mutant). */
    public MutationResult capped(int perClass) {
        return new MutationResult(status, generated, killed, survived, survivors, durationMillis, detail, cached, perClass);
    }

    public static MutationResult notMeasured(String why) {
        return new MutationResult(Status.NOT_MEASURED, 0, 0, 0, List.of(), 0, why, false);
    }

    public static MutationResult error(String why, long durationMillis) {
        return new MutationResult(Status.ERROR, 0, 0, 0, List.of(), durationMillis, why, false);
    }

    /** This result, marked as served from the cache. */
    public MutationResult fromCache() {
        return new MutationResult(status, generated, killed, survived, survivors, durationMillis, detail, true,
                perClassCap);
    }

    public boolean measured() {
        return status == Status.MEASURED;
    }

    /** Killed over generated; 1 when no mutant could be made (nothing the tests could miss). */
    public double score() {
        return generated == 0 ? 1.0 : (double) killed / generated;
    }

    /**
     * {@code 1 of 4 mutants killed (25%)}, with {@code , at most 100 mutants per class sampled} when
     * the measurement was capped, or why there is no score.
     */
    public String summary() {
        if (!measured()) {
            return (status == Status.ERROR ? "not measured (error): " : "not measured: ") + detail;
        }
        return String.format(Locale.ROOT, "%d of %d mutants killed (%.0f%%)", killed, generated, score() * 100)
                + (perClassCap > 0 ? ", at most " + perClassCap + " mutants per class sampled" : "");
    }

    /** The survivors as {@code file:line: change}, joined by "; ". */
    public String survivorList() {
        return survivors.stream().map(Mutant::describe).collect(Collectors.joining("; "));
    }
}
