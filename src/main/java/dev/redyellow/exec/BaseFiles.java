package dev.redyellow.exec;

import java.nio.file.Path;
import java.util.Set;

/**
 * Which files of a workspace come unchanged from the run's base snapshot (issue 19): a runner that
 * compiles may compile the base once per {@code hash} and only the other files per run.
 *
 * @param snapshot  the run's private copy of the base (it does not change during the run)
 * @param hash      the content hash of the whole snapshot ({@link WorkspaceContent#hash()})
 * @param unchanged {@code /}-separated workspace paths whose entry is exactly the snapshot's
 */
public record BaseFiles(Path snapshot, String hash, Set<String> unchanged) {
    public BaseFiles {
        unchanged = Set.copyOf(unchanged);
    }
}
