package dev.redyellow.implement;

import java.time.Duration;

/**
 * The time of retries: waiting between them, and the ticker their time limit is measured on. Both
 * are injected together so that a test can see the waits without sleeping through them, and have the
 * time limit pass as the waits it was shown would have made it pass.
 */
@FunctionalInterface
interface Pause {

    void sleep(Duration duration) throws InterruptedException;

    /** Now, in nanoseconds of an arbitrary origin ({@link System#nanoTime()} unless a test says otherwise). */
    default long nanoTime() {
        return System.nanoTime();
    }

    Pause SLEEP = duration -> Thread.sleep(duration.toMillis());
}
