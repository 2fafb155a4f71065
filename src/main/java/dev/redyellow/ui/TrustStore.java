package dev.redyellow.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The manifests whose commands the user agreed to run, by content hash: a changed manifest is a new
 * manifest and is asked about again. Kept in a small text file, one hash a line.
 */
public final class TrustStore {
    private static final System.Logger LOG = System.getLogger(TrustStore.class.getName());
    private final Path file;
    private final Set<String> trusted = new HashSet<>();

    public TrustStore(Path file) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                        .filter(l -> !l.isEmpty()).forEach(trusted::add);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the trusted manifests in " + file + "; asking again", e);
        }
    }

    public synchronized boolean isTrusted(String contentHash) {
        return trusted.contains(contentHash);
    }

    /** Remembers the hash; a file that cannot be written only costs asking again next time. */
    public synchronized void trust(String contentHash) {
        if (!trusted.add(contentHash)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, contentHash + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remember the trusted manifest in " + file, e);
        }
    }
}
