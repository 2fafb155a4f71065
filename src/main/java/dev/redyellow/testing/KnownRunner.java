package dev.redyellow.testing;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The discovery-based test runners whose argv RedYellow knows well enough to add the feature's own
 * tests to: where in the argv the runner's own arguments start, which of its options take a value
 * (so a value is not mistaken for a test path), and which test files it can run.
 */
enum KnownRunner {
    UNITTEST("python unittest", Set.of(".py"), Set.of("-k")),
    PYTEST("pytest", Set.of(".py"), Set.of("-k", "-m", "-p", "-c", "-o", "-W", "-n", "-r", "--rootdir", "--basetemp",
            "--junitxml", "--junit-xml", "--deselect", "--ignore", "--ignore-glob", "--confcutdir", "--tb", "--maxfail",
            "--override-ini", "--log-level", "--durations", "--import-mode", "--capture", "--color", "--dist",
            "--numprocesses", "--cov", "--cov-report", "--timeout")),
    NODE_TEST("node --test", Set.of(".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"), Set.of("-r", "--require", "--import",
            "--loader", "--experimental-loader", "--test-reporter", "--test-reporter-destination", "--test-name-pattern",
            "--test-skip-pattern", "--test-concurrency", "--test-timeout", "--test-shard", "-C", "--conditions",
            "--input-type", "--env-file")),
    VITEST("vitest", JavaScript.FILES, Set.of("-c", "--config", "-r", "--root", "--dir", "--reporter", "--outputFile",
            "--project", "--environment", "--pool", "-t", "--testNamePattern", "--shard", "--mode", "--maxWorkers",
            "--coverage.reporter", "--exclude")),
    JEST("jest", JavaScript.FILES, Set.of("-c", "--config", "--rootDir", "--roots", "--reporters", "-t",
            "--testNamePattern", "--testPathPattern", "--testPathIgnorePatterns", "--outputFile", "-w", "--maxWorkers",
            "--selectProjects", "--shard", "--testTimeout", "--testEnvironment", "--coverageReporters"));

    private final String label;
    private final Set<String> testFileEndings;
    private final Set<String> optionsWithValue;

    KnownRunner(String label, Set<String> testFileEndings, Set<String> optionsWithValue) {
        this.label = label;
        this.testFileEndings = testFileEndings;
        this.optionsWithValue = optionsWithValue;
    }

    /** How messages name the runner. */
    String label() {
        return label;
    }

    /** Whether this runner can run the test file at this workspace path. */
    boolean runs(String testPath) {
        return testFileEndings.stream().anyMatch(testPath::endsWith);
    }

    /** Whether this option, written without "=value", takes the next argument as its value. */
    boolean takesValue(String option) {
        return optionsWithValue.contains(option);
    }

    /** The runner this argv starts and the index of the runner's first own argument. */
    record Found(KnownRunner runner, int argumentsFrom) {
    }

    /**
     * Recognises the runner by how the argv names it: {@code python3 -m unittest}, {@code python -m
     * pytest} or {@code pytest} (also under {@code uv run}, {@code poetry run} and the like),
     * {@code node --test}, and vitest or jest run directly or through a
     * launcher ({@code npx}, {@code pnpm exec}, {@code yarn}, {@code bunx}) or by a path such as
     * {@code node_modules/.bin/vitest}.
     */
    /** Where the launched command starts in {@code uv run ... CMD} and the like; 0 when there is no such launcher. */
    static int launched(List<String> argv) {
        return PythonLaunchers.skip(argv);
    }

    /** The interpreter's options whose value is the next argument. */
    static final Set<String> PYTHON_VALUE_OPTIONS = Set.of("-W", "-X", "--check-hash-based-pycs");

    static Optional<Found> of(List<String> argv) {
        if (argv.isEmpty()) {
            return Optional.empty();
        }
        int after = PythonLaunchers.skip(argv);
        if (after > 0) {
            return of(argv.subList(after, argv.size()))
                    .map(found -> new Found(found.runner(), found.argumentsFrom() + after));
        }
        String program = baseName(argv.get(0));
        if (program.matches("python[0-9.]*(?:\\.exe)?")) {
            for (int i = 1; i + 1 < argv.size(); i++) {
                if (argv.get(i).equals("-m")) {
                    return switch (argv.get(i + 1)) {
                        case "unittest" -> Optional.of(new Found(UNITTEST, i + 2));
                        case "pytest" -> Optional.of(new Found(PYTEST, i + 2));
                        default -> Optional.empty();
                    };
                }
                if (PYTHON_VALUE_OPTIONS.contains(argv.get(i))) {
                    i++; // -W ignore, -X dev: the value is no script
                } else if (!argv.get(i).startsWith("-")) {
                    return Optional.empty(); // a script, not a module
                }
            }
            return Optional.empty();
        }
        if (program.equals("pytest") || program.equals("py.test")) {
            return Optional.of(new Found(PYTEST, 1));
        }
        if ((program.equals("node") || program.equals("nodejs")) && beforeFirstPositional(argv, "--test")) {
            return Optional.of(new Found(NODE_TEST, 1));
        }
        for (int i = 0; i < argv.size(); i++) {
            String name = baseName(argv.get(i));
            if (name.equals("vitest") || name.equals("vitest.mjs")) {
                return Optional.of(new Found(VITEST, i + 1));
            }
            if (name.equals("jest") || name.equals("jest.js")) {
                return Optional.of(new Found(JEST, i + 1));
            }
            if (!JavaScript.LAUNCHERS.contains(name) && !argv.get(i).startsWith("-")) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean beforeFirstPositional(List<String> argv, String flag) {
        for (int i = 1; i < argv.size(); i++) {
            if (argv.get(i).equals(flag)) {
                return true;
            }
            if (!argv.get(i).startsWith("-")) {
                return false;
            }
        }
        return false;
    }

    static String baseName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /** Project tools that run a command in the project's environment: {@code uv run pytest}. */
    private static final class PythonLaunchers {
        static final Set<String> TOOLS = Set.of("uv", "poetry", "pipenv", "pdm", "hatch", "rye");
        static final Set<String> OPTIONS_WITH_VALUE = Set.of("--with", "--python", "-p", "--project", "--directory",
                "--env-file", "--extra", "--group", "--package", "--with-requirements", "-e", "--env");

        /** The index of the launched command, or 0 when the argv does not start with such a launcher. */
        static int skip(List<String> argv) {
            if (argv.size() < 3 || !TOOLS.contains(baseName(argv.get(0))) || !argv.get(1).equals("run")) {
                return 0;
            }
            for (int i = 2; i < argv.size(); i++) {
                String arg = argv.get(i);
                if (!arg.startsWith("-")) {
                    return i;
                }
                if (!arg.contains("=") && OPTIONS_WITH_VALUE.contains(arg)) {
                    i++;
                }
            }
            return 0;
        }
    }

    /** What the two JavaScript runners share. */
    private static final class JavaScript {
        static final Set<String> FILES = Set.of(".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx");
        /** Programs and sub-commands that start a package's binary, and may come before vitest or jest. */
        static final Set<String> LAUNCHERS = Set.of("npx", "pnpm", "yarn", "bunx", "bun", "exec", "dlx", "x");
    }
}
