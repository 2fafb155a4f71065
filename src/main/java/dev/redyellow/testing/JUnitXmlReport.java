package dev.redyellow.testing;

import dev.redyellow.testing.worker.SkipOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a JUnit XML ("legacy" Ant/Surefire format) report: {@code testsuite} or {@code testsuites}
 * holding {@code testcase} elements with an optional {@code failure}, {@code error} or {@code skipped}.
 * Streaming (StAX), so reports with long stack traces and output are not held in memory; no DTDs or
 * external entities are resolved, as the file is written by the tested code.
 */
public final class JUnitXmlReport {

    /**
     * The first line of a printed stack trace: a throwable's qualified class, and its message when it has one
     * ({@code org.opentest4j.TestAbortedException: why}); a {@code @Disabled} reason is plain text.
     */
    private static final Pattern THROWN = Pattern.compile(
            "^(?:[A-Za-z_$][\\w$]*\\.)+[\\w$]*(?:Exception|Error|Throwable)(?::\\s(.*))?$", Pattern.DOTALL);
    /** How the XML report introduces the trace of a test whose class or parent container was aborted. */
    private static final String PARENT_SKIPPED = "parent was skipped: ";
    /** pytest's {@code --junitxml} skip: "path:line: reason", the place of the {@code pytest.skip()} call. */
    private static final Pattern PYTEST_PLACE = Pattern.compile("^(.+?):(\\d+): ");

    private JUnitXmlReport() {
    }

    /** Every test case of the report, counted. */
    public static TestTally read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Every test case of the report, counted; the places of pytest's skips under {@code root} (the folder
     * the tests ran in, or null) are made relative to it, as pytest's short summary names them.
     */
    public static TestTally read(Path file, Path root) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                return readCases(xml, roots(root));
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("malformed JUnit XML report " + file + ": " + e.getMessage(), e);
        }
    }

    private static TestTally readCases(XMLStreamReader xml, List<String> roots) throws XMLStreamException {
        List<TestCase> cases = new ArrayList<>();
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("testcase")) {
                TestCase test = readCase(xml, roots);
                if (test.name().isEmpty() && test.status() == TestCase.Status.PASSED) {
                    // pytest's <testcase time="0.000"/> for the test it was stopped in (pytest.exit): no test that
                    // ended, and no pass (the stop itself fails the run: CommandVerdict)
                    continue;
                }
                cases.add(test);
                switch (test.status()) {
                    case PASSED -> passed++;
                    case FAILED -> failed++;
                    case SKIPPED -> skipped++;
                }
            }
        }
        return new TestTally(passed, failed, skipped, cases);
    }

    /** Reads one test case; the reader is on its start tag and is left on its end tag. */
    private static TestCase readCase(XMLStreamReader xml, List<String> roots) throws XMLStreamException {
        String className = orEmpty(xml.getAttributeValue(null, "classname"));
        String name = name(className, xml.getAttributeValue(null, "name"));
        long millis = millis(xml.getAttributeValue(null, "time"));
        TestCase.Status status = TestCase.Status.PASSED;
        String message = "";
        List<String> skippedAt = List.of();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String element = xml.getLocalName();
                if (depth == 2 && (element.equals("failure") || element.equals("error"))) {
                    status = TestCase.Status.FAILED;
                    message = failureMessage(xml);
                    depth--;
                } else if (depth == 2 && element.equals("skipped") && status == TestCase.Status.PASSED) {
                    status = TestCase.Status.SKIPPED;
                    message = orEmpty(xml.getAttributeValue(null, "message"));
                    String type = orEmpty(xml.getAttributeValue(null, "type"));
                    String text = textOf(xml);
                    if (type.equals("pytest.skip")) {
                        skippedAt = pytestPlace(text, roots);
                    } else {
                        // an aborted JUnit test's element holds its stack trace: where it was aborted, and why
                        String trace = text.startsWith(PARENT_SKIPPED) ? text.substring(PARENT_SKIPPED.length()) : text;
                        skippedAt = SkipOrigin.ofTrace(className, trace);
                        if (message.isBlank()) {
                            message = abortMessage(trace);
                        }
                    }
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return new TestCase(name, status, message, millis, status == TestCase.Status.SKIPPED ? skippedAt : List.of());
    }

    /**
     * An aborted test's message from its trace's first line ("org.opentest4j.TestAbortedException: why"),
     * as the warm worker gives it: the exception's message, else that line whole.
     */
    private static String abortMessage(String trace) {
        // the lines before the first frame: a message may have several
        int frame = trace.indexOf("\n\tat ");
        String head = (frame < 0 ? trace : trace.substring(0, frame)).strip();
        Matcher thrown = THROWN.matcher(head);
        if (!thrown.matches()) {
            return ""; // not a throwable's trace (a @Disabled reason): the warm worker gives no message either
        }
        return thrown.group(1) != null ? thrown.group(1) : head;
    }

    /** The place of a pytest skip ("path:line: reason"), relative to the root it is under, if any. */
    private static List<String> pytestPlace(String text, List<String> roots) {
        Matcher place = PYTEST_PLACE.matcher(text.strip());
        if (!place.find()) {
            return List.of();
        }
        String path = place.group(1);
        for (String root : roots) {
            if (path.startsWith(root + "/")) {
                path = path.substring(root.length() + 1);
                break;
            }
        }
        return List.of(path + ":" + place.group(2));
    }

    /** The folder the tests ran in as given and with its links resolved (pytest writes the real path). */
    private static List<String> roots(Path root) {
        if (root == null) {
            return List.of();
        }
        List<String> roots = new ArrayList<>(List.of(root.toAbsolutePath().normalize().toString()));
        try {
            String real = root.toRealPath().toString();
            if (!roots.contains(real)) {
                roots.add(real);
            }
        } catch (IOException e) {
            // a folder gone: the path as given is all there is
        }
        return roots;
    }

    /**
     * The text of the element the reader is on, leaving it on its end tag; the text of elements nested in it
     * is kept, where {@code getElementText} would refuse them and make the whole report unreadable.
     */
    private static String textOf(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getText());
                default -> { }
            }
        }
        return text.toString();
    }

    /**
     * The message attribute, else the first line of the element's text (the stack trace). A class
     * the tests could not load ({@code type} ClassNotFoundException or NoClassDefFoundError) is named
     * with its type, as the warm worker names it: the bare message is only the class's name.
     */
    private static String failureMessage(XMLStreamReader xml) throws XMLStreamException {
        String attribute = xml.getAttributeValue(null, "message");
        String type = orEmpty(xml.getAttributeValue(null, "type"));
        String text = xml.getElementText();
        String message = attribute != null && !attribute.isBlank() ? attribute : text.strip().lines().findFirst().orElse("");
        boolean missingClass = type.equals("java.lang.ClassNotFoundException") || type.equals("java.lang.NoClassDefFoundError");
        return FailureNames.bounded(missingClass && !message.startsWith(type) ? type + ": " + message : message);
    }

    /** "tools.SlugTest" + "replacesSpaces()" -> "tools.SlugTest.replacesSpaces". */
    static String name(String className, String testName) {
        String test = orEmpty(testName);
        if (test.endsWith("()")) {
            test = test.substring(0, test.length() - 2);
        }
        return className == null || className.isBlank() ? test : className + "." + test;
    }

    private static long millis(String seconds) {
        if (seconds == null || seconds.isBlank()) {
            return 0;
        }
        try {
            return Math.round(Double.parseDouble(seconds.replace(",", "")) * 1000);
        } catch (NumberFormatException e) {
            return 0; // some writers put locale-formatted or empty times here; the time is only informative
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
