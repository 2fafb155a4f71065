package dev.redyellow.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which paths govern the test runner, as the review's cheats wrote them, and which are plain code. */
class RunnerFilesTest {

    @Test
    void theFilesARunnerLoadsOnItsOwnAreTheRunners() {
        for (String path : List.of("conftest.py", "tests/conftest.py", "pytest.ini", "tests/__pycache__/test_slug.cpython-311.pyc",
                "slug.pyc", "pytest.py", "unittest.py", "sitecustomize.py", "_pytest/hooks.py", "redyellow_pytest_skips.py",
                "src/redyellow_pytest_skips/__init__.py", ".pytest.ini", "pytest.toml", ".pytest.toml",
                "src/test/resources/junit-platform.properties",
                "src/test/resources/META-INF/services/org.junit.jupiter.api.extension.Extension",
                "vitest.config.ts", "jest.config.js", "jest.config.json", "vitest.workspace.ts",
                // found by the review: an entry point in package metadata on sys.path, npm's node-options
                "evil-1.0.dist-info/entry_points.txt", "src/evil.egg-info/entry_points.txt", ".npmrc", "app/.npmrc",
                "evil-1.0.DIST-INFO/entry_points.txt",
                "bunfig.toml", ".yarnrc.yml")) {
            assertTrue(RunnerFiles.role(path).isPresent(), path);
        }
    }

    @Test
    void codeIsNot() {
        for (String path : List.of("slug.py", "src/pytest_helpers.py", "lib/unittest.py", "tests/test_slug.py",
                "src/main/java/p/Slug.java", "src/main/resources/META-INF/services/java.sql.Driver", "src/config.ts",
                "docs/vitest.config.md", "vite.config.ts", "docs/dist-info.md", "src/egg-info.py")) {
            assertEquals(Optional.empty(), RunnerFiles.role(path), path);
        }
    }
}
