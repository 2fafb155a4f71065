package dev.redyellow.testing;

import dev.redyellow.exec.BaseFiles;
import dev.redyellow.exec.OutputSink;
import dev.redyellow.manifest.MutationSettings;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.worker.BaseCompile;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One measurement of a feature's tests against mutants of its accepted code, on a workspace that
 * holds that code, its tests and its dependencies'.
 *
 * @param tests     workspace paths of the feature's own test files: only these run
 * @param code      workspace paths of the feature's accepted files: only their classes are mutated
 * @param baseFiles which workspace files come unchanged from the run's base and GREEN dependencies,
 *                  so their classes compiled for the test runs serve PIT too; empty: compile it all
 * @param untampered what must hold once the tool ran, before its result is kept: throws
 *                  {@link dev.redyellow.exec.TamperingException} when the run's shared dependency
 *                  folders changed (the workspace's check)
 */
public record MutationRequest(Path workspace, TestSettings test, MutationSettings mutation, List<String> tests,
                              List<String> code, OutputSink output, String featureId, Optional<BaseFiles> baseFiles,
                              Runnable untampered) {
    public MutationRequest {
        tests = List.copyOf(tests);
        code = List.copyOf(code);
        baseFiles = Objects.requireNonNullElse(baseFiles, Optional.empty());
        untampered = Objects.requireNonNullElse(untampered, () -> { });
    }

    /** A request on a folder without shared dependency folders to check. */
    public MutationRequest(Path workspace, TestSettings test, MutationSettings mutation, List<String> tests,
                           List<String> code, OutputSink output, String featureId, Optional<BaseFiles> baseFiles) {
        this(workspace, test, mutation, tests, code, output, featureId, baseFiles, null);
    }

    /** The base's files as the compile that shares their classes takes them (empty: compile it all). */
    public Optional<BaseCompile.Base> base() {
        return baseFiles.map(b -> JUnitTestRunner.forCompile(b, Optional.empty()));
    }

    /** A request that does not say which files are the base's: the whole workspace is compiled. */
    public MutationRequest(Path workspace, TestSettings test, MutationSettings mutation, List<String> tests,
                           List<String> code, OutputSink output, String featureId) {
        this(workspace, test, mutation, tests, code, output, featureId, Optional.empty());
    }
}
