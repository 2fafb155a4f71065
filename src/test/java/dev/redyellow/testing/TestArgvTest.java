package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the argv of a command test gets the feature's own tests, runner by runner. */
class TestArgvTest {

    private static final List<String> OWN = List.of("tests/test_slug.py", "tests/data/words.txt");
    private static final List<String> OWN_JS = List.of("tests/slug.test.js", "tests/fixture.json");

    @TempDir
    Path workspace;

    @BeforeEach
    void folders() throws IOException {
        Files.createDirectories(workspace.resolve("tests/data"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            python3 -m unittest                                    | python3 -m unittest tests.test_slug
            python3 -m unittest -v                                 | python3 -m unittest -v tests.test_slug
            python -B -m unittest -k slug                          | python -B -m unittest -k slug tests.test_slug
            python3 -m unittest discover -s tests -t . -p test_*.py -v | python3 -m unittest -v tests.test_slug
            python3 -m unittest discover --start-directory=. -v   | python3 -m unittest -v tests.test_slug
            .venv/bin/python -m pytest -q                          | .venv/bin/python -m pytest -q tests/test_slug.py
            pytest -p no:cacheprovider tests                       | pytest -p no:cacheprovider tests/test_slug.py
            pytest -k slug .                                       | pytest -k slug tests/test_slug.py
            python3 -m pytest --junitxml=out.xml                   | python3 -m pytest --junitxml=out.xml tests/test_slug.py
            uv run --with pytest pytest -q                         | uv run --with pytest pytest -q tests/test_slug.py
            poetry run python -m unittest                          | poetry run python -m unittest tests.test_slug
            """)
    void pythonRunnersGetTheOwnTests(String written, String expected) {
        assertEquals(List.of(expected.split(" ")), resolve(written, OWN).argv());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            node --test                                | node --test tests/slug.test.js
            node --test --test-reporter tap tests      | node --test --test-reporter tap tests/slug.test.js
            node --test tests/**/*.test.js             | node --test tests/slug.test.js
            npx vitest run                             | npx vitest run tests/slug.test.js
            npx --yes vitest run --reporter verbose    | npx --yes vitest run --reporter verbose tests/slug.test.js
            node_modules/.bin/vitest run tests         | node_modules/.bin/vitest run tests/slug.test.js
            pnpm exec vitest run                       | pnpm exec vitest run tests/slug.test.js
            npx jest                                   | npx jest tests/slug.test.js --runTestsByPath
            jest --ci --reporters=default --reporters=jest-junit | jest tests/slug.test.js --ci --reporters=default --reporters=jest-junit --runTestsByPath
            jest --runTestsByPath -c jest.config.js    | jest tests/slug.test.js --runTestsByPath -c jest.config.js
            """)
    void javaScriptRunnersGetTheOwnTests(String written, String expected) {
        TestArgv.Resolved resolved = resolve(written, OWN_JS);

        assertEquals(List.of(expected.split(" ")), resolved.argv());
        assertTrue(resolved.addedFor().isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            python3 -m unittest tests.test_other
            pytest tests/test_other.py
            pytest tests/test_other.py::test_one
            python3 run_tests.py
            make test
            uv run script.py
            npm test
            """)
    void anArgvThatNamesItsOwnTestsOrAnUnknownRunnerIsLeftAsWritten(String written) {
        TestArgv.Resolved resolved = resolve(written, OWN);

        assertEquals(List.of(written.split(" ")), resolved.argv());
        assertEquals(Optional.empty(), resolved.addedFor());
    }

    @Test
    void unittestDiscoverFromAFolderImportsTheOwnModulesFromThatFolder() {
        TestArgv.Resolved resolved = resolve("python3 -m unittest discover -s tests -p test_*.py -v", OWN);
        TestArgv.Resolved positional = resolve("python3 -m unittest discover ./tests/", OWN);

        assertEquals(List.of("python3", "-m", "unittest", "-v", "test_slug"), resolved.argv());
        assertEquals(Optional.of("tests"), resolved.importRoot());
        assertEquals(List.of("python3", "-m", "unittest", "test_slug"), positional.argv());
        assertEquals(Optional.of("tests"), positional.importRoot());
        assertEquals(java.util.Map.of("PYTHONPATH", "tests" + java.io.File.pathSeparator + "lib", "A", "1"),
                resolved.env(java.util.Map.of("A", "1"), java.util.Map.of("PYTHONPATH", "lib")));
        assertEquals(java.util.Map.of("PYTHONPATH", "tests"), resolved.env(java.util.Map.of(), java.util.Map.of()));
        assertEquals(java.util.Map.of("A", "1"), resolve("python3 -m unittest", OWN).env(java.util.Map.of("A", "1"),
                java.util.Map.of("PYTHONPATH", "lib")));
    }

    @Test
    void placeholdersExpandToOneArgumentPerTestOrJoinedInsideAnArgument() {
        List<String> own = List.of("tests/test_a.py", "tests/sub/test_b.py", "tests/a.txt");

        assertEquals(List.of("python3", "-m", "unittest", "tests.test_a", "tests.sub.test_b"),
                TestArgv.resolve(List.of("python3", "-m", "unittest", "{testModules}"), own, "f", false, workspace).argv());
        assertEquals(List.of("run", "tests/test_a.py", "tests/sub/test_b.py", "tests/a.txt", "--only=tests.test_a tests.sub.test_b"),
                TestArgv.resolve(List.of("run", "{tests}", "--only={testModules}"), own, "f", false, workspace).argv());
    }

    @Test
    void featureIsFilledInEverywhereAndIsAnErrorWhenNoFeatureWasNamed() {
        assertEquals(List.of("check", "--feature=slug", "slug"),
                TestArgv.resolve(List.of("check", "--feature={feature}", "{feature}"), OWN, "slug", false, workspace).argv());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TestArgv.resolve(List.of("check", "{feature}"), OWN, "", false, workspace));
        assertTrue(error.getMessage().contains("{feature}"), error.getMessage());
    }

    @Test
    void regressionModeRunsTheArgvAsWrittenButForTheFeature() {
        assertEquals(List.of("python3", "-m", "unittest", "-v", "--name=slug"),
                TestArgv.resolve(List.of("python3", "-m", "unittest", "-v", "--name={feature}"), OWN, "slug", true, workspace)
                        .argv());
    }

    @Test
    void aRunnerWithNoOwnTestItCanRunIsLeftAsWritten() {
        assertEquals(List.of("pytest", "-q"), resolve("pytest -q", List.of("tests/data/words.txt")).argv());
        assertEquals(List.of("pytest", "-q"), resolve("pytest -q", List.of()).argv());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            pytest -q tests/test_slug.py                  | pytest -q tests/test_slug.py -rfEs
            python3 -m pytest -r fE t.py                  | python3 -m pytest -r fE t.py -rfEs
            python3 -m pytest -rf t.py -- t2.py           | python3 -m pytest -rf t.py -rfs -- t2.py
            pytest -rsN t.py                              | pytest -rsN t.py -rs
            pytest -ra t.py                               | pytest -ra t.py
            pytest -rfs t.py                              | pytest -rfs t.py
            pytest -vra t.py                              | pytest -vra t.py
            pytest -vr fE t.py                            | pytest -vr fE t.py -rfEs
            pytest -kr t.py                               | pytest -kr t.py -rfEs
            pytest -p no:terminal --junitxml=r.xml t.py   | pytest -p no:terminal --junitxml=r.xml t.py
            pytest --no-fold-skipped t.py                 | pytest --no-fold-skipped t.py -rfEs --fold-skipped
            pytest -ra --no-fold-skipped t.py             | pytest -ra --no-fold-skipped t.py --fold-skipped
            python3 -m unittest tests.test_slug           | python3 -m unittest tests.test_slug
            node --test t.js                              | node --test t.js
            """)
    void pytestIsAskedWhereItSkippedTests(String argv, String expected) {
        assertEquals(List.of(expected.split(" ")), TestArgv.withSkipReport(List.of(argv.split(" "))));
    }

    @Test
    void pythonModulesAreTheDottedPaths() {
        assertEquals("tests.unit.test_x", TestArgv.moduleOf("tests/unit/test_x.py"));
        assertEquals("test_x", TestArgv.moduleOf("test_x.py"));
    }

    private TestArgv.Resolved resolve(String argv, List<String> own) {
        return TestArgv.resolve(List.of(argv.split(" ")), own, "slug", false, workspace);
    }
}
