package dev.redyellow.testing;

import dev.redyellow.exec.BaseFiles;
import dev.redyellow.exec.OutputSink;
import dev.redyellow.manifest.TestSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of tests on one workspace.
 *
 * @param selectedTests workspace paths of the test files to run (the feature's own tests by default);
 *                      the junit kind turns them into class selectors, the command kind puts them in
 *                      its argv ({@code {tests}}, {@code {testModules}})
 * @param output        receives the runner's output live
 * @param featureId     the feature whose tests these are, for the command kind's {@code {feature}};
 *                      "" when the caller did not say
 * @param baseFiles     which workspace files come unchanged from the run's base snapshot (issue 19: the
 *                      junit kind compiles those once per base hash); empty: unknown, compile all
 */
public record TestRequest(Path workspace, TestSettings settings, List<String> selectedTests, OutputSink output,
                          String featureId, Optional<BaseFiles> baseFiles) {
    public TestRequest {
        selectedTests = List.copyOf(selectedTests);
        featureId = Objects.requireNonNullElse(featureId, "");
        baseFiles = Objects.requireNonNullElse(baseFiles, Optional.empty());
    }

    /** A request without knowledge of the base. */
    public TestRequest(Path workspace, TestSettings settings, List<String> selectedTests, OutputSink output,
                       String featureId) {
        this(workspace, settings, selectedTests, output, featureId, Optional.empty());
    }

    /** A request that does not name its feature. */
    public TestRequest(Path workspace, TestSettings settings, List<String> selectedTests, OutputSink output) {
        this(workspace, settings, selectedTests, output, "");
    }
}
