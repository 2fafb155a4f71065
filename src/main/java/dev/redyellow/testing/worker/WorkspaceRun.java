package dev.redyellow.testing.worker;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One run in the worker: compile the workspace into its {@code .redyellow/classes}, then run its
 * tests on a thread of their own (with the stack of {@link TestJvm}), in a class loader of their own,
 * so neither classes, static fields nor thread-locals reach the next run. JVM-wide settings a test
 * may change in passing ({@link JvmGlobals}) are put back after the run. What cannot be put back
 * (threads still running, a URL handler factory, security properties, a heap that stays full) is
 * reported as the reason to recycle the worker.
 */
final class WorkspaceRun {

    private static final List<String> RESOURCE_FOLDERS = List.of("src/main/resources", "src/test/resources");
    /** JDK threads that start lazily and hold nothing of a run. */
    private static final List<String> JDK_THREADS = List.of("ForkJoinPool.commonPool-worker-", "process reaper",
            "Common-Cleaner", "Attach Listener", "Signal Dispatcher", "Reference Handler", "Finalizer",
            "Notification Thread", "worker-exit-notice");
    /** How long threads a run started get to end on their own once the tests are done. */
    private static final long THREAD_GRACE_MILLIS = 200;
    /** The share of the old generation that may stay used after a collection before the worker is recycled. */
    private static final double HEAP_LIMIT = 0.7;

    private final Path consoleJar;
    private final TestPlatform platform;
    private final WorkspaceCompiler compiler = new WorkspaceCompiler(true);
    private volatile boolean running;
    private int runs;

    WorkspaceRun(Path consoleJar, TestPlatform platform) {
        this.consoleJar = consoleJar;
        this.platform = platform;
    }

    boolean running() {
        return running;
    }

    WorkerReply run(WorkerRequest request) {
        running = true;
        runs++;
        long started = System.nanoTime();
        Path workspace = Path.of(request.workspace());
        Path classes = workspace.resolve(WorkspaceCompiler.OWN_FOLDER).resolve("classes");
        try {
            if (request.compiled()) {
                return test(workspace, classes, request.selectedClasses(), 0, 0,
                        request.classPath().stream().map(Path::of).toList(), request.mutation());
            }
            deleteTree(classes);
            WorkspaceCompiler.Compilation compilation = compiler.compile(workspace, classes, List.of(consoleJar));
            long compileMillis = millisSince(started);
            if (!compilation.succeeded() || compilation.sources() == 0) {
                return new WorkerReply(compilation.sources(), compilation.errors(), compileMillis, 0, List.of(), false, "", "",
                        List.of());
            }
            return test(workspace, classes, request.selectedClasses(), compilation.sources(), compileMillis, List.of(),
                    request.mutation());
        } catch (IOException | RuntimeException e) {
            return new WorkerReply(0, List.of(), millisSince(started), 0, List.of(), false,
                    "the worker could not compile the workspace: " + e, "", List.of());
        } finally {
            running = false;
        }
    }

    private WorkerReply test(Path workspace, Path classes, List<String> selected, int sources, long compileMillis,
                             List<Path> after, MutationRun mutation) throws IOException {
        List<Path> roots = new ArrayList<>(List.of(classes));
        for (String folder : RESOURCE_FOLDERS) {
            if (Files.isDirectory(workspace.resolve(folder))) {
                roots.add(workspace.resolve(folder));
            }
        }
        // the base's shared classes come last: nothing of the workspace's own has their names (BaseCompile)
        roots.addAll(after);
        URL[] urls = new URL[roots.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = roots.get(i).toUri().toURL();
        }
        ClassLoader parent = WorkspaceRun.class.getClassLoader();
        List<Path> classRoots = new ArrayList<>(List.of(classes));
        classRoots.addAll(after);
        String missing = WorkspaceCompiler.missingClasses(classRoots, selected);
        if (!missing.isEmpty()) {
            return new WorkerReply(sources, List.of(), compileMillis, 0, List.of(), false, missing, "", List.of());
        }
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        JvmGlobals globals = JvmGlobals.take();
        long started = System.nanoTime();
        AtomicReference<TestPlatform.Outcome> outcome = new AtomicReference<>(new TestPlatform.Outcome(List.of(), false, ""));
        AtomicReference<String> problem = new AtomicReference<>("");
        JvmGlobals.Changes changes;
        TestPlatform.Measuring measuring = new TestPlatform.Measuring(mutation.stopAtFirstFailure(),
                mutation.coverage() ? mutation.replaced().size() : 0, mutation.testIds());
        try (URLClassLoader loader = mutation.active()
                ? new MutantLoader("run-" + runs, urls, parent, mutation.replaced())
                : new URLClassLoader("run-" + runs, urls, parent)) {
            // The stack every test JVM gives its tests (TestJvm): the same in both fork modes.
            Thread tests = new Thread(null, () -> {
                try {
                    outcome.set(mutation.active() ? platform.run(loader, selected, roots, measuring)
                            : platform.run(loader, selected, roots));
                } catch (OutOfMemoryError e) {
                    problem.set("the tests ran out of memory (" + e.getMessage() + "; the worker's heap is "
                            + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB)");
                } catch (RuntimeException | LinkageError | StackOverflowError e) {
                    problem.set("the JUnit Platform failed: " + firstLine(e));
                }
            }, "tests-run-" + runs, TestJvm.stackBytes());
            tests.setContextClassLoader(loader);
            try (RunSystemLoader.Visible visible = RunSystemLoader.during(loader)) {
                tests.start();
                Uninterrupted.join(tests); // nobody interrupts the worker's main thread; the host kills the JVM instead
            }
        } finally {
            changes = globals.restore();
        }
        long testMillis = millisSince(started);
        String recycle = problem.get().contains("out of memory") ? "the tests ran out of memory" : leftThreads(before);
        if (recycle.isEmpty() && !changes.unrestorable().isEmpty()) {
            recycle = "the tests changed JVM-wide state that cannot be put back: " + String.join("; ", changes.unrestorable());
        }
        if (recycle.isEmpty()) {
            recycle = leftProcesses();
        }
        if (recycle.isEmpty() && RunSystemLoader.servedClasses()) {
            recycle = "the tests took their own classes through the system class loader, which keeps them for the JVM's life";
        }
        if (recycle.isEmpty()) {
            recycle = heapStaysFull();
        }
        // A failed engine (a discovery error) is no test failure: the run could not be carried out;
        // unless a test failed, which the per-run mode's report would show as failed too.
        boolean testFailed = outcome.get().cases().stream().anyMatch(c -> c.status() == ReplyCase.Status.FAILED);
        String engineFailure = testFailed || outcome.get().engineFailure().isEmpty() ? ""
                : "the JUnit Platform failed before running the tests (a discovery or engine error): "
                + outcome.get().engineFailure();
        return new WorkerReply(sources, List.of(), compileMillis, testMillis, outcome.get().cases(),
                outcome.get().containerFailed(), problem.get().isEmpty() ? engineFailure : problem.get(), recycle,
                changes.restored(), outcome.get().coverage());
    }

    /** The threads the run started that still run after a short grace, as a recycle reason ("" if none). */
    private static String leftThreads(Set<Thread> before) {
        long deadline = System.nanoTime() + THREAD_GRACE_MILLIS * 1_000_000;
        List<Thread> left = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(thread) && thread.isAlive() && !isJdkThread(thread)) {
                long waitMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                join(thread, waitMillis);
                if (thread.isAlive()) {
                    left.add(thread);
                }
            }
        }
        if (left.isEmpty()) {
            return "";
        }
        return "the tests left " + left.size() + " thread(s) running: "
                + left.stream().map(Thread::getName).limit(5).collect(Collectors.joining(", "));
    }

    /** The processes the tests started that still run, as a recycle reason ("" if none). */
    private static String leftProcesses() {
        long running = ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
        return running == 0 ? "" : "the tests left " + running + " process(es) running";
    }

    private static boolean isJdkThread(Thread thread) {
        return JDK_THREADS.stream().anyMatch(name -> thread.getName().startsWith(name));
    }

    /** A recycle reason when the old generation stays mostly full after a collection ("" if not). */
    private static String heapStaysFull() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterCollection = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            boolean oldGeneration = pool.getName().contains("Tenured") || pool.getName().contains("Old");
            if (oldGeneration && afterCollection != null && afterCollection.getMax() > 0
                    && afterCollection.getUsed() > HEAP_LIMIT * afterCollection.getMax()) {
                return "the heap stayed " + (100 * afterCollection.getUsed() / afterCollection.getMax())
                        + "% full after a collection";
            }
        }
        return "";
    }

    private static void join(Thread thread, long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String firstLine(Throwable e) {
        return e.toString().lines().findFirst().orElse("");
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
