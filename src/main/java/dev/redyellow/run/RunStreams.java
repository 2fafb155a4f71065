package dev.redyellow.run;

import dev.redyellow.cycle.StepOutput;
import dev.redyellow.exec.OutputSink;
import dev.redyellow.stream.ChunkKind;
import dev.redyellow.stream.ChunkPublisher;
import dev.redyellow.stream.LogFileSubscriber;
import dev.redyellow.stream.StreamMetrics;
import dev.redyellow.stream.StreamingOutput;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Flow;

/**
 * The output of one run: every step's output becomes chunks on one publisher; a lossless log file
 * per attempt gets all of it; viewers (the console's --stream, the UI) subscribe with bounded queues.
 */
public final class RunStreams implements StepOutput, AutoCloseable {
    private final ChunkPublisher publisher = new ChunkPublisher();
    private final StreamingOutput streaming = new StreamingOutput(publisher);
    private final LogFileSubscriber logs;
    private final Path runDir;

    public RunStreams(Path runDir) {
        this.runDir = runDir;
        this.logs = new LogFileSubscriber(runDir);
        publisher.subscribeLossless("log-files", logs);
    }

    /** Adds a viewer with a queue of {@code capacity} chunks; it drops (and says so) when it falls behind. */
    public StreamMetrics view(String name, Flow.Subscriber<? super dev.redyellow.stream.Chunk> viewer, int capacity) {
        return publisher.subscribe(name, viewer, capacity);
    }

    @Override
    public OutputSink open(String featureId, int attempt, String step) {
        ChunkKind kind = switch (step) {
            case "test" -> ChunkKind.TEST_OUTPUT;
            case "implement" -> ChunkKind.CODE;
            default -> ChunkKind.LOG;
        };
        return streaming.open(featureId, attempt, kind);
    }

    @Override
    public void progress(String featureId, int attempt, String line) {
        streaming.progress(featureId, attempt, line);
    }

    /** The log file of one attempt (0 is the RED proof). */
    public Path logFile(String featureId, int attempt) {
        return LogFileSubscriber.logFile(runDir, featureId, attempt);
    }

    public Path logsDir() {
        return runDir.resolve("logs");
    }

    public StreamMetrics.Snapshot metrics() {
        return publisher.metrics().snapshot();
    }

    public Map<String, StreamMetrics.Snapshot> viewerMetrics() {
        return publisher.subscriberSnapshots();
    }

    /** Delivers what is queued, closes the log files, and reports a log file that could not be written. */
    @Override
    public void close() {
        publisher.close();
        logs.throwIfFailed();
    }
}
