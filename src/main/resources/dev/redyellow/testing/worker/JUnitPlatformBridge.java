package dev.redyellow.testing.worker;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
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

    private final Launcher launcher = LauncherFactory.create();

    @Override
    public Outcome run(ClassLoader loader, List<String> classNames, List<Path> roots) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        if (classNames.isEmpty()) {
            selectors.addAll(DiscoverySelectors.selectClasspathRoots(new LinkedHashSet<>(roots)));
        }
        for (String name : classNames) {
            selectors.add(DiscoverySelectors.selectClass(loader, name));
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(ClassNameFilter.includeClassNamePatterns(ClassNameFilter.STANDARD_INCLUDE_PATTERN))
                .build();
        Results results = new Results();
        launcher.execute(request, results);
        return results.outcome();
    }

    /** Collects every test's result, then judges each test as the legacy XML report does. */
    private static final class Results implements TestExecutionListener {
        private TestPlan plan;
        private final Map<TestIdentifier, TestExecutionResult> finished = new HashMap<>();
        private final Map<TestIdentifier, String> skipped = new HashMap<>();
        private final Map<TestIdentifier, Long> started = new HashMap<>();
        private final Map<TestIdentifier, Long> millis = new HashMap<>();
        private boolean containerFailed;

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            started.put(id, System.nanoTime());
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            skipped.put(id, reason == null ? "" : reason);
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            finished.put(id, result);
            Long start = started.get(id);
            millis.put(id, start == null ? 0 : (System.nanoTime() - start) / 1_000_000);
            if (!id.isTest() && result.getStatus() == TestExecutionResult.Status.FAILED) {
                containerFailed = true;
            }
        }

        Outcome outcome() {
            List<ReplyCase> cases = new ArrayList<>();
            if (plan != null) {
                for (TestIdentifier root : plan.getRoots()) {
                    for (TestIdentifier id : plan.getDescendants(root)) {
                        if (id.isTest()) {
                            cases.add(judge(id));
                        }
                    }
                }
            }
            return new Outcome(cases, containerFailed);
        }

        private ReplyCase judge(TestIdentifier id) {
            String className = LegacyReportingUtils.getClassName(plan, id);
            String name = id.getLegacyReportingName();
            long time = millis.getOrDefault(id, 0L);
            if (ancestry(id).stream().anyMatch(skipped::containsKey)) {
                return new ReplyCase(className, name, ReplyCase.Status.SKIPPED, "", time);
            }
            Optional<TestExecutionResult> result = result(id);
            if (result.isPresent() && result.get().getStatus() == TestExecutionResult.Status.ABORTED) {
                return new ReplyCase(className, name, ReplyCase.Status.SKIPPED, "", time);
            }
            if (result.isPresent() && result.get().getStatus() == TestExecutionResult.Status.FAILED) {
                String message = result.get().getThrowable().map(Results::message).orElse("");
                return new ReplyCase(className, name, ReplyCase.Status.FAILED, message, time);
            }
            return new ReplyCase(className, name, ReplyCase.Status.PASSED, "", time);
        }

        /** The test's own result, else that of the nearest finished ancestor when it did not succeed. */
        private Optional<TestExecutionResult> result(TestIdentifier id) {
            for (TestIdentifier node : ancestry(id)) {
                TestExecutionResult result = finished.get(node);
                if (result != null) {
                    return node.equals(id) || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL
                            ? Optional.of(result) : Optional.empty();
                }
            }
            return Optional.empty();
        }

        /** The test itself, then its parents up to the root. */
        private List<TestIdentifier> ancestry(TestIdentifier id) {
            List<TestIdentifier> chain = new ArrayList<>();
            for (Optional<TestIdentifier> node = Optional.of(id); node.isPresent(); node = plan.getParent(node.get())) {
                chain.add(node.get());
            }
            return chain;
        }

        /**
         * The message the XML report gives: the exception's message as an attribute (where XML turns
         * every line break and tab into a space), else the first line of the stack trace.
         */
        private static String message(Throwable failure) {
            String message = failure.getMessage();
            if (message != null && !message.isBlank()) {
                return message.replace("\r\n", "\n").replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
            }
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            return trace.toString().strip().lines().findFirst().orElse("");
        }
    }
}
