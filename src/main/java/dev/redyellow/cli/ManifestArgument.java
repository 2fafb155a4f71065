package dev.redyellow.cli;

import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestError;
import dev.redyellow.manifest.ManifestException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** Loads the manifest named on the command line, printing its located errors when it is bad. */
final class ManifestArgument {

    private ManifestArgument() {
    }

    static Optional<Manifest> load(Path file, PrintWriter err) {
        try {
            return Optional.of(ManifestPrefetch.load(file));
        } catch (ManifestException e) {
            err.println("redyellow: " + file + " is not a valid manifest (" + e.errors().size() + " error"
                    + (e.errors().size() == 1 ? "" : "s") + "):");
            for (ManifestError error : e.errors()) {
                err.println("  " + error);
            }
            err.flush();
            return Optional.empty();
        }
    }
}
