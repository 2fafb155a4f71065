package dev.redyellow.testing.worker;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles every Java source of a workspace (main and test alike) in process with the JDK's
 * compiler: no javac process to start, and nothing but the JDK needed. The folder {@code .redyellow}
 * is RedYellow's own and is skipped. Both the per-run junit kind (in the application's JVM) and the
 * warm worker use it, so both report compile errors alike.
 */
public final class WorkspaceCompiler {
    private static final System.Logger LOG = System.getLogger(WorkspaceCompiler.class.getName());

    public static final String OWN_FOLDER = ".redyellow";
    static final int MAX_ERRORS_SHOWN = 50;

    /** What a compilation gave: how many sources, and the error lines ("file:line: message"). */
    public record Compilation(int sources, List<String> errors) {
        public Compilation {
            errors = List.copyOf(errors);
        }

        public boolean succeeded() {
            return errors.isEmpty();
        }
    }

    private final boolean keepFileManager;
    private final boolean reuseContexts;
    /** Reuse unless {@link #REUSE_PROPERTY} says not to, read at each compile ({@link #forRuns}). */
    private final boolean reuseIfAsked;
    private StandardJavaFileManager kept;

    /** A compiler that opens the class path afresh for every compilation; safe to share between threads. */
    public WorkspaceCompiler() {
        this(false);
    }

    /**
     * @param keepFileManager keep one file manager, and with it the opened class path and platform
     *                        classes, across compilations: about twice as fast, for one thread only
     */
    public WorkspaceCompiler(boolean keepFileManager) {
        this(keepFileManager, false);
    }

    private WorkspaceCompiler(boolean keepFileManager, boolean reuseContexts) {
        this(keepFileManager, reuseContexts, false);
    }

    private WorkspaceCompiler(boolean keepFileManager, boolean reuseContexts, boolean reuseIfAsked) {
        this.keepFileManager = keepFileManager;
        this.reuseContexts = reuseContexts;
        this.reuseIfAsked = reuseIfAsked;
    }

    /**
     * A compiler that reuses javac's contexts across compilations, JVM-wide ({@link ReusedJavac}),
     * where this JVM allows it, else compiles as {@code new WorkspaceCompiler(keepFileManager)}; safe
     * to share between threads when reusing. Only for class paths whose entries never change while
     * the JVM runs (hash-named class folders, the console jar): a context keeps what it read from them.
     */
    public static WorkspaceCompiler reusingContexts(boolean keepFileManager) {
        return new WorkspaceCompiler(keepFileManager, true);
    }

    /**
     * The system property that turns the reuse of javac's contexts off for the test runs' compiles
     * ({@link #forRuns}): {@code -Dredyellow.javac.reuseContexts=false}. On by default: with the rule
     * of {@link ReusedJavac} (a context is never reused by a compile that names a class an earlier
     * compile on it wrote; a class of a compile that stopped on errors may only be declared again),
     * every reused compile of the 261-feature real-code case gave a fresh compile's class files and
     * errors, checked one by one ({@link ReuseCheck}). An earlier rule, which let a compile declare a
     * written class again, gave other class files there, and had ended 5 of 215 features wrong in a
     * run that was not repeated.
     */
    public static final String REUSE_PROPERTY = "redyellow.javac.reuseContexts";

    /**
     * The compiler of the test runs: {@link #reusingContexts} unless {@link #REUSE_PROPERTY} is
     * {@code false}, then {@code new WorkspaceCompiler(keepFileManager)}.
     */
    public static WorkspaceCompiler forRuns(boolean keepFileManager) {
        return new WorkspaceCompiler(keepFileManager, false, true);
    }

    private static boolean reuseWanted() {
        return !"false".equalsIgnoreCase(System.getProperty(REUSE_PROPERTY, "true").strip());
    }

    /** Whether this compile reuses javac's contexts: always for {@link #reusingContexts}, unless told not to for {@link #forRuns}. */
    private boolean reuses() {
        return reuseContexts || reuseIfAsked && reuseWanted();
    }

    /** How many compiles in this JVM reused a javac context so far (issue 19; tests and benchmarks read it). */
    public static long compilesInReusedContexts() {
        return ReusedJavac.shared().counts()[0];
    }

    /** How many compiles in this JVM that reuse contexts got a new one, for whatever reason (the bench reads it). */
    public static long compilesInNewContexts() {
        return ReusedJavac.shared().counts()[1];
    }

    /**
     * How many compiles in this JVM got a new javac context so far, per reason in words (in a fixed
     * order; the bench prints a cycle's differences).
     */
    public static Map<String, Long> newContextReasons() {
        Map<String, Long> words = new LinkedHashMap<>();
        ReusedJavac.shared().newContextReasons().forEach((why, n) -> words.put(why.words(), n));
        return words;
    }

    /**
     * How many compiles on the calling thread got a new javac context so far, for whatever reason
     * ({@link #newContextReasons()}): a test run reads the difference around its compile
     * ({@link dev.redyellow.testing.PhaseTimes}).
     */
    public static long newContextsOnThisThread() {
        return ReusedJavac.newContextsOnThisThread();
    }

    /**
     * Forgets what compiles kept JVM-wide (javac's contexts, the class files of earlier compiles), so the next
     * compile is a new JVM's first: a daemon calls it between two commands. The desktop app keeps them across runs.
     */
    public static void forgetJvmWideState() {
        ReusedJavac.forgetShared();
        MadeClasses.forgetShared();
    }

    /**
     * Why this JVM's compilers cannot reuse javac's contexts, for the run's log; "" when they can.
     * They then compile as before, with the same results, only slower.
     */
    public static String contextsNotReused() {
        if (!reuseWanted()) {
            return ""; // told not to: compiles are fresh, as they should be
        }
        String why = ReusedJavac.shared().unavailable();
        return why.isEmpty() ? "" : "javac's contexts are not reused across compiles: " + why;
    }

    /** Closes the kept file manager (and the jars it opened), if any; the compiler may still be used. */
    public synchronized void close() throws IOException {
        if (kept != null) {
            kept.close();
            kept = null;
        }
    }

    public Compilation compile(Path workspace, Path classes, List<Path> classPath) throws IOException {
        return compile(workspace, sources(workspace), classes, classPath);
    }

    /**
     * Compiles only {@code sources} (files of {@code workspace}); the rest must come from the class
     * path. Error lines name files relative to {@code workspace}, as a whole compile does.
     */
    public Compilation compile(Path workspace, List<Path> sources, Path classes, List<Path> classPath) throws IOException {
        if (sources.isEmpty()) {
            return new Compilation(0, List.of());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IOException("this Java runtime has no compiler (java.compiler module missing); a JDK is needed");
        }
        Files.createDirectories(classes);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> flags = List.of("-encoding", "UTF-8", "-proc:none", "-nowarn", "-g", "-Xmaxerrs",
                Integer.toString(MAX_ERRORS_SHOWN));
        List<String> options = new ArrayList<>(List.of("-d", classes.toString(),
                "-cp", classPath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator))));
        options.addAll(flags);
        StringWriter notices = new StringWriter();
        boolean ok;
        try {
            if (reuses() && ReusedJavac.shared().unavailable().isEmpty()) {
                ok = ReusedJavac.shared().compile(compiler, flags, classes, classPath, sources, diagnostics, notices);
            } else if (keepFileManager) {
                synchronized (this) {
                    if (kept == null) {
                        kept = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
                    }
                    try {
                        StandardJavaFileManager files = kept;
                        ok = Uninterrupted.call(() -> compiler.getTask(notices, files, SettledDiagnostic.settling(diagnostics),
                                options, null, files.getJavaFileObjectsFromPaths(sources)).call());
                    } finally {
                        kept.flush(); // it keeps the text of each source it read: every run's are new files (see ReusedJavac)
                    }
                }
            } else {
                try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                    ok = Uninterrupted.call(() -> compiler.getTask(notices, files, SettledDiagnostic.settling(diagnostics),
                            options, null, files.getJavaFileObjectsFromPaths(sources)).call());
                }
            }
        } catch (ReusedJavac.Crashed e) {
            ok = false;
        }
        List<String> errors = errorLines(workspace, diagnostics);
        if (!ok && errors.isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, "what javac printed: {0}", notices);
            return compileAgain(compiler, workspace, sources, options, crashLine(notices.toString()), STACK_AFTER_CRASH_BYTES);
        }
        return new Compilation(sources.size(), errors);
    }

    private static final java.util.concurrent.atomic.AtomicLong DONE_AGAIN = new java.util.concurrent.atomic.AtomicLong();

    /** How many compiles in this JVM were done again after javac crashed on them ({@link #compileAgain}). */
    public static long compilesDoneAgainAfterACrash() {
        return DONE_AGAIN.get();
    }

    /** The most stack a compile done again after a crash gets ({@link #compileAgain}). */
    static final long STACK_AFTER_CRASH_BYTES = 256L << 20;

    /**
     * A compile again after javac crashed: javac catches what goes wrong inside it (a
     * StackOverflowError on deeply nested code, an OutOfMemoryError, a bug of its own), prints it and
     * fails without an error. Such a failure says nothing about the code, so it must never become a
     * compile error of the feature (cached, or taken for a RED proof). Done once more alone, on a
     * fresh compiler and a thread with a {@value #STACK_AFTER_CRASH_BYTES}-byte stack; a crash again is
     * an error of the run, not a verdict.
     */
    static Compilation compileAgain(JavaCompiler compiler, Path workspace, List<Path> sources, List<String> options,
                                    String crash, long stackBytes) throws IOException {
        LOG.log(System.Logger.Level.WARNING, "javac crashed compiling {0} sources of {1} ({2}); compiling them again on"
                + " a fresh compiler with a {3} KiB stack", sources.size(), workspace, crash, stackBytes >> 10);
        DONE_AGAIN.incrementAndGet();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter notices = new StringWriter();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread again = new Thread(null, () -> {
            try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                outcome.set(compiler.getTask(notices, files, SettledDiagnostic.settling(diagnostics), options, null,
                        files.getJavaFileObjectsFromPaths(sources)).call());
            } catch (IOException | RuntimeException | Error e) {
                outcome.set(e);
            }
        }, "redyellow-javac-again", stackBytes);
        again.setDaemon(true);
        try {
            again.start();
        } catch (OutOfMemoryError e) {
            throw new CompilerCrashException("javac crashed compiling " + sources.size() + " sources of " + workspace
                    + " (" + crash + "), and no thread with a " + (stackBytes >> 10) + " KiB stack could be started to"
                    + " compile them again: " + e, e);
        }
        Uninterrupted.join(again); // the compile writes into the caller's folder: it ends before the caller goes on
        if (outcome.get() instanceof Throwable t) {
            throw new CompilerCrashException("javac crashed compiling " + sources.size() + " sources of " + workspace
                    + " (" + crash + "), and compiling them again failed: " + t, t);
        }
        List<String> errors = errorLines(workspace, diagnostics);
        if (Boolean.TRUE.equals(outcome.get()) || !errors.isEmpty()) {
            return new Compilation(sources.size(), errors);
        }
        throw new CompilerCrashException("javac crashed compiling " + sources.size() + " sources of " + workspace
                + ", twice (the second time alone, with a " + (stackBytes >> 10) + " KiB stack): "
                + crashLine(notices.toString()) + "; not a verdict on the code", null);
    }

    /** javac crashed while compiling: an error of the run, never a compile error of the code. */
    public static final class CompilerCrashException extends IOException {
        private static final long serialVersionUID = 1L;

        CompilerCrashException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Pattern THROWABLE_LINE = Pattern.compile("(?:[A-Za-z_$][\\w$]*\\.)+[\\w$]*(?:Error|Exception)\\b.*");

    /** What javac printed about its crash, in one line: the exception's, else its first line. */
    static String crashLine(String notices) {
        List<String> lines = notices.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String line = lines.stream().filter(l -> THROWABLE_LINE.matcher(l).matches()).findFirst()
                .orElse(lines.isEmpty() ? "javac printed nothing about it" : lines.get(0));
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static List<String> errorLines(Path workspace, DiagnosticCollector<JavaFileObject> diagnostics) {
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR && errors.size() < MAX_ERRORS_SHOWN) {
                errors.add(describe(workspace, d));
            }
        }
        return errors;
    }

    /**
     * Why a selected class is not among the compiled ones ("" when all are): a test file whose
     * package or name does not match its class, caught before JUnit reports it as a discovery error.
     */
    public static String missingClasses(Path classes, List<String> selected) {
        return missingClasses(List.of(classes), selected);
    }

    /** As {@link #missingClasses(Path, List)}, a class counting as compiled when any of {@code roots} has it. */
    public static String missingClasses(List<Path> roots, List<String> selected) {
        List<String> missing = selected.stream()
                .filter(name -> roots.stream().noneMatch(
                        root -> Files.isRegularFile(root.resolve(name.replace('.', '/') + ".class"))))
                .toList();
        return missing.isEmpty() ? "" : "no compiled class for the selected test(s) " + String.join(", ", missing)
                + ": the file's package declaration or name does not match the class it declares";
    }

    /** Every Java source a whole compile of {@code workspace} compiles, in path order. */
    public static List<Path> sources(Path workspace) throws IOException {
        Path own = workspace.resolve(OWN_FOLDER);
        try (Stream<Path> files = Files.walk(workspace)) {
            return files.filter(p -> !p.startsWith(own))
                    .filter(p -> p.getFileName().toString().endsWith(".java"))
                    // a link is never read through: one in the base may point anywhere (/etc/passwd)
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        }
    }

    private static String describe(Path workspace, Diagnostic<? extends JavaFileObject> d) {
        // javac says what is missing on the lines after the first ("symbol: class Rates",
        // "location: package shop"); they stay, on the same line, for finding who writes it.
        List<String> lines = d.getMessage(Locale.ROOT).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String message = lines.isEmpty() ? "" : lines.get(0) + (lines.size() == 1 ? ""
                : lines.subList(1, lines.size()).stream().collect(Collectors.joining("; ", " (", ")")));
        if (d.getSource() == null) {
            return message;
        }
        Path file = Path.of(d.getSource().toUri());
        String shown = file.startsWith(workspace) ? workspace.relativize(file).toString().replace('\\', '/') : file.toString();
        return shown + ":" + d.getLineNumber() + ": " + message;
    }
}
