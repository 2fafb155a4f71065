package dev.redyellow.testing.worker;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreeScanner;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.DiagnosticCollector;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * javac's contexts (its symbol tables, the class files it has read) kept from one compile to the
 * next with the JDK's own {@code com.sun.tools.javac.api.JavacTaskPool} (issue 19): a warm compile
 * of a feature's own sources then pays for those sources only, not for reading the JDK's and the
 * base's classes again. The pool is in a package jdk.compiler does not export; the application's jar
 * exports it to itself (its manifest's {@code Add-Exports}), and where that is missing (another
 * launcher) {@link #unavailable()} says why and {@link WorkspaceCompiler} compiles as before.
 *
 * <p>A reused context must give every compile the verdict, errors and class files of a fresh one.
 * The pool drops the classes a compile made from sources, but not all their traces: measured on JDK
 * 17, a package only a former compile declared still "exists" for {@code import p.*}, a former
 * source's nested class changes the error for {@code p.Y.In}, and a class that a compile wrote and a
 * later compile on the context declares again can get other class files (commons-codec's Blake3,
 * compiled twice: its nested classes, which read a constant of Blake3, got a second constant-pool
 * entry for Blake3; found by {@link ReuseCheck} on the real-code case, where letting such compiles
 * reuse a context had ended 5 of 215 features wrong, with "improperly formed type" errors and classes
 * the verifier refused). A compile that stops on errors (as a RED proof's does) stops before
 * lowering and writing, and no such trace of its classes was found: declared again after it, Blake3
 * gets the fresh compiler's bytes. So a context is reused only for a compile that cannot meet a trace:
 * no identifier it uses may be the simple name of a class (top level, nested or local) that an earlier
 * compile on the context wrote; one that an earlier compile declared and stopped on errors may only
 * be declared again, by a top-level class of this compile (by its file's name, confirmed by javac's
 * parse, else the compile is redone in a new context); it must not use every part of the name of
 * a package an earlier compile declared that the class path lacks, or of a package around it without
 * classes of its own (javac makes those exist too; a package is named by its whole name), unless it
 * declares that package or one inside it (which makes it exist in a fresh compile as well); it must
 * not import on demand a package without classes on the class path or in the JDK (a precaution: a
 * context where an earlier compile read a class under it may take it as existing);
 * and none of its files may be a class the class path has, a module or a package declaration. Any
 * other compile gets a new context (as fast as a fresh compile). So a feature's attempt reuses its
 * RED proof's context, unrelated features share contexts, and a second attempt after one that
 * compiled does not reuse the first's. The rest a context keeps comes from the class path and the
 * JDK, which must not change while the JVM runs: every caller compiles against hash-named class
 * folders and the hash-named console jar; an entry whose size or time changes gets new contexts all
 * the same. ReusedJavacTest compares every case with a fresh compiler.
 *
 * <p>Thread-safe: each compile takes a slot (a file manager and its contexts) no other thread uses
 * meanwhile; slots live as long as the JVM, so their file managers are never closed under a context.
 * javac runs on a thread no interrupt reaches ({@link Uninterrupted}): an interrupt during its read of a
 * jar closes the jar's channel, which a slot's file manager keeps for every later compile.
 */
final class ReusedJavac {

    /** What the JVM must be told, at start or by the jar's manifest, for contexts to be reused. */
    static final String EXPORT = "jdk.compiler/com.sun.tools.javac.api";
    private static final String POOL_CLASS = "com.sun.tools.javac.api.JavacTaskPool";
    /** Contexts one slot keeps (the JDK pool drops the least recently used beyond). */
    private static final int CONTEXTS_PER_SLOT = 4;
    /** Generations (context identities with what they have seen) one slot remembers. */
    private static final int GENERATIONS_PER_SLOT = 32;
    /** A slot's file manager forgets what it read after this many compiles ({@link #giveBack}). */
    private static final int FLUSH_AFTER_COMPILES = 64;
    /** Makes the JDK pool's key (its options) name one context: the generation's. */
    private static final String TAG_OPTION = "-Aredyellow.javac.context=";

    private static volatile ReusedJavac shared = new ReusedJavac();
    /** Checks of reused compiles against fresh ones, when asked for ({@link ReuseCheck}). */
    private final ReuseCheck check = ReuseCheck.fromProperty();

    /**
     * A context's identity (its tag, and the javac context the pool last gave for it) and what earlier
     * compiles on it declared: per simple name of a class (top level, nested or local), the top-level
     * classes ("p.T") it belongs to, apart for compiles that got as far as lowering or writing a class
     * ({@code classes}) and compiles that stopped on errors before ({@code stopped}); the packages
     * declared that the class path does not have; and, when {@link ReuseCheck} is on, the compiles
     * made on it. The pool drops the least recently used contexts of a slot; a generation whose context
     * was dropped gets a new one from it, and then forgets what the old one saw.
     */
    private record Generation(String tag, Map<String, Set<String>> classes, Map<String, Set<String>> stopped,
                              Set<String> packages, List<String> history, AtomicReference<WeakReference<Object>> context,
                              AtomicBoolean unknown) {
        Generation(String tag) {
            this(tag, new HashMap<>(), new HashMap<>(), new HashSet<>(), new ArrayList<>(), new AtomicReference<>(),
                    new AtomicBoolean());
        }

        /**
         * Notes the javac context a compile got; whether it is the one the generation's earlier compiles
         * used. One that cannot be read ({@code null}) counts as the same: what the generation knows stays.
         */
        boolean sameContext(Object now) {
            if (now == null) {
                return true;
            }
            WeakReference<Object> last = context.getAndSet(new WeakReference<>(now));
            if (last != null && last.get() == now) {
                return true;
            }
            classes.clear();
            stopped.clear();
            packages.clear();
            history.clear();
            unknown.set(false);
            return false;
        }

        void add(Declared d, boolean wroteClasses) {
            if (d.unread().get()) {
                unknown.set(true);
            }
            Map<String, Set<String>> into = wroteClasses ? classes : stopped;
            d.classes().forEach((name, owners) -> into.computeIfAbsent(name, k -> new HashSet<>()).addAll(owners));
            packages.addAll(d.packages());
        }

        /**
         * Whether a compile that uses {@code used} and declares (as far as its files tell) the top-level
         * classes {@code own} in the packages {@code ownPackages} cannot meet anything earlier compiles
         * declared: it uses no name of a class a compile that wrote class files declared, and every
         * name of a class a compile that stopped on errors declared belongs to classes it declares anew.
         */
        boolean safeFor(Set<String> used, Set<String> own, Set<String> ownPackages) {
            if (unknown.get()) {
                return false; // what an earlier compile declared could not all be read
            }
            for (String name : used) {
                if (classes.containsKey(name)) {
                    return false;
                }
                Set<String> owners = stopped.get(name);
                if (owners != null && !own.containsAll(owners)) {
                    return false;
                }
            }
            for (String p : packages) {
                // a compile declaring p or a package inside it makes p exist itself, before any import
                // or name is resolved, fresh context or not; source names a package by its whole
                // qualified name, each part an identifier
                if (!declaresIn(ownPackages, p) && used.containsAll(List.of(p.split("\\.")))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static boolean declaresIn(Set<String> ownPackages, String p) {
        for (String own : ownPackages) {
            if (own.equals(p) || own.startsWith(p + ".")) {
                return true;
            }
        }
        return false;
    }

    /** What one compile's sources declared, as javac parsed them. */
    private record Declared(Map<String, Set<String>> classes, Set<String> topLevel, Set<String> packages,
                            Set<String> allPackages, AtomicBoolean lowered, AtomicBoolean sameContext, AtomicBoolean unread) {
        Declared() {
            this(new HashMap<>(), new HashSet<>(), new HashSet<>(), new HashSet<>(), new AtomicBoolean(), new AtomicBoolean(),
                    new AtomicBoolean());
        }
    }

    /** A file manager and the contexts used with it; one thread at a time. */
    private final class Slot {
        final StandardJavaFileManager files;
        final Object pool;
        final Map<String, List<Generation>> generations = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Generation>> eldest) {
                return size() > GENERATIONS_PER_SLOT;
            }
        };
        int nextTag;
        /** Compiles given back, for {@link #giveBack}'s flushes. */
        long compiles;

        Slot(JavaCompiler compiler) throws ReflectiveOperationException {
            this.files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
            this.pool = poolConstructor.newInstance(CONTEXTS_PER_SLOT);
        }
    }

    private final String unavailable;
    private final Constructor<?> poolConstructor;
    private final Method getTask;
    private final Class<?> workerInterface;
    private final Deque<Slot> idle = new ArrayDeque<>();
    /** Per jar (path, size, time): the packages it has classes in, and its class files. */
    private final Map<String, Set<String>> jarEntries = new ConcurrentHashMap<>();
    /**
     * Per class path (entries with their stamps) and package: whether it has classes there. Class paths
     * name a run's folders, so the most recent {@value #PACKAGES_KEPT} answers are kept (any can be asked again).
     */
    private final Map<String, Boolean> packages = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > PACKAGES_KEPT;
        }
    });
    private static final int PACKAGES_KEPT = 16_384;
    private long reused;
    private long fresh;
    /** Per reason, how many compiles got a new context ({@link #newContextReasons()}). */
    private final Map<NewContext, Long> freshBy = new EnumMap<>(NewContext.class);
    /**
     * The keys (options, class path and its stamps) a context was kept for on some slot, the most
     * recent {@link #KEYS_REMEMBERED}: only to tell the reasons apart.
     */
    private final Set<String> keysKept = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<String, Boolean>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > KEYS_REMEMBERED;
                }
            }));
    private static final int KEYS_REMEMBERED = 4096;

    private ReusedJavac() {
        String why = "";
        Constructor<?> constructor = null;
        Method task = null;
        Class<?> worker = null;
        try {
            Class<?> pool = Class.forName(POOL_CLASS, false, ClassLoader.getSystemClassLoader());
            String packageName = pool.getPackageName();
            if (!pool.getModule().isExported(packageName, ReusedJavac.class.getModule())) {
                why = "the JVM does not export " + EXPORT + " to RedYellow (java --add-exports " + EXPORT
                        + "=ALL-UNNAMED, or the jar's Add-Exports, does that)";
            } else {
                worker = Class.forName(POOL_CLASS + "$Worker", false, pool.getClassLoader());
                constructor = pool.getConstructor(int.class);
                task = pool.getMethod("getTask", java.io.Writer.class, javax.tools.JavaFileManager.class,
                        DiagnosticListener.class, Iterable.class, Iterable.class, Iterable.class, worker);
            }
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            why = "this JDK has no javac task pool (" + e + ")";
        }
        this.unavailable = why;
        this.poolConstructor = constructor;
        this.getTask = task;
        this.workerInterface = worker;
    }

    static ReusedJavac shared() {
        return shared;
    }

    /**
     * Drops every kept context and closes their file managers (and the jars they opened): the next compile
     * starts as in a new JVM. For a JVM that runs commands for others (the daemon), between two of them; no
     * compile may run meanwhile.
     */
    static void forgetShared() {
        ReusedJavac old = shared;
        shared = new ReusedJavac();
        synchronized (old.idle) {
            for (Slot slot : old.idle) {
                try {
                    slot.files.close();
                } catch (IOException e) {
                    // javac's own manager: closing releases its jars, and a failure costs a file handle
                }
            }
            old.idle.clear();
        }
    }

    /** Why contexts cannot be reused in this JVM; "" when they can. */
    String unavailable() {
        return unavailable;
    }

    /**
     * How many compiles reused a context, how many got a new one, and how many of those were first
     * tried on a context and redone because javac's parse showed another class than a file's name
     * (for tests and the bench).
     */
    synchronized long[] counts() {
        return new long[] {reused, fresh, freshBy.getOrDefault(NewContext.REDONE, 0L)};
    }

    /** Why a compile got a new context, not a reused one. */
    enum NewContext {
        /** No context was kept for its options and class path before (the first compile on a class path). */
        NEW_CLASS_PATH("first context for its class path"),
        /** One was, but on a compiler slot busy at the time, or this slot has forgotten it since. */
        NOT_ON_THIS_SLOT("kept on another slot or forgotten"),
        /** Every context this slot keeps for the class path met a trace of an earlier compile. */
        REFUSED("refused by every kept context"),
        /**
         * The compile gets a context no other compile uses: it declares a module or a package, names a
         * class the class path has, has a package name that cannot be read for sure, or imports on
         * demand a package without classes (see {@link #compile}).
         */
        OWN("a context of its own"),
        /** The JDK pool had dropped the context it was to reuse. */
        DROPPED("dropped by the pool"),
        /** javac's parse showed another class or package than a file's name and place: the compile was redone. */
        REDONE("redone after the parse");

        private final String words;

        NewContext(String words) {
            this.words = words;
        }

        /** The reason in words, for the bench. */
        String words() {
            return words;
        }
    }

    /** How many compiles got a new context so far, per reason (the bench prints differences). */
    synchronized Map<NewContext, Long> newContextReasons() {
        Map<NewContext, Long> copy = new EnumMap<>(NewContext.class);
        for (NewContext why : NewContext.values()) {
            copy.put(why, freshBy.getOrDefault(why, 0L));
        }
        return copy;
    }

    /**
     * Compiles {@code sources} into {@code classes} against {@code classPath}, with a reused context
     * when that is safe (see the class comment). {@code options} name neither {@code -d} nor
     * {@code -cp}: the output folder is given to the file manager, so runs in different folders
     * share contexts, and the class path is added here.
     */
    boolean compile(JavaCompiler compiler, List<String> options, Path classes, List<Path> classPath, List<Path> sources,
                    DiagnosticListener<? super JavaFileObject> diagnostics) throws IOException {
        return compile(compiler, options, classes, classPath, sources, diagnostics, new java.io.StringWriter());
    }

    /**
     * As {@link #compile(JavaCompiler, List, Path, List, List, DiagnosticListener)}, javac's own
     * notices (what it prints when it crashes) written to {@code out}.
     *
     * @throws Crashed when javac crashed: it catches what went wrong inside it (a StackOverflowError,
     *                 an OutOfMemoryError, a bug of its own), prints it to {@code out} and fails without
     *                 an error diagnostic. Its context is then left out of the pool, as the JDK's pool
     *                 does for a task that throws: what the crash left half done must not meet a later compile.
     */
    boolean compile(JavaCompiler compiler, List<String> options, Path classes, List<Path> classPath, List<Path> sources,
                    DiagnosticListener<? super JavaFileObject> diagnostics, java.io.Writer out) throws IOException {
        if (!unavailable.isEmpty()) {
            throw new IllegalStateException("javac's contexts cannot be reused: " + unavailable);
        }
        Set<String> used = new HashSet<>();
        Set<String> own = new HashSet<>();
        Set<String> ownPackages = new HashSet<>();
        boolean shadows = false;
        Set<String> onDemand = new HashSet<>();
        for (Path source : sources) {
            String text = read(source);
            Set<String> identifiers = new HashSet<>();
            JavaIdentifiers.addTo(identifiers, text);
            for (String identifier : identifiers) {
                used.add(identifier);
                Collections.addAll(used, identifier.split("\\$"));
            }
            String name = source.getFileName().toString();
            String simple = name.endsWith(".java") ? name.substring(0, name.length() - ".java".length()) : name;
            String packageName = JavaIdentifiers.packageOf(text);
            own.add(qualified(packageName, simple));
            ownPackages.add(packageName);
            // a module or package declaration sets what a context keeps (its module mode, a package's
            // annotations): such a compile gets a context no later compile uses
            if (packageName.equals(JavaIdentifiers.UNSURE) || simple.equals("module-info") || simple.equals("package-info")
                    || hasClass(classPath, packageName, simple)) {
                shadows = true;
            }
            onDemand.addAll(JavaIdentifiers.onDemandImports(text));
        }
        for (String imported : onDemand) {
            // `import p.*` fails where p has no classes and does not exist; an earlier compile on a context
            // may have made it exist (by reading or declaring a class under it): a precaution, no such
            // case was seen to differ
            if (!declaresIn(ownPackages, imported) && !hasPackage(classPath, imported) && !systemPackage(imported)) {
                shadows = true;
            }
        }
        List<String> all = new ArrayList<>(options);
        all.add("-cp");
        all.add(String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()));
        String key = String.join("\0", all) + "\0" + stamps(classPath);
        Set<Path> before = filesIn(classes);
        Slot slot = take(key);
        try {
            Generation generation = shadows ? null : reusable(slot, key, used, own, ownPackages);
            List<String> remembered = remember(sources);
            if (generation != null) {
                DiagnosticCollector<JavaFileObject> held = new DiagnosticCollector<>();
                Declared declared = new Declared();
                List<String> history = List.copyOf(generation.history());
                boolean ok = run(slot, generation, all, classes, held, sources, declared, classPath, remembered, before, out);
                // the files were judged by their names; javac's parse must confirm they declare them
                if (declared.topLevel().containsAll(own) && declared.allPackages().containsAll(ownPackages)) {
                    if (declared.sameContext().get()) {
                        countReused();
                    } else {
                        count(NewContext.DROPPED);
                    }
                    if (check != null && declared.sameContext().get()) {
                        check(compiler, all, sources, ok, held, classes, before, history, remembered);
                    }
                    held.getDiagnostics().forEach(diagnostics::report);
                    return ok;
                }
                for (Path made : filesIn(classes)) {
                    if (!before.contains(made)) {
                        Files.deleteIfExists(made);
                    }
                }
            }
            // asked before the new generation joins the slot's: a refusal is told by the ones already there
            count(generation != null ? NewContext.REDONE : whyNew(shadows, slot, key));
            generation = new Generation(Integer.toString(slot.nextTag++));
            if (!shadows) {
                List<Generation> known = slot.generations.computeIfAbsent(key, k -> new ArrayList<>());
                known.add(generation);
                keysKept.add(key);
                if (known.size() > CONTEXTS_PER_SLOT) {
                    known.remove(0); // its context is gone from the pool by now, or soon
                }
            }
            return run(slot, generation, all, classes, diagnostics, sources, new Declared(), classPath, remembered, before, out);
        } finally {
            giveBack(slot);
        }
    }

    /** Why a compile that reuses no context (as {@code slot} found none for {@code key}) gets a new one. */
    private NewContext whyNew(boolean shadows, Slot slot, String key) {
        if (shadows) {
            return NewContext.OWN;
        }
        if (!slot.generations.getOrDefault(key, List.of()).isEmpty()) {
            return NewContext.REFUSED;
        }
        return keysKept.contains(key) ? NewContext.NOT_ON_THIS_SLOT : NewContext.NEW_CLASS_PATH;
    }

    /** Per thread, as {@code counts()[1]}: a test run's compile is done on its own thread. */
    private static final ThreadLocal<long[]> MADE_BY_THREAD = ThreadLocal.withInitial(() -> new long[1]);

    /** How many compiles on this thread got a new context so far (any instance; read as a difference). */
    static long newContextsOnThisThread() {
        return MADE_BY_THREAD.get()[0];
    }

    private synchronized void countReused() {
        reused++;
    }

    private synchronized void count(NewContext why) {
        fresh++;
        freshBy.merge(why, 1L, Long::sum);
        MADE_BY_THREAD.get()[0]++;
    }

    /** The sources' lines for {@link ReuseCheck}'s records; none when it is off or cannot keep them. */
    private List<String> remember(List<Path> sources) {
        if (check == null) {
            return List.of();
        }
        try {
            return check.remember(sources);
        } catch (IOException | RuntimeException e) {
            System.getLogger(ReusedJavac.class.getName()).log(System.Logger.Level.WARNING,
                    "the check of reused javac contexts could not keep the sources: " + e);
            return List.of();
        }
    }

    /** Compares a reused compile with a fresh one ({@link ReuseCheck}); a check that fails says so and leaves the compile as it was. */
    private void check(JavaCompiler compiler, List<String> options, List<Path> sources, boolean ok,
                       DiagnosticCollector<JavaFileObject> held, Path classes, Set<Path> before, List<String> history,
                       List<String> remembered) {
        try {
            List<Path> made = new ArrayList<>(filesIn(classes));
            made.removeAll(before);
            check.compare(compiler, options, sources, ok, held.getDiagnostics(), classes, made, history, remembered);
        } catch (IOException | RuntimeException e) {
            System.getLogger(ReusedJavac.class.getName()).log(System.Logger.Level.WARNING,
                    "the check of a reused javac context failed: " + e);
        }
    }

    /** The newest generation for {@code key} that is safe for the compile, or null. */
    private static Generation reusable(Slot slot, String key, Set<String> used, Set<String> own, Set<String> ownPackages) {
        List<Generation> known = slot.generations.getOrDefault(key, List.of());
        for (int i = known.size() - 1; i >= 0; i--) {
            Generation g = known.get(i);
            if (g.safeFor(used, own, ownPackages)) {
                return g;
            }
        }
        return null;
    }

    private static String qualified(String packageName, String simple) {
        return packageName.isEmpty() ? simple : packageName + "." + simple;
    }

    /** Whether {@code classes} holds a file that is not in {@code before}; true when that cannot be told. */
    private static boolean wroteAny(Path classes, Set<Path> before) {
        try {
            return !before.containsAll(filesIn(classes));
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** The javac context of {@code task} (the pool's, for a task it made); null when it cannot be read. */
    private static Object contextOf(JavacTask task) {
        try {
            return task.getClass().getMethod("getContext").invoke(task);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Every file under {@code root} (none when it does not exist). */
    private static Set<Path> filesIn(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toSet());
        }
    }

    /** One compile on {@code generation}'s context; what its sources declare goes to the generation, whatever happens. */
    private boolean run(Slot slot, Generation generation, List<String> options, Path classes,
                        DiagnosticListener<? super JavaFileObject> diagnostics, List<Path> sources, Declared declared,
                        List<Path> classPath, List<String> remembered, Set<Path> before, java.io.Writer out) throws IOException {
        AtomicBoolean reportedError = new AtomicBoolean();
        DiagnosticListener<JavaFileObject> told = d -> {
            if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR) {
                reportedError.set(true);
            }
            diagnostics.report(SettledDiagnostic.of(d)); // formatted now, on javac's thread, while the slot is this compile's
        };
        List<String> tagged = new ArrayList<>(options);
        tagged.add(TAG_OPTION + generation.tag());
        slot.files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
        TaskListener names = new TaskListener() {
            @Override
            public void started(TaskEvent e) {
                if (e.getKind() == TaskEvent.Kind.GENERATE) {
                    declared.lowered().set(true);
                }
            }

            @Override
            public void finished(TaskEvent e) {
                if (e.getKind() == TaskEvent.Kind.PARSE && e.getCompilationUnit() != null) {
                    note(e.getCompilationUnit(), declared, classPath);
                }
            }
        };
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "withTask" -> {
                JavacTask task = (JavacTask) args[0];
                declared.sameContext().set(generation.sameContext(contextOf(task)));
                task.addTaskListener(names);
                Optional<Boolean> called = call(task, reportedError);
                if (called.isEmpty()) {
                    // thrown out of the pool's worker, so the pool does not take the context back
                    throw new Crashed(reportedError.get());
                }
                yield called.get();
            }
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "RedYellow's javac worker";
            default -> throw new UnsupportedOperationException(method.getName());
        };
        Object worker = Proxy.newProxyInstance(ReusedJavac.class.getClassLoader(), new Class<?>[] {workerInterface}, handler);
        boolean succeeded = false;
        try {
            // never on an interruptible thread: an interrupt would close a jar the slot's file manager keeps open
            succeeded = Uninterrupted.<Boolean, ReflectiveOperationException>call(() -> (Boolean) getTask.invoke(slot.pool,
                    out, slot.files, told, tagged, null, slot.files.getJavaFileObjectsFromPaths(sources), worker));
            return succeeded;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Crashed crashed && crashed.afterErrors()) {
                return false; // javac's errors stand (javac itself reports such a crash as no more than them)
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException("javac failed: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("javac's task pool became inaccessible", e);
        } finally {
            // javac takes each class through attribution, flow, lowering and writing (GENERATE) before the
            // next, and lowers and writes none once it has an error: a compile that began writing no class
            // (a RED proof, whose first error is its missing class) lowered none; measured, a compile with
            // an error gets no GENERATE event (lowering alone failing, without one, is not caught)
            generation.add(declared, succeeded || declared.lowered().get() || wroteAny(classes, before));
            if (check != null) {
                generation.history().add("compile:");
                generation.history().addAll(remembered);
            }
        }
    }

    /**
     * Notes what a parsed unit declares that a later compile on the same context could meet: its
     * classes' simple names with their top-level class, its package when the class path lacks it, and the
     * packages around it that have no classes of their own on the class path.
     */
    private void note(CompilationUnitTree unit, Declared declared, List<Path> classPath) {
        String packageName = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
        declared.allPackages().add(packageName);
        if (!packageName.isEmpty() && !hasPackage(classPath, packageName)) {
            declared.packages().add(packageName);
        }
        // javac marks the packages around a declared one as existing too; one without classes of its own
        // exists in a fresh compile only if that compile meets something under it
        for (int dot = packageName.lastIndexOf('.'); dot > 0; dot = packageName.lastIndexOf('.', dot - 1)) {
            String enclosing = packageName.substring(0, dot);
            if (!hasPackage(classPath, enclosing)) {
                declared.packages().add(enclosing);
            }
        }
        for (var type : unit.getTypeDecls()) {
            if (type instanceof ClassTree top) {
                String owner = qualified(packageName, top.getSimpleName().toString());
                declared.topLevel().add(owner);
                try {
                    new TreeScanner<Void, Void>() {
                        @Override
                        public Void visitClass(ClassTree node, Void unused) {
                            if (!node.getSimpleName().isEmpty()) {
                                declared.classes().computeIfAbsent(node.getSimpleName().toString(), k -> new HashSet<>()).add(owner);
                            }
                            return super.visitClass(node, unused);
                        }
                    }.scan(top, null);
                } catch (StackOverflowError e) {
                    // code nested too deep for this thread's stack (javac's own parse went through): the compile
                    // goes on, but what it declared is not all known, so its context serves no later compile
                    declared.unread().set(true);
                }
            }
        }
    }

    private Slot take(String key) throws IOException {
        synchronized (idle) {
            for (Slot slot : idle) {
                if (slot.generations.containsKey(key)) {
                    idle.remove(slot);
                    return slot;
                }
            }
            if (!idle.isEmpty()) {
                return idle.pop();
            }
        }
        try {
            return new Slot(javax.tools.ToolProvider.getSystemJavaCompiler());
        } catch (ReflectiveOperationException e) {
            throw new IOException("could not make a javac task pool: " + e, e);
        }
    }

    private void giveBack(Slot slot) {
        // javac's file manager keeps the text of every source it read (softly) under a map entry per file
        // (strongly); a slot lives as long as the JVM and every run's sources are new files, so in the app
        // that map grew with every run. A flush empties it (and the listings of the class path's folders,
        // which each task's -cp empties anyway); the open jars stay.
        if (++slot.compiles % FLUSH_AFTER_COMPILES == 0) {
            try {
                slot.files.flush();
            } catch (IOException e) {
                // javac's own manager throws nothing here; one that cannot forget costs memory, not a compile
            }
        }
        synchronized (idle) {
            idle.push(slot);
        }
    }

    /** Size and time of every class path entry: one replaced in place gets contexts of its own. */
    private static String stamps(List<Path> classPath) {
        StringBuilder s = new StringBuilder();
        for (Path entry : classPath) {
            try {
                BasicFileAttributes a = Files.readAttributes(entry, BasicFileAttributes.class);
                s.append(a.size()).append('/').append(a.lastModifiedTime().toMillis()).append(';');
            } catch (IOException e) {
                s.append("absent;");
            }
        }
        return s.toString();
    }

    private boolean hasClass(List<Path> classPath, String packageName, String simpleName) {
        String file = (packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/") + simpleName + ".class";
        for (Path entry : classPath) {
            if (Files.isDirectory(entry) ? Files.isRegularFile(entry.resolve(file)) : jarEntries(entry).contains(file)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a module of the running JDK, which javac compiles against, has classes in {@code packageName}. */
    private static boolean systemPackage(String packageName) {
        return SystemPackages.ALL.contains(packageName);
    }

    private static final class SystemPackages {
        static final Set<String> ALL = java.lang.module.ModuleFinder.ofSystem().findAll().stream()
                .flatMap(module -> module.descriptor().packages().stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Whether an entry of the class path has classes in {@code packageName} (entries do not change: see the class comment). */
    private boolean hasPackage(List<Path> classPath, String packageName) {
        String key = stamps(classPath) + "\0" + classPath + "\0" + packageName;
        return packages.computeIfAbsent(key, k -> listsPackage(classPath, packageName));
    }

    private boolean listsPackage(List<Path> classPath, String packageName) {
        String folder = packageName.replace('.', '/');
        for (Path entry : classPath) {
            if (Files.isDirectory(entry)) {
                try (var files = Files.list(entry.resolve(folder))) {
                    if (files.anyMatch(f -> f.getFileName().toString().endsWith(".class"))) {
                        return true;
                    }
                } catch (IOException e) {
                    // no such folder: not this entry
                }
            } else if (jarEntries(entry).contains(folder + "/")) {
                return true;
            }
        }
        return false;
    }

    /** A jar's class files and the folders ("p/q/") that hold one; empty for what is no readable jar. */
    private Set<String> jarEntries(Path jar) {
        return jarEntries.computeIfAbsent(jar + "\0" + stamps(List.of(jar)), k -> {
            Set<String> names = new HashSet<>();
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    if (name.endsWith(".class")) {
                        names.add(name);
                        int slash = name.lastIndexOf('/');
                        names.add(slash < 0 ? "" : name.substring(0, slash + 1));
                    }
                }
            } catch (IOException e) {
                return Set.of();
            }
            return Set.copyOf(names);
        });
    }

    /**
     * javac crashed: it caught what went wrong inside it and said why only on its writer. Thrown out of
     * {@link #compile} only when javac reported no error before ({@code afterErrors} false); after
     * errors the compile fails with them, as javac reports it.
     */
    static final class Crashed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean afterErrors;

        Crashed(boolean afterErrors) {
            super("javac crashed", null, false, false);
            this.afterErrors = afterErrors;
        }

        boolean afterErrors() {
            return afterErrors;
        }
    }

    /**
     * Runs {@code task}: whether it compiled, or empty when javac crashed (its result ABNORMAL or
     * SYSERR: it caught an exception or error of its own and printed it). Read from javac's
     * {@code doCall}, which tells a crash from errors; where that cannot be called, a failure counts as
     * a crash when no error was reported ({@code call} alone says only false).
     */
    private static final ClassValue<Method> DO_CALL = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                return type.getMethod("doCall");
            } catch (NoSuchMethodException e) {
                throw new UnsupportedOperationException(type + " has no doCall", e);
            }
        }
    };

    private static Optional<Boolean> call(JavacTask task, AtomicBoolean reportedError) {
        Object result;
        try {
            result = DO_CALL.get(task.getClass()).invoke(task);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            boolean called = task.call();
            return called || reportedError.get() ? Optional.of(called) : Optional.empty();
        }
        String name = String.valueOf(result);
        return name.equals("ABNORMAL") || name.equals("SYSERR") ? Optional.empty() : Optional.of(name.equals("OK"));
    }

    private static String read(Path source) throws IOException {
        try {
            return Files.readString(source, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            // javac fails on it too; the bytes as Latin-1 still give every ASCII identifier
            return new String(Files.readAllBytes(source), StandardCharsets.ISO_8859_1);
        }
    }
}
