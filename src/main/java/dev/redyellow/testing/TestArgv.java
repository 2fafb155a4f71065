package dev.redyellow.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * {@code tests/**}{@code /*.test.js}) and unittest's {@code discover} with its options are replaced by
 * the own tests (as modules of the folder discover would import them from). In regression mode
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
    record Resolved(List<String> argv, Optional<KnownRunner> addedFor, Optional<String> importRoot) {
        Resolved {
            argv = List.copyOf(argv);
        }

        Resolved(List<String> argv, Optional<KnownRunner> addedFor) {
            this(argv, addedFor, Optional.empty());
        }

        /**
         * The environment to run with: unittest's {@code discover -s tests} imports test modules from
         * that folder (it puts it on {@code sys.path}), so the module names that replace it need it on
         * {@code PYTHONPATH}, ahead of what the settings or RedYellow's own environment put there.
         */
        Map<String, String> env(Map<String, String> settings, Map<String, String> inherited) {
            if (importRoot.isEmpty()) {
                return settings;
            }
            Map<String, String> env = new HashMap<>(settings);
            String existing = settings.getOrDefault("PYTHONPATH", inherited.get("PYTHONPATH"));
            env.put("PYTHONPATH", existing == null || existing.isEmpty() ? importRoot.get()
                    : importRoot.get() + java.io.File.pathSeparator + existing);
            return env;
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
                .orElseGet(() -> new Resolved(filled, Optional.empty()));
    }

    /**
     * pytest's argv with its short summary's skips asked for ({@code -r} with {@code s} added to the report
     * characters the argv asks for, pytest's default {@code fE} when it asks for none): each
     * "SKIPPED [n] file:line: reason" line says where tests were skipped, and a skip that the
     * implementation's code makes is no pass ({@link PytestSummary}); {@code --no-fold-skipped} (pytest 8.3,
     * which then names each skipped test instead of its place) is undone by a {@code --fold-skipped} after it.
     * The argv itself for other runners, when it reports skips already, and when it turns pytest's terminal
     * plugin off ({@code -p no:terminal}: {@code -r} would then be an unknown option). Only for a pytest that
     * cannot load RedYellow's plugin ({@link PytestSkips#ignoresEnvironment}), which says more.
     */
    static List<String> withSkipReport(List<String> argv) {
        Optional<KnownRunner.Found> found = KnownRunner.of(argv);
        if (found.isEmpty() || found.get().runner() != KnownRunner.PYTEST) {
            return argv;
        }
        String chars = "fE";
        boolean unfolded = false;
        int end = argv.size();
        for (int i = found.get().argumentsFrom(); i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.equals("--")) {
                end = i;
                break;
            }
            if (arg.equals("-p") && i + 1 < argv.size() && argv.get(i + 1).equals("no:terminal") || arg.equals("-pno:terminal")) {
                return argv;
            }
            if (arg.equals("--no-fold-skipped")) {
                unfolded = true;
            } else if (arg.equals("--fold-skipped")) {
                unfolded = false;
            }
            int r = reportOption(arg);
            if (r > 0) {
                chars = arg.substring(r + 1);
                if (chars.isEmpty() && i + 1 < argv.size()) {
                    chars = argv.get(++i); // "-r fE", "-vr fE": the value is the next argument
                }
            }
        }
        String effective = chars.substring(chars.lastIndexOf('N') + 1);
        boolean reportsSkips = effective.contains("s") || effective.contains("a") || effective.contains("A");
        if (reportsSkips && !unfolded) {
            return argv;
        }
        List<String> reporting = new ArrayList<>(argv.subList(0, end));
        if (!reportsSkips) {
            reporting.add("-r" + effective + "s");
        }
        if (unfolded) {
            reporting.add("--fold-skipped");
        }
        reporting.addAll(argv.subList(end, argv.size()));
        return reporting;
    }

    /** pytest's short options that take a value: in a bundle ({@code -vra}) the first of them takes the rest. */
    private static final String PYTEST_VALUE_OPTIONS = "kmcpoWnr";

    /** Where {@code -r} is in a short-option argument ({@code -rfE}, {@code -r}, {@code -vra}), or -1. */
    private static int reportOption(String arg) {
        if (arg.length() < 2 || arg.charAt(0) != '-' || arg.charAt(1) == '-') {
            return -1;
        }
        for (int c = 1; c < arg.length(); c++) {
            char option = arg.charAt(c);
            if (!Character.isLetter(option)) {
                return -1;
            }
            if (PYTEST_VALUE_OPTIONS.indexOf(option) >= 0) {
                // the first option that takes a value takes the rest: -k's expression, -p's plugin, -r's characters
                return option == 'r' ? c : -1;
            }
        }
        return -1;
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
    private static Optional<Resolved> withOwnTests(List<String> argv, KnownRunner.Found found, List<String> tests,
                                                   Path workspace) {
        KnownRunner runner = found.runner();
        List<String> kept = new ArrayList<>(argv.subList(0, found.argumentsFrom()));
        Discover discover = null;
        for (int i = found.argumentsFrom(); i < argv.size(); i++) {
            String arg = argv.get(i);
            if (runner == KnownRunner.UNITTEST && arg.equals("discover") && i == found.argumentsFrom()) {
                discover = new Discover();
            } else if (discover != null && discover.option(arg, i + 1 < argv.size() ? argv.get(i + 1) : null)) {
                i += arg.contains("=") ? 0 : 1; // and its value
            } else if (arg.startsWith("-")) {
                kept.add(arg);
                if (!arg.contains("=") && runner.takesValue(arg) && i + 1 < argv.size()) {
                    kept.add(argv.get(++i));
                }
            } else if (runner == KnownRunner.VITEST && kept.size() == found.argumentsFrom() && arg.equals("run")) {
                kept.add(arg); // the sub-command, not a filter
            } else if (discover != null) {
                discover.positional(arg);
            } else if (!isFolder(workspace, arg) && !isGlob(arg)) {
                return Optional.empty();
            }
            // Otherwise a discovery root or pattern: the own tests take its place.
        }
        Optional<String> importRoot = Optional.empty();
        if (runner == KnownRunner.JEST) {
            // Right after "jest": an array option such as --reporters would take paths after it as its
            // values. And jest reads positionals as regular expressions unless told they are paths.
            kept.addAll(found.argumentsFrom(), tests);
            if (!kept.contains("--runTestsByPath")) {
                kept.add("--runTestsByPath");
            }
        } else if (runner == KnownRunner.UNITTEST) {
            importRoot = discover == null ? Optional.empty() : discover.importRoot();
            String root = importRoot.map(r -> r + "/").orElse("");
            tests.stream().map(t -> !root.isEmpty() && t.startsWith(root) ? t.substring(root.length()) : t)
                    .map(TestArgv::moduleOf).forEach(kept::add);
        } else {
            kept.addAll(tests);
        }
        return Optional.of(new Resolved(kept, Optional.of(runner), importRoot));
    }

    /** What {@code unittest discover} was told: its start and top-level folders decide the module names. */
    private static final class Discover {
        private String start;
        private String top;
        private int positionals;

        /** Reads a discovery option ("-s tests", "--start-directory=tests"); false when it is none. */
        boolean option(String arg, String next) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!UNITTEST_DISCOVER_OPTIONS.contains(name)) {
                return false;
            }
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : next;
            switch (name) {
                case "-s", "--start-directory" -> start = value;
                case "-t", "--top-level-directory" -> top = value;
                default -> { }
            }
            return true;
        }

        /** discover's positionals: start, pattern, top. */
        void positional(String arg) {
            switch (positionals++) {
                case 0 -> start = arg;
                case 2 -> top = arg;
                default -> { }
            }
        }

        /** The folder discover imports test modules from, when it is not the workspace itself. */
        Optional<String> importRoot() {
            String root = top != null ? top : start;
            if (root == null) {
                return Optional.empty();
            }
            String normal = root.replace('\\', '/');
            while (normal.startsWith("./")) {
                normal = normal.substring(2);
            }
            while (normal.endsWith("/")) {
                normal = normal.substring(0, normal.length() - 1);
            }
            return normal.isEmpty() || normal.equals(".") ? Optional.empty() : Optional.of(normal);
        }
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
