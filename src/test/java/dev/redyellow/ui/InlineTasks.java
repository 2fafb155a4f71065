package dev.redyellow.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs a task at once on the calling thread: view-model tests without a window or an FX thread. */
final class InlineTasks implements TaskExecutor {

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<? super T> onDone, Consumer<Throwable> onFailed) {
        T value;
        try {
            value = work.call();
        } catch (Exception e) {
            onFailed.accept(e);
            return;
        }
        onDone.accept(value);
    }
}
