package dev.redyellow.stream;

import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * Hands every chunk to a callback, on the subscriber's lane thread: the seam for the UI, whose
 * bridge collects chunks and applies them on the FX thread at most once per frame.
 */
public final class CallbackSubscriber implements Flow.Subscriber<Chunk> {

    private static final System.Logger LOG = System.getLogger(CallbackSubscriber.class.getName());

    private final Consumer<? super Chunk> onChunk;
    private final Runnable onEnd;

    public CallbackSubscriber(Consumer<? super Chunk> onChunk) {
        this(onChunk, () -> { });
    }

    /** @param onEnd called once when the stream ends, normally or not */
    public CallbackSubscriber(Consumer<? super Chunk> onChunk, Runnable onEnd) {
        this.onChunk = Objects.requireNonNull(onChunk);
        this.onEnd = Objects.requireNonNull(onEnd);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Chunk chunk) {
        onChunk.accept(chunk);
    }

    @Override
    public void onError(Throwable throwable) {
        LOG.log(System.Logger.Level.WARNING, "output stream ended with an error", throwable);
        onEnd.run();
    }

    @Override
    public void onComplete() {
        onEnd.run();
    }
}
