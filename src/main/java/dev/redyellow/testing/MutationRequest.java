package dev.redyellow.testing;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.manifest.MutationSettings;
import dev.redyellow.manifest.TestSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * One measurement of a feature's tests against mutants of its accepted code, on a workspace that
 * holds that code, its tests and its dependencies'.
 *
 * @param tests     workspace paths of the feature's own test files: only these run
 * @param code      workspace paths of the feature's accepted files: only their classes are mutated
 */
public record MutationRequest(Path workspace, TestSettings test, MutationSettings mutation, List<String> tests,
                              List<String> code, OutputSink output, String featureId) {
    public MutationRequest {
        tests = List.copyOf(tests);
        code = List.copyOf(code);
    }
}
