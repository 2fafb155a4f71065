package dev.redyellow.run;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Interrupts the worker running a feature when the feature's time is up. The interrupt reaches the
 * running process (its tree is killed) and the conductor, which ends the feature with reason
 * {@code timeout}. The worker thread goes on to other features, so an alarm that fires must never
 * leave its interrupt behind: {@link #finish} clears it under the same lock that sends it.
 */
final class FeatureAlarm {
    private final Thread worker;
    private ScheduledFuture<?> pending;
    private boolean finished;
    private boolean fired;

    private FeatureAlarm(Thread worker) {
        this.worker = worker;
    }

    /** Arms an alarm for the calling thread; a {@code null} timeout arms nothing. */
    static FeatureAlarm arm(ScheduledExecutorService timer, Duration timeout) {
        FeatureAlarm alarm = new FeatureAlarm(Thread.currentThread());
        if (timeout != null) {
            synchronized (alarm) {
                alarm.pending = timer.schedule(alarm::fire, timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return alarm;
    }

    private synchronized void fire() {
        if (!finished) {
            fired = true;
            worker.interrupt();
        }
    }

    /** Whether the alarm went off: an interrupt the worker sees now is the feature's time being up. */
    synchronized boolean fired() {
        return fired;
    }

    /** Disarms; clears the interrupt this alarm sent, if any. Call on the worker thread. */
    synchronized void finish() {
        finished = true;
        if (pending != null) {
            pending.cancel(false);
        }
        if (fired) {
            Thread.interrupted();
        }
    }
}
