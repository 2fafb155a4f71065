package dev.redyellow.cycle;

/**
 * A worker of the run that is free now, lent to a feature to run its RED proof beside its first
 * attempt. Lent only when the run has fewer features running than workers, so the proof never
 * crowds another feature's run off a core (measured: lent always, on 2 cores with 2 busy workers, the
 * two runs only slowed each other).
 */
public interface SpareWorker {
    /** Takes a free worker if there is one; a true answer must be followed by {@link #giveBack()}. */
    boolean take();

    /** Gives back a worker taken. */
    void giveBack();

    /** No worker is ever free: RED is proved before the first attempt is asked for. */
    SpareWorker NONE = new SpareWorker() {
        @Override
        public boolean take() {
            return false;
        }

        @Override
        public void giveBack() {
        }
    };
}
