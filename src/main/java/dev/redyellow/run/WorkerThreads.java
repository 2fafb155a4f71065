package dev.redyellow.run;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the run's worker threads and remembers each one's 1-based number for the timeline. */
final class WorkerThreads implements ThreadFactory {
    private static final ThreadLocal<Integer> NUMBER = ThreadLocal.withInitial(() -> 0);
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
        int n = next.incrementAndGet();
        Thread t = new Thread(() -> {
            NUMBER.set(n);
            r.run();
        }, "redyellow-worker-" + n);
        t.setDaemon(true);
        return t;
    }

    static int workerNumber() {
        return NUMBER.get();
    }
}
