package dev.redyellow.ui;

import dev.redyellow.cache.DisabledTestCache;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.run.RunLauncher;
import dev.redyellow.run.RunListener;
import dev.redyellow.run.RunResult;
import dev.redyellow.run.RunSettings;
import dev.redyellow.stream.CallbackSubscriber;
import dev.redyellow.stream.Chunk;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One run started from the window: the engine's {@link RunLauncher} (wired as the command line's),
 * with the window's listener, output viewer and review desk, the cache file of the app's session and
 * its warnings shown in the status bar. {@link #run} blocks, so the window calls it through its task
 * executor; {@link #cancel} works from any thread, before or during.
 */
public final class RunSession {
    /** Chunks the window's viewer may fall behind by before its queue drops (and counts) them. */
    static final int VIEWER_CAPACITY = 4096;

    private final Manifest manifest;
    private final RunSettings settings;
    private final LocalData data;
    private final ManualDecisions decisions;
    private final RunListener listener;
    private final Consumer<Chunk> output;
    private volatile RunLauncher launcher;
    private volatile boolean cancelled;

    public RunSession(Manifest manifest, RunSettings settings, LocalData data, ManualDecisions decisions,
                      RunListener listener, Consumer<Chunk> output) {
        this.manifest = manifest;
        this.settings = settings;
        this.data = data;
        this.decisions = decisions;
        this.listener = listener;
        this.output = output;
    }

    /** Runs on a background task: the cache file is opened here, on first use, never on the FX thread. */
    public RunLauncher.Launched run() throws Exception {
        boolean on = settings.useCache();
        // the window's cache settings, as the Cache tab last set them, for this run
        RunSettings withCache = settings.withRemoteCache(data.remote(), data.settings());
        RunLauncher created = new RunLauncher(manifest, withCache,
                on ? data.cache() : new DisabledTestCache("the cache is off in the window"),
                on ? data.database() : Optional.empty(), decisions, listener, data::warn, Clock.systemUTC())
                .view("window", new CallbackSubscriber(output), VIEWER_CAPACITY);
        launcher = created;
        if (cancelled) {
            created.cancel();
        }
        RunLauncher.Launched launched = created.run();
        data.rememberRemote(launched.result().metrics().cache().remote());
        return launched;
    }

    public void cancel() {
        cancelled = true;
        RunLauncher running = launcher;
        if (running != null) {
            running.cancel();
        }
    }

    /** The full log of a feature's attempt (0 is the RED proof); empty before the run made its folder. */
    public Optional<Path> logFile(String featureId, int attempt) {
        RunLauncher running = launcher;
        return running == null ? Optional.empty() : running.logFile(featureId, attempt);
    }
}
