package dev.redyellow.stream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Flow;

/**
 * Writes the full output of every attempt to {@code <runDir>/logs/<feature>/attempt-<n>.log}
 * ({@code red.log} for attempt 0, the RED proof): the bytes exactly as they were published, both
 * streams in arrival order. Subscribe it with {@link ChunkPublisher#subscribeLossless}.
 *
 * <p>Progress chunks are not output and are left out; LOG chunks published for an attempt are
 * written (skip markers never reach a lossless subscriber). At most {@code maxOpenFiles} files are
 * open at once: the least recently written is closed and reopened for append when needed, so a run
 * with hundreds of attempts does not run out of file handles. Everything is flushed and closed on
 * completion. A failed write is logged and remembered ({@link #failure()}); other files go on.
 */
public final class LogFileSubscriber implements Flow.Subscriber<Chunk> {

    public static final int DEFAULT_MAX_OPEN_FILES = 64;

    private static final System.Logger LOG = System.getLogger(LogFileSubscriber.class.getName());
    /**
     * Per open file. Most attempts of a cached re-run write one line: a large buffer per file was most
     * of what opening hundreds of logs allocated. Writes of a buffer's size or more go straight through.
     */
    private static final int BUFFER_BYTES = 8 * 1024;

    private record AttemptKey(String featureId, int attempt) {
    }

    private final Path logsDir;
    private final int maxOpenFiles;
    private final Map<AttemptKey, OutputStream> open;
    private final Set<Path> started = new HashSet<>();
    /** Folders made (or found) already: making one that exists costs an exception each time. */
    private final Set<Path> folders = new HashSet<>();
    private IOException failure;

    public LogFileSubscriber(Path runDir) {
        this(runDir, DEFAULT_MAX_OPEN_FILES);
    }

    public LogFileSubscriber(Path runDir, int maxOpenFiles) {
        if (maxOpenFiles < 1) {
            throw new IllegalArgumentException("maxOpenFiles must be >= 1, was " + maxOpenFiles);
        }
        this.logsDir = runDir.resolve("logs").toAbsolutePath().normalize();
        this.maxOpenFiles = maxOpenFiles;
        this.open = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** Where the log of one attempt goes. */
    public static Path logFile(Path runDir, String featureId, int attempt) {
        Path logs = runDir.resolve("logs").toAbsolutePath().normalize();
        Path file = logs.resolve(featureId).resolve(attempt == 0 ? "red.log" : "attempt-" + attempt + ".log").normalize();
        if (featureId.isEmpty() || featureId.startsWith(".") || !file.getParent().getParent().equals(logs)) {
            throw new IllegalArgumentException("feature id cannot name a log folder: " + featureId);
        }
        return file;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(Chunk chunk) {
        if (chunk.kind() == ChunkKind.PROGRESS) {
            return;
        }
        AttemptKey key = new AttemptKey(chunk.featureId(), chunk.attempt());
        try {
            OutputStream out = open.get(key);
            if (out == null) {
                out = openFile(logFile(logsDir.getParent(), key.featureId(), key.attempt()));
                open.put(key, out);
                closeLeastRecentBeyondLimit();
            }
            chunk.writeTo(out);
        } catch (IOException e) {
            remember(new IOException("cannot write the log of " + key.featureId() + "#" + key.attempt()
                    + " under " + logsDir + ": " + e.getMessage(), e));
        }
    }

    @Override
    public synchronized void onError(Throwable throwable) {
        LOG.log(System.Logger.Level.WARNING, "output stream ended with an error; closing log files", throwable);
        closeAll();
    }

    @Override
    public synchronized void onComplete() {
        closeAll();
    }

    /** The first write or close that failed, if any. */
    public synchronized Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Throws the first failure, for callers that must not report success with a partial log. */
    public synchronized void throwIfFailed() {
        if (failure != null) {
            throw new UncheckedIOException(failure);
        }
    }

    private OutputStream openFile(Path file) throws IOException {
        if (!folders.contains(file.getParent())) {
            Files.createDirectories(file.getParent());
            folders.add(file.getParent());
        }
        // The first open in this run starts the file afresh; a reopen after eviction appends.
        StandardOpenOption mode = started.add(file) ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
        OutputStream stream;
        try {
            stream = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        } catch (java.nio.file.NoSuchFileException folderGone) {
            Files.createDirectories(file.getParent()); // removed while the run went on: made again
            stream = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        }
        return new BufferedOutputStream(stream, BUFFER_BYTES);
    }

    private void closeLeastRecentBeyondLimit() {
        Iterator<Map.Entry<AttemptKey, OutputStream>> eldest = open.entrySet().iterator();
        while (open.size() > maxOpenFiles && eldest.hasNext()) {
            Map.Entry<AttemptKey, OutputStream> entry = eldest.next();
            eldest.remove();
            closeQuietly(entry.getKey(), entry.getValue());
        }
    }

    private void closeAll() {
        open.forEach(this::closeQuietly);
        open.clear();
    }

    private void closeQuietly(AttemptKey key, OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            remember(new IOException("cannot close log of " + key.featureId() + "#" + key.attempt() + ": " + e.getMessage(), e));
        }
    }

    /** Logs the first failure only: a full disk would otherwise log once per chunk. */
    private void remember(IOException e) {
        if (failure == null) {
            failure = e;
            LOG.log(System.Logger.Level.ERROR, e.getMessage() + " (further log-file errors are not repeated)", e);
        }
    }
}
