package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JUnitXmlReportTest {

    @TempDir
    Path dir;

    @Test
    void readsCasesOfNestedSuites() throws Exception {
        Path report = Files.writeString(dir.resolve("r.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites>
                  <testsuite name="a">
                    <testcase classname="tools.SlugTest" name="lowercases()" time="0.012"/>
                    <testcase classname="tools.SlugTest" name="spaces()" time="1.5">
                      <failure message="expected: &lt;a_b&gt; but was: &lt;a-b&gt;" type="AssertionFailedError">stack</failure>
                      <system-out>noise</system-out>
                    </testcase>
                  </testsuite>
                  <testsuite name="b">
                    <testcase classname="" name="crashes"><error type="Boom">Boom: disk full
                  at somewhere</error></testcase>
                    <testcase classname="tools.SlugTest" name="later()"><skipped message="not yet"/></testcase>
                  </testsuite>
                </testsuites>
                """);

        TestTally tally = JUnitXmlReport.read(report);

        assertEquals(List.of(1, 2, 1), List.of(tally.passed(), tally.failed(), tally.skipped()));
        assertEquals(List.of(
                new TestCase("tools.SlugTest.lowercases", TestCase.Status.PASSED, "", 12),
                new TestCase("tools.SlugTest.spaces", TestCase.Status.FAILED, "expected: <a_b> but was: <a-b>", 1500),
                new TestCase("crashes", TestCase.Status.FAILED, "Boom: disk full", 0),
                new TestCase("tools.SlugTest.later", TestCase.Status.SKIPPED, "not yet", 0)), tally.cases());
    }

    @Test
    void theNamelessCaseThatPytestWritesForTheTestItWasStoppedInIsNoTest() throws Exception {
        // pytest 9.0.3 --junitxml after pytest.exit("done", returncode=0) in the second of three tests: before, the
        // nameless case counted as a second pass
        Path report = Files.writeString(dir.resolve("stopped.xml"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<testsuites name=\"pytest tests\"><testsuite name=\"pytest\" errors=\"0\" failures=\"0\" skipped=\"0\""
                + " tests=\"1\" time=\"0.416\"><testcase classname=\"test_x\" name=\"test_a\" time=\"0.001\" />"
                + "<testcase time=\"0.000\" /></testsuite></testsuites>");

        TestTally tally = JUnitXmlReport.read(report);

        assertEquals(List.of(1, 0, 0), List.of(tally.passed(), tally.failed(), tally.skipped()));
        assertEquals(List.of("test_x.test_a"), tally.cases().stream().map(TestCase::name).toList());
    }

    @Test
    void anAbortedTestSaysWhyAndWhereAsTheWarmWorkerDoes() throws Exception {
        // the console launcher's report of a test that an implementation aborted, and one @Disabled
        Path report = Files.writeString(dir.resolve("aborted.xml"), """
                <testsuite name="JUnit Jupiter" tests="3" skipped="2">
                <testcase name="multiplies()" classname="calc.CalcTest" time="0.01">
                <skipped><![CDATA[org.opentest4j.TestAbortedException: not supported here
                	at calc.Calc.mul(Calc.java:4)
                	at calc.CalcTest.multiplies(CalcTest.java:6)
                	at java.base/java.lang.reflect.Method.invoke(Method.java:569)
                ]]></skipped>
                </testcase>
                <testcase name="bare()" classname="calc.CalcTest" time="0">
                <skipped><![CDATA[org.opentest4j.TestAbortedException
                	at calc.CalcTest.bare(CalcTest.java:9)
                ]]></skipped>
                </testcase>
                <testcase name="later()" classname="calc.CalcTest" time="0"><skipped><![CDATA[later]]></skipped></testcase>
                </testsuite>
                """);

        assertEquals(List.of(
                new TestCase("calc.CalcTest.multiplies", TestCase.Status.SKIPPED, "not supported here", 10, List.of("calc/Calc.java:4")),
                new TestCase("calc.CalcTest.bare", TestCase.Status.SKIPPED, "org.opentest4j.TestAbortedException", 0),
                new TestCase("calc.CalcTest.later", TestCase.Status.SKIPPED, "", 0)), JUnitXmlReport.read(report).cases());
    }

    @Test
    void aSkipWithElementsInsideIsStillRead() throws Exception {
        Path report = Files.writeString(dir.resolve("nested.xml"), """
                <testsuite name="s"><testcase classname="t.T" name="a()"><skipped message="m">why<b>bold</b></skipped></testcase>
                <testcase classname="t.T" name="b()"/></testsuite>
                """);

        TestTally tally = JUnitXmlReport.read(report);
        assertEquals(List.of(1, 0, 1), List.of(tally.passed(), tally.failed(), tally.skipped()));
        assertEquals(new TestCase("t.T.a", TestCase.Status.SKIPPED, "m", 0), tally.cases().get(0));
    }

    @Test
    void aPytestSkipsPlaceIsMadeRelativeToTheFolderAsGivenOrThroughItsLinks() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real/ws"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
        String xml = """
                <testsuites><testsuite name="pytest"><testcase classname="tests.test_calc" name="test_a">
                <skipped type="pytest.skip" message="too big">%s/calc/plain.py:7: too big</skipped></testcase>
                </testsuite></testsuites>
                """;
        Path report = Files.writeString(dir.resolve("p.xml"), xml.formatted(real.toRealPath()));

        assertEquals(List.of("calc/plain.py:7"), JUnitXmlReport.read(report, link.resolve("ws")).cases().get(0).skippedAt());
        Files.writeString(report, xml.formatted(link.resolve("ws")));
        assertEquals(List.of("calc/plain.py:7"), JUnitXmlReport.read(report, link.resolve("ws")).cases().get(0).skippedAt());
    }

    @Test
    void refusesExternalEntities() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "secret");
        Path report = Files.writeString(dir.resolve("r.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE testsuite [<!ENTITY leak SYSTEM "%s">]>
                <testsuite><testcase name="t"><failure message="&leak;"/></testcase></testsuite>
                """.formatted(secret.toUri()));

        IOException e = assertThrows(IOException.class, () -> JUnitXmlReport.read(report));
        assertTrue(e.getMessage().startsWith("malformed JUnit XML report"), e.getMessage());
    }

    @Test
    void malformedReportIsAnIOException() throws Exception {
        Path report = Files.writeString(dir.resolve("r.xml"), "<testsuite><testcase name=");

        assertThrows(IOException.class, () -> JUnitXmlReport.read(report));
    }
}
