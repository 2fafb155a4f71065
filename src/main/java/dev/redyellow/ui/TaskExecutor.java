package dev.redyellow.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one seam through which the UI runs engine work (loading, running, reading the cache, laying
 * out a graph) off the FX thread. The window uses {@link BackgroundTasks}; view-model tests run the
 * work inline.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} in the background, then {@code onDone} with its value or {@code onFailed} with
     * what it threw, both on the thread that owns the view models (the FX thread in the window).
     */
    <T> void run(String name, Callable<T> work, Consumer<? super T> onDone, Consumer<Throwable> onFailed);
}
