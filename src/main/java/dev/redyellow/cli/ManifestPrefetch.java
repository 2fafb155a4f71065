package dev.redyellow.cli;

import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestException;
import dev.redyellow.manifest.ManifestLoader;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Starts reading the manifest of {@code redyellow run MANIFEST ...} while the command line is still
 * being built. Building it (picocli reads every option of the command by reflection, in classes the
 * class-data archive cannot hold) takes about 0.15 s on the main thread, and reading a 261-feature
 * manifest with its 612 files about 0.2 s; the two need not wait for each other (issue 19).
 *
 * <p>It guesses nothing: only the word right after {@code run} is read, which picocli can only take
 * as the command's first parameter, the manifest, and only that command's own load takes the result,
 * for the same path, in the same command line's thread and before it ends; the outcome, errors
 * included, is the one a load on the main thread gives. Any other command line loads as before. When
 * the command turns out not to load it ({@code --help}, a bad option), the read was wasted work on a
 * daemon thread: it writes nothing (only a failure of the loader itself would be logged, as always).
 */
final class ManifestPrefetch {
    private record Started(Path file, CompletableFuture<Manifest> load) {
    }

    /** The load started for the command line this thread is executing ({@link RedYellowCommand#execute}). */
    private static final ThreadLocal<Started> STARTED = new ThreadLocal<>();

    private ManifestPrefetch() {
    }

    /** Starts reading the manifest in the background when {@code args} are {@code run MANIFEST ...}. */
    static void start(String[] args) {
        STARTED.remove();
        if (args.length < 2 || !"run".equals(args[0]) || args[1].isEmpty() || args[1].startsWith("-")
                || args[1].startsWith("@")) {
            return; // not the run command, or its next word is an option or an argument file
        }
        Path file;
        try {
            file = Path.of(args[1]);
        } catch (java.nio.file.InvalidPathException e) {
            return; // picocli says what is wrong with it
        }
        CompletableFuture<Manifest> load = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                CliLog.install(); // what the load logs goes where the command line's log goes (either thread sets it up)
                load.complete(ManifestLoader.load(file));
            } catch (ManifestException | RuntimeException | Error e) {
                load.completeExceptionally(e);
            }
        }, "redyellow-manifest-read");
        reader.setDaemon(true); // `run --help` never asks for it
        STARTED.set(new Started(file, load));
        reader.start();
    }

    /** The manifest this thread's command line started reading and has not taken, or null (for tests). */
    static Path pending() {
        Started started = STARTED.get();
        return started == null ? null : started.file();
    }

    /** Waits until this thread's pending read, if any, has ended (for tests). */
    static void awaitPending() {
        Started started = STARTED.get();
        if (started != null) {
            started.load().handle((manifest, failure) -> null).join();
        }
    }

    /** Forgets what {@link #start} began, taken or not: the command line has ended. */
    static void end() {
        STARTED.remove();
    }

    /** The manifest at {@code file}: the one started for it, or read now. */
    static Manifest load(Path file) throws ManifestException {
        Started started = STARTED.get();
        STARTED.remove();
        if (started == null || !started.file().equals(file)) {
            return ManifestLoader.load(file);
        }
        try {
            return started.load().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + file, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ManifestException bad) {
                throw bad;
            }
            if (e.getCause() instanceof RuntimeException failed) {
                throw failed;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
