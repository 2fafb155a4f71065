package dev.redyellow.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The runner's part of a project file: what an attempt may change in it and what it may not. */
class RunnerSettingsTest {
    private static final String PYPROJECT = """
            [project]
            name = "calc"
            version = "1.0"

            [tool.black]
            line-length = 100

            [tool.pytest.ini_options]
            testpaths = ["tests"]
            markers = [
                "slow: takes a while",
            ]
            """;
    private static final List<String> PYTEST = List.of("python3", "-m", "pytest");

    private static Optional<String> changed(String path, String before, String after, List<String> command) {
        return RunnerSettings.changed(path, before == null ? null : before.getBytes(StandardCharsets.UTF_8),
                after.getBytes(StandardCharsets.UTF_8), command);
    }

    @Test
    void aPyprojectsOwnPartsMayChangeButNotPytestsTableHoweverItIsWritten() {
        String ownParts = PYPROJECT.replace("version = \"1.0\"", "version = \"1.1\"\ndependencies = [\"attrs\"]")
                .replace("line-length = 100", "line-length = 88");
        assertEquals(Optional.empty(), changed("pyproject.toml", PYPROJECT, ownParts, PYTEST));
        // the same table written otherwise (a comment, spacing, an inline array) is the same configuration
        String reformatted = PYPROJECT.replace("testpaths = [\"tests\"]", "# where\ntestpaths = [ 'tests' ]")
                .replace("markers = [\n    \"slow: takes a while\",\n]", "markers = [\"slow: takes a while\"]");
        assertEquals(Optional.empty(), changed("pyproject.toml", PYPROJECT, reformatted, PYTEST));

        String role = "pytest's configuration, its [tool.pytest] table";
        String deselects = PYPROJECT + "addopts = \"--deselect tests/test_calc.py::test_div\"\n";
        assertEquals(Optional.of(role), changed("pyproject.toml", PYPROJECT, deselects, PYTEST));
        // pytest 9's own table, and a dotted key under [tool], are the same table to pytest
        assertEquals(Optional.of(role), changed("pyproject.toml", PYPROJECT,
                PYPROJECT + "\n[tool.pytest]\naddopts = [\"-k\", \"not div\"]\n", PYTEST));
        assertEquals(Optional.of(role), changed("pyproject.toml", "[project]\nname = \"calc\"\n",
                "[project]\nname = \"calc\"\n\n[tool]\npytest.ini_options.addopts = \"-m fast\"\n", PYTEST));
        // a new file in a test folder is the ini file pytest finds there first
        assertEquals(Optional.of(role), changed("tests/pyproject.toml", null,
                "[tool.pytest.ini_options]\naddopts = \"-k add\"\n", PYTEST));
        assertEquals(Optional.empty(), changed("tests/pyproject.toml", null, "[project]\nname = \"helper\"\n", PYTEST));
    }

    @Test
    void lineEndsAndLowerCaseDateTimesAreReadAsPythonReadsThem() {
        // found by the review: Jackson kept \r\n in a multi-line string (tomllib gives \n), and refused "t" and "z"
        String multiLine = "[tool.pytest.ini_options]\naddopts = \"\"\"\n-ra\n--strict-markers\"\"\"\n";
        assertEquals(Optional.empty(), changed("pyproject.toml", multiLine, multiLine.replace("\n", "\r\n"), PYTEST));
        String released = "[project]\nname = \"calc\"\n\n[tool.release]\nat = 2026-12-08t00:00:00z\n";
        assertEquals(Optional.empty(), changed("pyproject.toml", released, released.replace("calc", "calc2"), PYTEST));
        assertEquals(Optional.of("pytest's configuration, its [tool.pytest] table"), changed("pyproject.toml", released,
                released + "\n[tool.pytest.ini_options]\naddopts = \"-k add\"\n", PYTEST));
    }

    @Test
    void aFileThatCannotBeReadAfterTheAttemptIsAChangeUnlessItWasTheSameBefore() {
        String broken = PYPROJECT + "addopts = \"-k add\n"; // an unclosed string
        Optional<String> reason = changed("pyproject.toml", PYPROJECT, broken, PYTEST);
        assertTrue(reason.isPresent() && reason.get().startsWith("pytest's configuration, its [tool.pytest] table,"
                + " which cannot be told: the file cannot be read as TOML ("), reason.toString());
        assertEquals(Optional.empty(), changed("pyproject.toml", broken, broken, PYTEST));
        assertTrue(changed("pyproject.toml", broken, PYPROJECT, PYTEST).isPresent(),
                "a table that could not be read before cannot be told equal to the one after");
    }

    @Test
    void pytestsSectionOfASetupCfgOrToxIniIsTheRunnersTheRestIsTheFeatures() {
        String setup = "[metadata]\nname = calc\n\n[tool:pytest]\ntestpaths = tests\naddopts =\n    -ra\n    --strict-markers\n";
        assertEquals(Optional.empty(), changed("setup.cfg", setup, setup.replace("name = calc", "name = calc2"), PYTEST));
        assertEquals(Optional.empty(), changed("setup.cfg", setup,
                setup.replace("[tool:pytest]\n", "[tool:pytest]\n# why: the tests live there\n\n"), PYTEST));
        assertEquals(Optional.of("pytest's configuration, its [tool:pytest] section"), changed("setup.cfg", setup,
                setup.replace("    --strict-markers\n", "    --strict-markers\n    -k add\n"), PYTEST));
        assertEquals(Optional.of("pytest's configuration, its [tool:pytest] section"),
                changed("setup.cfg", null, "[tool:pytest]\naddopts = -k add\n", PYTEST));
        // [pytest] in a setup.cfg is not pytest's: only [tool:pytest] is read there
        assertEquals(Optional.empty(), changed("setup.cfg", setup, setup + "[pytest]\naddopts = -k add\n", PYTEST));

        String tox = "[tox]\nenvlist = py311\n\n[pytest]\ntestpaths = tests\n";
        assertEquals(Optional.empty(), changed("tox.ini", tox, tox.replace("py311", "py312"), PYTEST));
        assertEquals(Optional.of("pytest's configuration, its [pytest] section"),
                changed("tox.ini", tox, tox + "addopts = --deselect tests/test_calc.py::test_div\n", PYTEST));
        // a second [pytest] section is read too
        assertEquals(Optional.of("pytest's configuration, its [pytest] section"),
                changed("tox.ini", tox, tox + "\n[pytest]\naddopts = -k add\n", PYTEST));
    }

    @Test
    void anIniFileIsReadAsPytestsIniconfigReadsItWithPythonsLineEnds() {
        // found by the review: a form feed or a Unicode line separator ends a line for Python, not for a Java split
        // on \r and \n, so "[tox]...\f[pytest]\faddopts" hid pytest's section; and "[x" is no header for iniconfig
        // (it continues the value before), so the addopts after it stayed in [pytest]
        String role = "pytest's configuration, its [pytest] section";
        assertEquals(Optional.of(role), changed("tox.ini", null,
                "[tox]\nenvlist = py3\f[pytest]\faddopts = --deselect tests/test_calc.py::test_div\n", PYTEST));
        assertEquals(Optional.of("pytest's configuration, its [tool:pytest] section"), changed("setup.cfg",
                "[metadata]\nname = calc\n", "[metadata]\nname = calc\u2028[tool:pytest]\u2028addopts = -k add\n", PYTEST));
        String tox = "[tox]\nenvlist = py3\n\n[pytest]\ntestpaths = tests\n";
        assertEquals(Optional.of(role), changed("tox.ini", tox, tox + "[x\naddopts = -k add\n", PYTEST));
        // as iniconfig: an indented "[" line continues a value, a header's comment is cut, "name: value" is a value
        assertEquals(Optional.empty(), changed("tox.ini", tox, tox.replace("[pytest]", "[pytest] # ours"), PYTEST));
        assertEquals(Optional.empty(), changed("tox.ini", tox, tox.replace("testpaths = tests", "testpaths: tests"), PYTEST));
        assertEquals(Optional.of(role), changed("tox.ini", tox, tox.replace("testpaths = tests", "testpaths = tests\n  more"),
                PYTEST));
        assertEquals(Optional.empty(), changed("tox.ini", tox, tox.replace("\n", "\r\n"), PYTEST));
        // a line iniconfig cannot read: pytest fails on the file, and whether its section changed cannot be told
        assertTrue(changed("tox.ini", tox, tox + "just words\n", PYTEST).orElseThrow().contains("cannot be told"));
    }

    @Test
    void jestsKeyAndTheScriptsATestScriptReachesAreTheRunnersWhenTheTestCommandRunsThem() {
        String pkg = "{\"name\": \"calc\", \"scripts\": {\"test\": \"npm run unit\", \"unit\": \"jest\", \"build\": \"tsc\"},"
                + " \"dependencies\": {}}";
        List<String> npmTest = List.of("npm", "test");
        assertEquals(Optional.empty(), changed("package.json", pkg,
                pkg.replace("\"dependencies\": {}", "\"dependencies\": {\"lodash\": \"4.17.21\"}"), npmTest));
        assertEquals(Optional.of("jest's configuration, its \"jest\" key"), changed("package.json", pkg,
                pkg.replace("}}", "}, \"jest\": {\"testPathIgnorePatterns\": [\"calc\"]}}"), npmTest));
        // found by the review: a script the test script runs (npm run unit) was not followed
        String unit = "its script unit, which the test command runs through npm";
        assertEquals(Optional.of(unit), changed("package.json", pkg, pkg.replace("\"jest\"", "\"jest -t add\""), npmTest));
        assertEquals(Optional.of("its script pretest, which the test command runs through npm"), changed("package.json", pkg,
                pkg.replace("\"unit\": \"jest\"", "\"unit\": \"jest\", \"pretest\": \"node stub.js\""), npmTest));
        // found by the second review: a script no test script reaches (a build script) is the feature's
        assertEquals(Optional.empty(), changed("package.json", pkg, pkg.replace("\"tsc\"", "\"tsc -p .\"")
                .replace("\"build\"", "\"lint\": \"eslint .\", \"build\""), npmTest));
        // found by the review: an option with a value before the script (--prefix app) hid it
        assertEquals(Optional.of(unit), changed("app/package.json", pkg, pkg.replace("\"jest\"", "\"jest -t add\""),
                List.of("npm", "--prefix", "app", "test")));
        // the manager behind env, corepack or a shell's text; a command that starts the runner itself runs no script
        for (List<String> wrapped : List.of(List.of("corepack", "yarn", "test"), List.of("env", "CI=1", "npm", "test"),
                List.of("sh", "-c", "npm test"), List.of("yarnpkg", "test"))) {
            assertTrue(changed("package.json", pkg, pkg.replace("\"jest\"", "\"jest -t add\""), wrapped).isPresent(),
                    wrapped.toString());
        }
        for (List<String> own : List.of(List.of("npx", "vitest", "run"), List.of("bun", "test"), List.of("npm", "exec", "jest"),
                List.of("pnpm", "dlx", "jest"))) {
            assertEquals(Optional.empty(), changed("package.json", pkg, pkg.replace("\"jest\"", "\"jest -t add\""), own),
                    own.toString());
        }
        // a new package's package.json is the feature's, unless the command runs a workspace's packages
        String newPackage = "{\"name\": \"util\", \"scripts\": {\"test\": \"node --test\"}}";
        assertEquals(Optional.empty(), changed("packages/util/package.json", null, newPackage, npmTest));
        assertEquals(Optional.of("its script test, which the test command runs through pnpm"),
                changed("packages/util/package.json", null, newPackage, List.of("pnpm", "-r", "test")));
        assertEquals(Optional.of("its script test, which the test command runs through yarn"),
                changed("packages/util/package.json", null, newPackage, List.of("yarn", "workspace", "util", "test")));
        assertEquals(Optional.of("its script test, which the test command runs through turbo"),
                changed("packages/util/package.json", null, newPackage, List.of("npx", "turbo", "run", "test")));
        assertFalse(RunnerSettings.mayHold("node_modules/jest/package.json"));
        assertTrue(RunnerSettings.mayHold("packages/calc/package.json"));
    }
}
