package dev.redyellow.testing.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.LegacyReportingUtils;

/**
 * The worker's use of the JUnit Platform Launcher API. This source ships as a resource and is
 * compiled against the bundled console jar when the worker jar is built (the application is not
 * compiled against JUnit). It selects and filters tests as the console launcher does for the per-run
 * mode, and names and judges every test as the launcher's legacy XML report does, so both modes give
 * the same results.
 */
public final class JUnitPlatformBridge implements TestPlatform {

    private static final String JUPITER = "[engine:junit-jupiter]";

    private final Launcher launcher = LauncherFactory.create();
    /**
     * The launcher of mutant runs (issue 22): one session for the worker's life, so its engines and
     * listeners are made once, not for every mutant as {@link #launcher} makes them per request. It is
     * opened with the worker's own loader as the context loader, so it holds the console jar's engines
     * and nothing of any workspace; a run's extensions are still found in its own loader.
     */
    private LauncherSession mutantSession;

    @Override
    public Outcome run(ClassLoader loader, List<String> classNames, List<Path> roots) {
        return run(loader, classNames, roots, new Measuring(false, 0, List.of()), launcher);
    }

    @Override
    public Outcome run(ClassLoader loader, List<String> classNames, List<Path> roots, Measuring measuring) {
        return run(loader, classNames, roots, measuring, mutantLauncher());
    }

    private Outcome run(ClassLoader loader, List<String> classNames, List<Path> roots, Measuring measuring,
                        Launcher launcher) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        if (!measuring.testIds().isEmpty()) {
            measuring.testIds().forEach(id -> selectors.add(DiscoverySelectors.selectUniqueId(id)));
        } else {
            if (classNames.isEmpty()) {
                selectors.addAll(DiscoverySelectors.selectClasspathRoots(new LinkedHashSet<>(roots)));
            }
            for (String name : classNames) {
                selectors.add(DiscoverySelectors.selectClass(loader, name));
            }
        }
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(ClassNameFilter.includeClassNamePatterns(ClassNameFilter.STANDARD_INCLUDE_PATTERN));
        if (measuring.stopAtFirstFailure() && !detectsExtensions(loader)) {
            // Jupiter detects the stop extension as a service of the run's loader, and that one alone; a
            // workspace that detects extensions itself keeps its own settings (and may stop later)
            builder.configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                    .configurationParameter("junit.jupiter.extensions.autodetection.include", STOP_EXTENSION);
        }
        Results results = new Results(measuring.stopAtFirstFailure(), measuring.coverage() > 0);
        StopAfterFailure.failed = false;
        if (measuring.coverage() > 0) {
            LineHits.start(measuring.coverage());
        }
        try {
            launcher.execute(builder.build(), results);
        } finally {
            if (measuring.coverage() > 0) {
                LineHits.stop();
            }
        }
        return results.outcome();
    }

    private Launcher mutantLauncher() {
        if (mutantSession == null) {
            Thread thread = Thread.currentThread();
            ClassLoader context = thread.getContextClassLoader();
            thread.setContextClassLoader(JUnitPlatformBridge.class.getClassLoader());
            try {
                mutantSession = LauncherFactory.openSession();
            } finally {
                thread.setContextClassLoader(context);
            }
        }
        return mutantSession.getLauncher();
    }

    /** Whether the workspace's junit-platform.properties switch Jupiter's extension detection on. */
    private static boolean detectsExtensions(ClassLoader loader) {
        URL file = loader.getResource("junit-platform.properties");
        if (file == null) {
            return false;
        }
        Properties properties = new Properties();
        try (InputStream in = file.openStream()) {
            properties.load(in);
        } catch (IOException e) {
            return false; // the platform reads it too, and reports what is wrong with it
        }
        return Boolean.parseBoolean(properties.getProperty("junit.jupiter.extensions.autodetection.enabled", "false").strip());
    }

    /**
     * Skips every Jupiter test and container once a test of the run failed, when the run asked for it:
     * a mutant is killed by its first failure (issue 22). Off otherwise, so it changes nothing even in
     * a workspace that detects extensions itself.
     */
    public static final class StopAfterFailure implements org.junit.jupiter.api.extension.ExecutionCondition {
        /** One run at a time in a worker: set by that run's listener, cleared when a run starts. */
        static volatile boolean failed;

        @Override
        public org.junit.jupiter.api.extension.ConditionEvaluationResult evaluateExecutionCondition(
                org.junit.jupiter.api.extension.ExtensionContext context) {
            return failed ? org.junit.jupiter.api.extension.ConditionEvaluationResult.disabled("a test already failed")
                    : org.junit.jupiter.api.extension.ConditionEvaluationResult.enabled("no test failed yet");
        }
    }

    @Override
    public Outcome warmUp() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(WarmUp.class))
                .build();
        Results results = new Results(false, false);
        launcher.execute(request, results);
        return results.outcome();
    }

    /**
     * What a warm-up runs: the kinds of test the real-code cases have most (plain, parameterized,
     * nested, with set-up, assertions that pass and an expected exception), all passing.
     */
    public static final class WarmUp {
        private int value;

        @org.junit.jupiter.api.BeforeEach
        void setUp() {
            value = 2;
        }

        @org.junit.jupiter.api.Test
        void adds() {
            org.junit.jupiter.api.Assertions.assertEquals(4, value + 2);
            org.junit.jupiter.api.Assertions.assertTrue(value > 0, "positive");
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> {
                throw new IllegalArgumentException("expected");
            });
        }

        @org.junit.jupiter.params.ParameterizedTest
        @org.junit.jupiter.params.provider.ValueSource(strings = {"a", "bc"})
        void lengths(String text) {
            org.junit.jupiter.api.Assertions.assertFalse(text.isEmpty());
        }

        @org.junit.jupiter.api.Nested
        final class Inner {
            @org.junit.jupiter.api.Test
            void seesTheOuterSetUp() {
                org.junit.jupiter.api.Assertions.assertEquals(2, value);
            }
        }
    }

    /** Collects every test's result, then judges each test as the legacy XML report does. */
    private static final class Results implements TestExecutionListener {
        /** The id segments of a test's invocations, which are selected through the test that makes them. */
        private static final Pattern INVOCATIONS = Pattern.compile(
                "(/\\[(test-template-invocation|dynamic-test|dynamic-container):[^\\]]*\\])+$");
        private final boolean stopAtFirstFailure;
        private final boolean coverage;
        /** Per test to select (by unique id): its time and the lines it reached, in the order they ran. */
        private final Map<String, Long> testMillis = new LinkedHashMap<>();
        private final Map<String, Set<Integer>> testLines = new HashMap<>();
        private final Set<Integer> outside = new TreeSet<>();
        private TestIdentifier runningTest;
        private boolean concurrent;
        private TestPlan plan;
        private final Map<TestIdentifier, TestExecutionResult> finished = new HashMap<>();
        private final Map<TestIdentifier, String> skipped = new HashMap<>();
        private final Map<TestIdentifier, Long> started = new HashMap<>();
        private final Map<TestIdentifier, Long> millis = new HashMap<>();
        private boolean containerFailed;
        private String engineFailure = "";

        Results(boolean stopAtFirstFailure, boolean coverage) {
            this.stopAtFirstFailure = stopAtFirstFailure;
            this.coverage = coverage;
        }

        /** The lines reached since the last event go to the test running, else to everyone's set-up. */
        private void noteLines() {
            if (!coverage) {
                return;
            }
            int[] ids = LineHits.take();
            Set<Integer> into = runningTest == null ? outside
                    : testLines.computeIfAbsent(selectable(runningTest), k -> new TreeSet<>());
            for (int id : ids) {
                into.add(id);
            }
        }

        private static String selectable(TestIdentifier id) {
            return INVOCATIONS.matcher(id.getUniqueId()).replaceFirst("");
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            noteLines();
            if (coverage && id.isTest()) {
                // two tests at once (parallel execution): their lines cannot be told apart
                concurrent |= runningTest != null;
                runningTest = id;
            }
            started.put(id, System.nanoTime());
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            skipped.put(id, reason == null ? "" : reason);
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            noteLines();
            if (coverage && id.isTest()) {
                Long start = started.get(id);
                testMillis.merge(selectable(id), start == null ? 0 : (System.nanoTime() - start) / 1_000_000, Long::sum);
                testLines.computeIfAbsent(selectable(id), k -> new TreeSet<>());
                runningTest = null;
            }
            finished.put(id, result);
            if (stopAtFirstFailure && result.getStatus() == TestExecutionResult.Status.FAILED) {
                StopAfterFailure.failed = true;
            }
            Long start = started.get(id);
            millis.put(id, start == null ? 0 : (System.nanoTime() - start) / 1_000_000);
            if (!id.isTest() && result.getStatus() == TestExecutionResult.Status.FAILED) {
                if (id.getParentId().isEmpty()) {
                    // An engine failed as a whole: a critical discovery issue, or the engine broke.
                    engineFailure = id.getDisplayName() + ": " + result.getThrowable().map(Results::message).orElse("");
                } else {
                    containerFailed = true;
                }
            }
        }

        /**
         * Every test of the Jupiter engine in the order of the XML report: the report collects its
         * tests (and leaf containers) into a hash map keyed by identifier, so the same map built the
         * same way gives the same order, and with it the same "first failure" in every message.
         */
        Outcome outcome() {
            List<ReplyCase> cases = new ArrayList<>();
            if (plan != null) {
                for (TestIdentifier root : plan.getRoots()) {
                    // The per-run mode reads the Jupiter engine's report only.
                    if (!root.getUniqueId().equals(JUPITER)) {
                        continue;
                    }
                    Map<TestIdentifier, ReplyCase> judged = plan.getDescendants(root).stream()
                            .filter(id -> id.isTest() || plan.getChildren(id).isEmpty())
                            .collect(Collectors.toMap(Function.identity(), this::judge));
                    cases.addAll(judged.values());
                }
            }
            return new Outcome(cases, containerFailed, engineFailure, coverageLines());
        }

        /** Each test's lines ({@link TestLines}), and the lines reached outside any; none when tests overlapped. */
        private List<String> coverageLines() {
            noteLines();
            if (!coverage || concurrent) {
                return List.of();
            }
            List<String> lines = new ArrayList<>();
            testMillis.forEach((id, millis) -> lines.add(new TestLines(id, millis,
                    testLines.get(id).stream().mapToInt(Integer::intValue).toArray()).encode()));
            lines.add(new TestLines(TestLines.OUTSIDE, 0, outside.stream().mapToInt(Integer::intValue).toArray()).encode());
            return lines;
        }

        /**
         * As the XML report judges a test: skipped when it or an ancestor was skipped; else failed
         * when it or an ancestor failed, with the message of the last error (not an AssertionError)
         * among them, else of the last failure; else skipped when it or an ancestor was aborted (a
         * failed assumption: the report writes it as skipped); passed only when it finished
         * successfully itself, skipped when it never ran.
         */
        private ReplyCase judge(TestIdentifier id) {
            String className = LegacyReportingUtils.getClassName(plan, id);
            String name = id.getLegacyReportingName();
            List<TestIdentifier> ancestry = ancestry(id);
            if (ancestry.stream().anyMatch(skipped::containsKey)) {
                return new ReplyCase(className, name, ReplyCase.Status.SKIPPED, "", 0);
            }
            long time = millis.getOrDefault(id, 0L);
            Optional<Throwable> lastFailure = null;
            Optional<Throwable> lastError = null;
            Optional<Throwable> aborted = null;
            for (TestIdentifier node : ancestry) {
                TestExecutionResult result = finished.get(node);
                if (result != null && result.getStatus() == TestExecutionResult.Status.FAILED) {
                    Optional<Throwable> thrown = result.getThrowable();
                    if (thrown.isPresent() && thrown.get() instanceof AssertionError) {
                        lastFailure = thrown;
                    } else {
                        lastError = thrown;
                    }
                } else if (result != null && result.getStatus() == TestExecutionResult.Status.ABORTED && aborted == null) {
                    aborted = result.getThrowable();
                }
            }
            Optional<Throwable> shown = lastError != null ? lastError : lastFailure;
            if (shown != null) {
                return new ReplyCase(className, name, ReplyCase.Status.FAILED, shown.map(Results::message).orElse(""), time);
            }
            if (aborted != null) {
                return new ReplyCase(className, name, ReplyCase.Status.SKIPPED, aborted.map(Results::message).orElse(""), time,
                        aborted.map(thrown -> SkipOrigin.of(className, thrown)).orElse(List.of()));
            }
            TestExecutionResult own = finished.get(id);
            if (own == null || own.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                return new ReplyCase(className, name, ReplyCase.Status.SKIPPED, "not executed", time);
            }
            return new ReplyCase(className, name, ReplyCase.Status.PASSED, "", time);
        }

        /** The test itself, then its parents up to the root. */
        private List<TestIdentifier> ancestry(TestIdentifier id) {
            List<TestIdentifier> chain = new ArrayList<>();
            for (Optional<TestIdentifier> node = Optional.of(id); node.isPresent(); node = plan.getParent(node.get())) {
                chain.add(node.get());
            }
            return chain;
        }

        /** The message the XML report gives: the exception's message, else the first line of its stack trace. */
        private static String message(Throwable failure) {
            String message = failure.getMessage();
            if (message != null && !message.isBlank()) {
                // A class the tests could not load says so, as the XML report's type says it in the
                // per-run mode: the bare message is only its name, and the run learns from this what
                // code was missing (a class only a serialized object or reflection names).
                return failure instanceof ClassNotFoundException || failure instanceof NoClassDefFoundError
                        ? failure.getClass().getName() + ": " + message : message;
            }
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            return trace.toString().strip().lines().findFirst().orElse("");
        }
    }
}
