package dev.redyellow.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks, before anything runs, that a file RedYellow will write at the end (the report) can be
 * written there: a run of an hour must not end with "cannot write the report". The check creates
 * and removes one probe file in the nearest existing folder, so permission bits, read-only mounts
 * and pseudo file systems all answer the way the real write would; nothing else is left behind.
 */
final class OutputLocation {

    private OutputLocation() {
    }

    /** Why {@code file} cannot be written as a file; empty when it can. */
    static Optional<String> problem(Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            return Optional.of(target + " is a folder; give a file name, e.g. " + target.resolve("report.json"));
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            return Optional.of(target + " exists and is not a regular file");
        }
        Path existing = target.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Optional.of("no folder of " + target + " exists");
        }
        if (!Files.isDirectory(existing)) {
            return Optional.of(existing + " is a file, so " + target + " cannot be created under it");
        }
        try {
            Path probe = Files.createTempFile(existing, ".redyellow-probe-", ".tmp");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("cannot write in " + existing + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        if (Files.exists(target) && !Files.isWritable(target)) {
            return Optional.of(target + " is not writable");
        }
        return Optional.empty();
    }
}
