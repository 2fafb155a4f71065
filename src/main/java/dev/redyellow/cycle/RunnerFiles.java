package dev.redyellow.cycle;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Files that decide how the tests run or what they report, without being tests: an implementer that
 * writes one can make failing tests pass (a conftest.py whose hook reports every test as passed, a
 * JUnit extension registered to swallow failures, compiled Python loaded instead of the test's source,
 * a module named like the runner). Like the tests, they are read-only for the implementer (SPEC section
 * 1: test files are read-only), unless its file is what the base already has there. The code under
 * test runs in the test process and can always forge what the runner reports; this stops the
 * file-level tricks only.
 */
final class RunnerFiles {

    // vite.config is not among them: in a vite application it is the build's, which a feature may need to change
    private static final Pattern JS_CONFIG = Pattern.compile("(?:vitest|jest)\\.config\\.(?:[cm]?[jt]s|json)|vitest\\.workspace\\.(?:[cm]?[jt]s|json)");

    private RunnerFiles() {
    }

    /** What the file at workspace path {@code path} is to the test runner; empty when it is none of these. */
    static Optional<String> role(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        boolean topLevel = path.indexOf('/') < 0;
        if (name.equals("conftest.py")) {
            return Optional.of("a pytest plugin");
        }
        if (name.equals("pytest.ini") || name.equals(".pytest.ini") || name.equals("pytest.toml") || name.equals(".pytest.toml")) {
            return Optional.of("pytest's configuration");
        }
        if (name.endsWith(".pyc") || path.startsWith("__pycache__/") || path.contains("/__pycache__/")) {
            return Optional.of("compiled Python, loaded instead of the source");
        }
        if (topLevel && (name.equals("pytest.py") || name.equals("unittest.py") || name.equals("sitecustomize.py")
                || name.equals("usercustomize.py"))
                || path.startsWith("pytest/") || path.startsWith("_pytest/") || path.startsWith("unittest/")) {
            return Optional.of("a module in the runner's name, imported instead of it");
        }
        if (name.equals("redyellow_pytest_skips.py") || path.startsWith("redyellow_pytest_skips/")
                || path.contains("/redyellow_pytest_skips/")) {
            // the working directory comes before the plugin's folder on sys.path: a module of this name would stand
            // in for RedYellow's pytest plugin, which says where the tests' skips came from
            return Optional.of("a module in the name of RedYellow's pytest plugin, imported instead of it");
        }
        if (java.util.Arrays.stream(path.split("/")).limit(path.split("/").length - 1L)
                .map(folder -> folder.toLowerCase(java.util.Locale.ROOT)) // importlib.metadata reads any case
                .anyMatch(folder -> folder.endsWith(".dist-info") || folder.endsWith(".egg-info"))) {
            // found by the review: a *.dist-info with a pytest11 entry point in the working directory (which
            // `python -m pytest` puts on sys.path) is a plugin pytest loads by itself
            return Optional.of("an installed package's metadata, whose entry points pytest loads as plugins");
        }
        if (name.equals(".npmrc") || name.equals(".yarnrc") || name.equals(".yarnrc.yml") || name.equals("bunfig.toml")) {
            // npm's node-options (a --require of a module that changes node:test), bun's test preload
            return Optional.of("the package manager's configuration, which can load code into the test process");
        }
        if (name.equals("junit-platform.properties")) {
            return Optional.of("the JUnit Platform's configuration");
        }
        if (path.contains("META-INF/services/org.junit.")) {
            return Optional.of("a JUnit service registration (extensions, listeners)");
        }
        if (JS_CONFIG.matcher(name).matches()) {
            return Optional.of("the test runner's configuration");
        }
        return Optional.empty();
    }
}
