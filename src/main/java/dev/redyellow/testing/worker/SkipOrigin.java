package dev.redyellow.testing.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a JUnit test was aborted (a failed assumption, an {@code org.opentest4j.TestAbortedException}):
 * the source files and lines of the code between the throw and the test's own class, innermost first,
 * frames of the test frameworks and the JDK left out. The host compares them with the files implementers
 * wrote: an implementation that aborts the tests it should pass does not pass them (SPEC section 1:
 * aborted tests never count as passes), while a test's own assumption ({@code assumeTrue(isLinux())}) is
 * found in the test's class and names nothing. The same for both ways of running: a warm worker reads
 * the throwable's frames, a test JVM of its own the stack trace its XML report writes, and both see the
 * JUnit Platform's pruned trace.
 */
public final class SkipOrigin {

    /** At most this many locations are kept: enough to reach an implementation through a few helpers. */
    static final int MAX_LOCATIONS = 8;

    /** Frames of these packages are the frameworks' or the JDK's, never a project's code. */
    private static final List<String> FRAMEWORK = List.of("org.junit.", "org.opentest4j.", "junit.", "java.", "javax.",
            "jdk.", "sun.", "com.sun.", "org.assertj.", "org.hamcrest.");

    /** A stack trace line as Throwable#printStackTrace writes it, with or without a module and a loader. */
    private static final Pattern FRAME = Pattern.compile(
            "^\\s*at (?:[^/(\\s]+/)*(?<cls>[\\w$.]+)\\.(?<method>[\\w$<>\\-]+)\\((?<file>[^:()]+)?(?::(?<line>\\d+))?[^)]*\\)\\s*$");

    private SkipOrigin() {
    }

    /** The locations of {@code thrown}'s frames before {@code testClass}'s (see the class comment). */
    public static List<String> of(String testClass, Throwable thrown) {
        List<StackTraceElement> frames = thrown == null ? List.of() : List.of(thrown.getStackTrace());
        return of(testClass, frames);
    }

    /** The locations in a printed stack trace (the text of an XML report's {@code skipped} element). */
    public static List<String> ofTrace(String testClass, String trace) {
        List<StackTraceElement> frames = new ArrayList<>();
        for (String line : trace.split("\\R")) {
            if (line.startsWith("Caused by:") || line.strip().startsWith("Suppressed:")) {
                break; // the trace of the throwable itself only, as the warm worker reads it
            }
            Matcher m = FRAME.matcher(line);
            if (m.matches()) {
                int number = m.group("line") == null ? -1 : Integer.parseInt(m.group("line"));
                String file = m.group("file");
                boolean unknown = file == null || file.equals("Unknown Source") || file.equals("Native Method");
                frames.add(new StackTraceElement(m.group("cls"), m.group("method"), unknown ? null : file, number));
            }
        }
        return of(testClass, frames);
    }

    static List<String> of(String testClass, List<StackTraceElement> frames) {
        String outer = outerClass(testClass);
        List<String> locations = new ArrayList<>();
        for (StackTraceElement frame : frames) {
            String cls = frame.getClassName();
            if (outerClass(cls).equals(outer)) {
                break; // the test's own code: what called it is the framework's
            }
            if (FRAMEWORK.stream().anyMatch(cls::startsWith)) {
                continue;
            }
            String location = sourcePath(cls, frame.getFileName()) + (frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "");
            if (!locations.contains(location)) {
                locations.add(location);
            }
            if (locations.size() == MAX_LOCATIONS) {
                break;
            }
        }
        return List.copyOf(locations);
    }

    /**
     * The place by which a skip's location names a workspace file's code: for a Java source the folders of the
     * package it declares and its file name ({@code src/main/java/calc/Calc.java} declaring {@code calc} ->
     * {@code calc/Calc.java}; the path itself when the declaration cannot be read for sure), for any other
     * file its workspace path, as pytest names it from the workspace.
     */
    public static String placeOf(String path, String source) {
        if (!path.endsWith(".java")) {
            return path;
        }
        String pkg = JavaIdentifiers.packageOf(source);
        if (pkg.equals(JavaIdentifiers.UNSURE)) {
            return path;
        }
        String file = path.substring(path.lastIndexOf('/') + 1);
        return pkg.isEmpty() ? file : pkg.replace('.', '/') + "/" + file;
    }

    /** {@code a.b.C$D} -> {@code a.b.C}. */
    private static String outerClass(String cls) {
        int nested = cls.indexOf('$');
        return nested < 0 ? cls : cls.substring(0, nested);
    }

    /** The class's source file under its package's folders: {@code a.b.C} in {@code C.java} -> {@code a/b/C.java}. */
    private static String sourcePath(String cls, String fileName) {
        String outer = outerClass(cls);
        int dot = outer.lastIndexOf('.');
        String folder = dot < 0 ? "" : outer.substring(0, dot).replace('.', '/') + "/";
        String file = fileName != null ? fileName : outer.substring(dot + 1) + ".java";
        return folder + file;
    }
}
