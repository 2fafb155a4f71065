package dev.redyellow.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs tasks on daemon threads and hands their ends to the FX thread. One {@code runLater} per task
 * end, not per event: streaming events go through {@link EventBridge} instead.
 */
public final class BackgroundTasks implements TaskExecutor, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BackgroundTasks.class.getName());
    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "redyellow-ui-task-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<? super T> onDone, Consumer<Throwable> onFailed) {
        threads.execute(() -> {
            try {
                T value = work.call();
                Platform.runLater(() -> onDone.accept(value));
            } catch (Exception | Error e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "task " + name + " failed", e);
                Platform.runLater(() -> onFailed.accept(e));
            }
        });
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
