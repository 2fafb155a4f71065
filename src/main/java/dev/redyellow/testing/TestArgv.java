package dev.redyellow.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The argv of one run of a {@code command} test: by default it runs only the feature's own tests,
 * because the workspace also holds the dependencies' tests (as fixtures) and a discovery-based runner
 * would run them all, at a cost that grows with the depth of the graph.
 *
 * <p>Placeholders: {@code {tests}} (the feature's own test paths, one argument each when the argument
 * is exactly the placeholder, else joined by spaces), {@code {testModules}} (the Python modules of
 * those that are {@code .py} files: {@code tests/test_x.py} is {@code tests.test_x}) and
 * {@code {feature}} (the feature id). An argv with neither {@code {tests}} nor {@code {testModules}}
 * that starts a {@link KnownRunner} gets the own tests added, unless it already names tests of its
 * own; folders and globs it names (discovery roots such as {@code tests}, {@code .} or
 * {@code tests/**}{@code /*.test.js}) and unittest's
 * {@code discover} with its options are replaced by the own tests. In regression mode
 * ({@code rerunDependencyTests}) only {@code {feature}} is filled in: the argv runs as written.
 */
final class TestArgv {

    static final String TESTS = "{tests}";
    static final String TEST_MODULES = "{testModules}";
    static final String FEATURE = "{feature}";
    private static final Set<String> UNITTEST_DISCOVER_OPTIONS = Set.of("-s", "--start-directory", "-p", "--pattern",
            "-t", "--top-level-directory");

    /**
     * The argv to run and, when it differs from the written one by more than placeholders, the
     * runner whose own tests were added.
     */
    record Resolved(List<String> argv, Optional<KnownRunner> addedFor) {
        Resolved {
            argv = List.copyOf(argv);
        }
    }

    private TestArgv() {
    }

    /**
     * @param workspace where the command runs: an argument that is a folder there is a discovery root
     * @throws IllegalArgumentException when {@code {feature}} is used but no feature was named
     */
    static Resolved resolve(List<String> argv, List<String> ownTests, String featureId, boolean rerunDependencyTests,
                            Path workspace) {
        List<String> filled = fillFeature(argv, featureId);
        if (rerunDependencyTests) {
            return new Resolved(filled, Optional.empty());
        }
        if (filled.stream().anyMatch(a -> a.contains(TESTS) || a.contains(TEST_MODULES))) {
            return new Resolved(expand(filled, ownTests), Optional.empty());
        }
        Optional<KnownRunner.Found> found = KnownRunner.of(filled);
        if (found.isEmpty()) {
            return new Resolved(filled, Optional.empty());
        }
        KnownRunner runner = found.get().runner();
        List<String> runnable = ownTests.stream().filter(runner::runs).toList();
        if (runnable.isEmpty()) {
            return new Resolved(filled, Optional.empty());
        }
        return withOwnTests(filled, found.get(), runnable, workspace)
                .map(a -> new Resolved(a, Optional.of(runner)))
                .orElseGet(() -> new Resolved(filled, Optional.empty()));
    }

    /** The Python module of a {@code .py} workspace path. */
    static String moduleOf(String path) {
        return path.substring(0, path.length() - ".py".length()).replace('/', '.');
    }

    private static List<String> fillFeature(List<String> argv, String featureId) {
        if (argv.stream().noneMatch(a -> a.contains(FEATURE))) {
            return argv;
        }
        if (featureId.isEmpty()) {
            throw new IllegalArgumentException("the test command uses " + FEATURE + ", but this run did not name its feature");
        }
        return argv.stream().map(a -> a.replace(FEATURE, featureId)).toList();
    }

    private static List<String> expand(List<String> argv, List<String> ownTests) {
        List<String> modules = ownTests.stream().filter(p -> p.endsWith(".py")).map(TestArgv::moduleOf).toList();
        List<String> result = new ArrayList<>();
        for (String arg : argv) {
            if (arg.equals(TESTS)) {
                result.addAll(ownTests);
            } else if (arg.equals(TEST_MODULES)) {
                result.addAll(modules);
            } else {
                result.add(arg.replace(TESTS, String.join(" ", ownTests)).replace(TEST_MODULES, String.join(" ", modules)));
            }
        }
        return result;
    }

    /**
     * The argv with discovery roots taken out and the own tests added; empty when the argv names
     * tests of its own (the user chose them; leave them be).
     */
    private static Optional<List<String>> withOwnTests(List<String> argv, KnownRunner.Found found, List<String> tests,
                                                       Path workspace) {
        KnownRunner runner = found.runner();
        List<String> kept = new ArrayList<>(argv.subList(0, found.argumentsFrom()));
        boolean discover = false;
        for (int i = found.argumentsFrom(); i < argv.size(); i++) {
            String arg = argv.get(i);
            if (runner == KnownRunner.UNITTEST && arg.equals("discover") && i == found.argumentsFrom()) {
                discover = true;
            } else if (discover && UNITTEST_DISCOVER_OPTIONS.contains(arg)) {
                i++; // and its value
            } else if (arg.startsWith("-")) {
                kept.add(arg);
                if (!arg.contains("=") && runner.takesValue(arg) && i + 1 < argv.size()) {
                    kept.add(argv.get(++i));
                }
            } else if (runner == KnownRunner.VITEST && kept.size() == found.argumentsFrom() && arg.equals("run")) {
                kept.add(arg); // the sub-command, not a filter
            } else if (discover || isFolder(workspace, arg) || isGlob(arg)) {
                continue; // a discovery root or pattern: the own tests take its place
            } else {
                return Optional.empty();
            }
        }
        if (runner == KnownRunner.JEST) {
            // Right after "jest": an array option such as --reporters would take paths after it as its
            // values. And jest reads positionals as regular expressions unless told they are paths.
            kept.addAll(found.argumentsFrom(), tests);
            if (!kept.contains("--runTestsByPath")) {
                kept.add("--runTestsByPath");
            }
        } else if (runner == KnownRunner.UNITTEST) {
            tests.stream().map(TestArgv::moduleOf).forEach(kept::add);
        } else {
            kept.addAll(tests);
        }
        return Optional.of(kept);
    }

    private static boolean isGlob(String arg) {
        return arg.indexOf('*') >= 0 || arg.indexOf('?') >= 0;
    }

    private static boolean isFolder(Path workspace, String arg) {
        try {
            return Files.isDirectory(workspace.resolve(arg));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
