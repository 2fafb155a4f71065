package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JUnit XML that the README's vitest and jest recipes write (real reports) is read as their summaries say. */
class JavaScriptReportsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            vitest-junit.xml | sum > is wrong on purpose
            jest-junit.xml   | sum is wrong on purpose
            """)
    void countsTheSameTestsAsTheRunnersSummary(String file, String failing) throws IOException {
        Path report = dir.resolve(file);
        try (InputStream in = getClass().getResourceAsStream("summaries/" + file)) {
            Files.copy(in, report);
        }

        TestTally tally = JUnitXmlReport.read(report);

        assertEquals(List.of(3, 1, 1), List.of(tally.passed(), tally.failed(), tally.skipped()));
        assertEquals(1, tally.cases().stream().filter(c -> c.status() == TestCase.Status.FAILED
                && c.name().endsWith(failing)).count(), tally.cases().toString());
    }
}
