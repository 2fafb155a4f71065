package dev.redyellow.testing;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.manifest.TestSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * One run of tests on one workspace.
 *
 * @param selectedTests workspace paths of the test files to run (the feature's own tests by default);
 *                      the junit kind turns them into class selectors, the command kind ignores them
 * @param output        receives the runner's output live
 */
public record TestRequest(Path workspace, TestSettings settings, List<String> selectedTests, OutputSink output) {
    public TestRequest {
        selectedTests = List.copyOf(selectedTests);
    }
}
