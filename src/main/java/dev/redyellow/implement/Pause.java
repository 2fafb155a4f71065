package dev.redyellow.implement;

import java.time.Duration;

/** Waiting between retries, injected so that tests can see the waits without sleeping through them. */
@FunctionalInterface
interface Pause {

    void sleep(Duration duration) throws InterruptedException;

    Pause SLEEP = duration -> Thread.sleep(duration.toMillis());
}
