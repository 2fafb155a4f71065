package dev.redyellow.implement;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.manifest.Feature;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks an implementer for attempt {@code attempt} (1-based) of a feature.
 *
 * @param workspace the attempt's workspace: base, accepted dependency code and the feature's tests; {@code null} when
 *                  the implementer does not {@linkplain Implementer#readsWorkspace read one}
 * @param previous  the failure of the previous attempt, absent for the first
 */
public record AttemptRequest(Feature feature, int attempt, Path workspace, Optional<FailureContext> previous,
                             OutputSink output) {
}
