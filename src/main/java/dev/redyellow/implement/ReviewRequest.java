package dev.redyellow.implement;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.testing.TestResult;
import java.nio.file.Path;

/**
 * Asks a reviewer to judge one passing attempt. {@code workspace} is {@code null} when the reviewer
 * does not {@linkplain Reviewer#readsWorkspace read one}.
 */
public record ReviewRequest(Feature feature, int attempt, Path workspace, FileSet attemptFiles,
                            TestResult testResult, OutputSink output) {
}
