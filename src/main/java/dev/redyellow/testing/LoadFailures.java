package dev.redyellow.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Spots, in a test command's output, that test files could not be loaded: the Python or JavaScript
 * counterpart of a compile error. Python: {@code ModuleNotFoundError}, {@code ImportError}, a module
 * unittest could not import ({@code unittest.loader._FailedTest}, which unittest counts as "1 error"),
 * pytest's "ERROR collecting", a traceback through an import statement of module-level code (unittest
 * given module names dies that way on a syntax error in a module the test imports). Node, vitest and jest: "Cannot find module", "Cannot find package",
 * {@code ERR_MODULE_NOT_FOUND}, "does not provide an export named", vitest's "Failed to load url",
 * jest's "Test suite failed to run".
 *
 * <p>The lines that say what is missing are kept verbatim, one each, in the order seen and without
 * repeats: they are the result's detail, and whoever decides whether the failure proves RED reads the
 * missing names from them. Sees every line of the output, so the cheap literal tests come first.
 */
final class LoadFailures {

    static final int MAX_LINES = 50;
    static final int MAX_LINE_CHARS = 1000;

    /** Lines that name what is missing; each is kept. */
    private static final List<String> MISSING = List.of("ModuleNotFoundError: ", "ImportError: ",
            "Cannot find module ", "Cannot find package ", "ERR_MODULE_NOT_FOUND]", "does not provide an export named ",
            "Failed to load url ");
    /** unittest's header line of the traceback it wraps every import failure in: names no missing thing. */
    private static final String UNITTEST_WRAPPER = "ImportError: Failed to import test module: ";
    /** Python lines that open a load failure whose cause follows on a later line. */
    private static final List<String> PYTHON_MARKERS = List.of("unittest.loader._FailedTest", " ERROR collecting ");
    /** jest's heading of a test file that failed before any test ran; the cause follows. */
    private static final String JEST_MARKER = "● Test suite failed to run";
    /** The exception line a Python load failure ends with ("SyntaxError: ...", pytest: "E   SyntaxError: ..."). */
    private static final Pattern PYTHON_EXCEPTION = Pattern.compile("^(?:E\\s+)?[A-Za-z_][\\w.]*(?:Error|Exception)(?::.*)?$");

    private static final String TRACEBACK = "Traceback (most recent call last):";
    /** A frame of module-level code; when its line is an import, what follows happened while importing. */
    private static final Pattern MODULE_FRAME = Pattern.compile("^\\s+File \".*\", line \\d+, in <module>$");

    private final Set<String> lines = new LinkedHashSet<>();
    private boolean seen;
    private boolean inPythonLoadFailure;
    private boolean inTraceback;
    private boolean moduleFrame;
    private boolean afterModuleFrame;

    /** One line of output, without terminator and terminal codes. */
    void accept(String line) {
        if (line.isEmpty() || PytestSummary.isSkipLine(line)) {
            return;
        }
        if (containsAny(line, PYTHON_MARKERS)) {
            seen = true;
            inPythonLoadFailure = true;
            return;
        }
        if (line.contains(JEST_MARKER)) {
            seen = true;
            return;
        }
        if (containsAny(line, MISSING) && !line.contains(UNITTEST_WRAPPER)) {
            seen = true;
            keep(line);
            inPythonLoadFailure = false;
            inTraceback = false;
            return;
        }
        if (line.startsWith(TRACEBACK)) {
            inTraceback = true;
            moduleFrame = false;
            return;
        }
        if (inTraceback) {
            String code = line.strip();
            if (afterModuleFrame && (code.startsWith("import ") || code.startsWith("from "))) {
                moduleFrame = true; // the exception came while module-level code imported a module
            }
            afterModuleFrame = MODULE_FRAME.matcher(line).matches();
            if (!afterModuleFrame && !Character.isWhitespace(line.charAt(0))) {
                inTraceback = false;
                if (moduleFrame && PYTHON_EXCEPTION.matcher(line).matches()) {
                    seen = true;
                    keep(line);
                    inPythonLoadFailure = false;
                    return;
                }
            }
        }
        if (inPythonLoadFailure) {
            if (line.startsWith("=====") || line.startsWith("-----") || line.startsWith("_____")) {
                inPythonLoadFailure = false;
            } else if (!line.contains(UNITTEST_WRAPPER) && PYTHON_EXCEPTION.matcher(line).matches()) {
                // A syntax error in the module, say: the line that ends the traceback says which.
                keep(line);
                inPythonLoadFailure = false;
            }
        }
    }

    /** Whether the output showed a load failure. */
    boolean seen() {
        return seen;
    }

    /** The lines that say what could not be loaded, verbatim, one per line; "" when none was kept. */
    String detail() {
        return String.join("\n", lines);
    }

    private void keep(String line) {
        if (lines.size() < MAX_LINES) {
            lines.add(line.length() <= MAX_LINE_CHARS ? line : line.substring(0, MAX_LINE_CHARS));
        }
    }

    private static boolean containsAny(String line, List<String> literals) {
        for (String literal : literals) {
            if (line.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    /** For tests: the kept lines as a list. */
    List<String> lines() {
        return new ArrayList<>(lines);
    }
}
