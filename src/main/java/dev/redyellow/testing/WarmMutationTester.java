package dev.redyellow.testing;

import dev.redyellow.files.Folders;
import dev.redyellow.exec.OutputSink;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.worker.BaseCompile;
import dev.redyellow.testing.worker.MutatedClass;
import dev.redyellow.testing.worker.MutationRun;
import dev.redyellow.testing.worker.ReplyCase;
import dev.redyellow.testing.worker.TestLines;
import dev.redyellow.testing.worker.WorkerReply;
import dev.redyellow.testing.worker.WorkerRequest;
import dev.redyellow.testing.worker.WorkspaceCompiler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mutation testing for the junit kind on the warm test workers (issue 22). PIT makes the mutants, as
 * a library in this JVM ({@link PitMutants}: its engine, filters and class limit, from the options
 * {@link PitestMutationTester} gives PIT's command line). A warm worker runs the feature's own tests:
 * first once without a mutant and with line probes in the classes that may be mutated, which must
 * pass, sets each mutant's time limit ({@link #timeLimitMillis}, PIT's rule) and tells which tests
 * reach which line; then once per mutant, in a class loader made for that mutant alone, only the
 * tests that reach its line, stopping at the first failing Jupiter test. A mutant whose line no test
 * reaches survives without a run ("no test runs this line"), as in PIT.
 *
 * <p>A mutant is killed when a test fails or errs, when the tests cannot run with it, or when they
 * run past the time limit or end the JVM. A worker that a mutant leaves unusable (a loop for ever,
 * System.exit, threads left running) is replaced, and the next mutant runs on a fresh one.
 *
 * <p>Measured and not kept: loading the base's classes once in a parent loader (they are then another
 * runtime package than the workspace's classes of the same package, which lose access to each other's
 * package-private members), and swapping the mutated class's code in one loader by redefinition as
 * PIT's minions do (39 to 40 s of mutant runs on the real-code case against 31 to 34 s).
 */
public final class WarmMutationTester implements MutationTester {

    /** PIT's default time limit for a mutant's tests: this factor of their time without it, plus the constant. */
    static final double TIME_FACTOR = 1.25;
    static final long TIME_CONSTANT_MILLIS = 4000;

    private final WarmWorkerPool pool;
    private final PitMutants planner;
    private final BaseCompile baseCompile = new BaseCompile();

    public WarmMutationTester(WarmWorkerPool pool, PitMutants planner) {
        this.pool = pool;
        this.planner = planner;
    }

    @Override
    public String tool(MutationRequest request) {
        return PitestJars.VERSION + ", mutants made by PIT and run on the warm test workers";
    }

    /** How long a mutant's tests may run: PIT's rule on the tests' time without a mutant. */
    static long timeLimitMillis(long plainMillis) {
        return (long) (plainMillis * TIME_FACTOR) + TIME_CONSTANT_MILLIS;
    }

    @Override
    public MutationResult measure(MutationRequest request) throws InterruptedException {
        if (!(request.test() instanceof TestSettings.JUnit settings)) {
            throw new IllegalArgumentException("not junit settings: " + request.test().describe());
        }
        long started = System.nanoTime();
        long deadline = started + request.mutation().timeoutSeconds() * 1_000_000_000L;
        List<String> targets;
        List<String> tests;
        try {
            targets = PitestMutationTester.targetClasses(request);
            tests = JUnitTestRunner.selectedClasses(new TestRequest(request.workspace(), settings, request.tests(),
                    request.output(), request.featureId()));
        } catch (IOException e) {
            return MutationResult.error(String.valueOf(e.getMessage()), millisSince(started));
        }
        if (targets.isEmpty()) {
            return MutationResult.notMeasured("the feature's files hold no Java source to mutate");
        }
        if (tests.isEmpty()) {
            return MutationResult.notMeasured("the feature has no Java test class to run against mutants");
        }
        Lease lease = null;
        try {
            lease = Lease.open(this, request, settings);
            long leaseMillis = millisSince(started);
            if (!lease.compiled.compilation().succeeded()) {
                return MutationResult.error("the workspace does not compile: "
                        + String.join("\n", lease.compiled.compilation().errors()), millisSince(started));
            }
            JUnitTestRunner.say(request.output(), JUnitTestRunner.compileLine(lease.compiled));
            long planStarted = System.nanoTime();
            PitMutants.Plan plan = planner.plan(PitestMutationTester.options(request, lease.home(),
                    lease.home().resolve(WorkspaceCompiler.OWN_FOLDER).resolve("pitest"), targets, tests), lease.classPath());
            List<PitMutants.Planned> mutants = plan.mutants();
            long planMillis = millisSince(planStarted);
            if (mutants.isEmpty()) {
                return MutationResult.measured(0, 0, List.of(), millisSince(started))
                        .capped(request.mutation().maxMutantsPerClass());
            }
            // The tests without a mutant, with the line probes: they must pass here too, their time sets
            // each mutant's limit, and their lines tell which tests can kill which mutant.
            List<MutatedClass> probes = plan.probes().stream().map(p -> new MutatedClass(p.className(), p.bytes())).toList();
            long coverageStarted = System.nanoTime();
            WarmWorker.Exchange plain = lease.run(MutationRun.plain(probes), tests, deadline);
            String failed = plainFailure(plain);
            String noCoverage = failed.isEmpty() ? "tests ran at the same time" : "the tests fail with line probes: " + failed;
            if (!failed.isEmpty()) {
                // without the probes: a class they break (or tests that fail anyway, which this tells)
                plain = lease.run(MutationRun.plain(List.of()), tests, deadline);
                failed = plainFailure(plain);
            }
            if (!failed.isEmpty()) {
                return MutationResult.error("the tests do not pass on the warm worker without a mutant: " + failed,
                        millisSince(started));
            }
            WorkerReply plainReply = ((WarmWorker.Replied) plain).reply();
            Coverage coverage = Coverage.of(plainReply.coverage(), noCoverage);
            long plainMillis = plainReply.testMillis();
            long coverageMillis = millisSince(coverageStarted);
            long limit = timeLimitMillis(plainMillis);
            int killed = 0;
            int timedOut = 0;
            int runs = 0;
            int unreached = 0;
            List<Mutant> survivors = new ArrayList<>();
            long mutantsStarted = System.nanoTime();
            long testedMillis = 0;
            for (PitMutants.Planned mutant : mutants) {
                if (System.nanoTime() >= deadline) {
                    return MutationResult.error("mutation testing took longer than " + request.mutation().timeoutSeconds()
                            + " s and was stopped after " + (killed + survivors.size()) + " of " + mutants.size()
                            + " mutants", millisSince(started));
                }
                Optional<List<String>> covering = coverage.testsReaching(plan.lineId(mutant));
                if (covering.isPresent() && covering.get().isEmpty()) {
                    // no test runs its line: it survives without a run, as PIT's "no coverage" does
                    survivors.add(new Mutant(mutant.file(), mutant.line(), mutant.change() + NO_COVERAGE));
                    unreached++;
                    continue;
                }
                MutatedClass mutated = new MutatedClass(mutant.className(), mutant.bytes());
                WarmWorker.Exchange exchange = lease.run(MutationRun.mutant(mutated, covering.orElse(List.of())), tests,
                        Math.min(deadline, System.nanoTime() + limit * 1_000_000L));
                runs++;
                if (covering.isPresent() && exchange instanceof WarmWorker.Replied replied
                        && replied.reply().cases().isEmpty() && !killedBy(exchange)) {
                    // the selected tests were not found by their ids: never call that a survivor
                    exchange = lease.run(MutationRun.mutant(mutated, List.of()), tests,
                            Math.min(deadline, System.nanoTime() + limit * 1_000_000L));
                    runs++;
                }
                if (exchange instanceof WarmWorker.TimedOut) {
                    timedOut++;
                } else if (exchange instanceof WarmWorker.Replied replied) {
                    testedMillis += replied.reply().testMillis();
                }
                if (killedBy(exchange)) {
                    killed++;
                } else {
                    survivors.add(new Mutant(mutant.file(), mutant.line(), mutant.change()));
                }
            }
            JUnitTestRunner.say(request.output(), String.format(Locale.ROOT,
                    "[redyellow] workspace lent and compiled in %d ms; %d mutants made by PIT in %d ms; a run without a "
                            + "mutant, with line probes, in %d ms; %d runs on warm test workers in %d ms (%d ms of it in "
                            + "the tests; %s; without a mutant they take %d ms, so %d ms at most each): %d killed (%d by "
                            + "the time limit), %d survived (%d reached by no test); %d ms in all%n",
                    leaseMillis, mutants.size(), planMillis, coverageMillis, runs, millisSince(mutantsStarted), testedMillis,
                    coverage.describe(), plainMillis, limit, killed, timedOut, survivors.size(), unreached, millisSince(started)));
            return MutationResult.measured(killed, survivors.size(), survivors, millisSince(started))
                    .capped(request.mutation().maxMutantsPerClass());
        } catch (IOException | RuntimeException e) {
            return MutationResult.error("mutation testing on the warm workers failed: " + e.getMessage(), millisSince(started));
        } finally {
            if (lease != null) {
                lease.close();
            }
        }
    }

    /** What a survivor that no test reaches says, as PIT's report has it. */
    static final String NO_COVERAGE = " (no test runs this line)";

    /**
     * Which tests reach which line, from the coverage run: a mutant runs only the tests that reach its
     * line, as in PIT (in JUnit's order, which a selection does not change). A line reached outside
     * any test (class set-up, a static initialiser) may matter to every test: such a mutant runs them
     * all, as does every mutant when the coverage is unknown (the probes could not be used, or tests
     * ran in parallel).
     */
    record Coverage(boolean known, Map<Integer, List<String>> tests, Set<Integer> outside, String unknownBecause) {

        /** @param unknownBecause why there are no lines, if there are none */
        static Coverage of(List<String> lines, String unknownBecause) {
            if (lines.isEmpty()) {
                return new Coverage(false, Map.of(), Set.of(), unknownBecause);
            }
            List<TestLines> all = lines.stream().map(TestLines::decode).toList();
            Map<Integer, List<String>> tests = new HashMap<>();
            Set<Integer> outside = new HashSet<>();
            all.stream().filter(t -> !t.testId().equals(TestLines.OUTSIDE))
                    .sorted(Comparator.comparingLong(TestLines::millis))
                    .forEach(t -> Arrays.stream(t.ids()).forEach(id ->
                            tests.computeIfAbsent(id, k -> new ArrayList<>()).add(t.testId())));
            all.stream().filter(t -> t.testId().equals(TestLines.OUTSIDE))
                    .forEach(t -> Arrays.stream(t.ids()).forEach(outside::add));
            return new Coverage(true, tests, outside, "");
        }

        /**
         * The tests that reach this line, the fastest first (empty: none does); empty optional: run every
         * selected test.
         */
        Optional<List<String>> testsReaching(int lineId) {
            if (!known || lineId < 0 || outside.contains(lineId)) {
                return Optional.empty();
            }
            return Optional.of(tests.getOrDefault(lineId, List.of()));
        }

        String describe() {
            return known ? "each ran the tests that reach its line"
                    : "each ran every test (no line coverage: " + unknownBecause + ")";
        }
    }

    /** Why the run without a mutant is not a clean pass ("" when it is). */
    private static String plainFailure(WarmWorker.Exchange exchange) {
        if (exchange instanceof WarmWorker.TimedOut) {
            return "they ran past the measurement's time limit";
        }
        if (exchange instanceof WarmWorker.Died died) {
            return died.reason();
        }
        WorkerReply reply = ((WarmWorker.Replied) exchange).reply();
        if (!reply.problem().isEmpty()) {
            return reply.problem();
        }
        List<ReplyCase> failing = reply.cases().stream().filter(c -> c.status() == ReplyCase.Status.FAILED).toList();
        if (!failing.isEmpty()) {
            return failing.size() + " failing, first " + failing.get(0).className() + "." + failing.get(0).legacyName()
                    + ": " + FailureNames.bounded(failing.get(0).message());
        }
        if (reply.containerFailed()) {
            return "a test class failed outside any test";
        }
        return reply.cases().isEmpty() ? "no test ran" : "";
    }

    /**
     * Whether the tests detected the mutant: a test failed or erred, a class failed outside its tests,
     * the tests could not run with it, or they ran past the limit or ended the JVM (PIT's killed, timed
     * out, memory error and run error).
     */
    static boolean killedBy(WarmWorker.Exchange exchange) {
        if (!(exchange instanceof WarmWorker.Replied replied)) {
            return true;
        }
        WorkerReply reply = replied.reply();
        return !reply.problem().isEmpty() || reply.containerFailed()
                || reply.cases().stream().anyMatch(c -> c.status() == ReplyCase.Status.FAILED);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /**
     * A warm worker holding the workspace, compiled in its folder; replaced by a fresh one (the
     * workspace lent and compiled again) when a mutant left it unusable.
     */
    private static final class Lease implements AutoCloseable {
        private final WarmMutationTester owner;
        private final MutationRequest request;
        private final TestSettings.JUnit settings;
        private WarmWorker worker;
        private WorkspaceLoan loan;
        private BaseCompile.Result compiled;
        private int replacements;

        private Lease(WarmMutationTester owner, MutationRequest request, TestSettings.JUnit settings) {
            this.owner = owner;
            this.request = request;
            this.settings = settings;
        }

        static Lease open(WarmMutationTester owner, MutationRequest request, TestSettings.JUnit settings)
                throws IOException, InterruptedException {
            Lease lease = new Lease(owner, request, settings);
            lease.take();
            return lease;
        }

        Path home() {
            return worker.home();
        }

        /** The class path PIT reads the classes from: the workspace's own, the base's, JUnit. */
        List<Path> classPath() throws IOException {
            List<Path> path = new ArrayList<>();
            path.add(classes());
            path.addAll(compiled.afterClasses());
            path.add(owner.pool.consoleJar());
            return path;
        }

        Path classes() {
            return worker.home().resolve(WorkspaceCompiler.OWN_FOLDER).resolve("classes");
        }

        private void take() throws IOException, InterruptedException {
            // before a worker is borrowed: a folder that cannot be made is no fault of the worker's
            JUnitTestRunner.mavenBuildFolder(request.workspace());
            worker = owner.pool.borrow(settings.workerHeapMb(), request.workspace());
            try {
                loan = WorkspaceLoan.lend(request.workspace(), worker.home());
            } catch (IOException e) {
                owner.pool.discard(worker, "its folder could not take the workspace", "crash");
                worker = null;
                throw e;
            }
            try {
                Folders.deleteTree(classes());
                compiled = owner.baseCompile.compile(worker.compiler(), worker.home(), classes(),
                        List.of(owner.pool.consoleJar()), request.base());
                if (replacements > 0 && !compiled.compilation().succeeded()) {
                    // it compiled on the first worker: a failure now is no verdict on any mutant
                    throw new IOException("the workspace did not compile again on a fresh worker: "
                            + String.join("; ", compiled.compilation().errors()));
                }
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        /**
         * Runs the tests with this mutant (or none) on the worker; replaces the worker when the run
         * left it unusable, so the next run has a working one.
         */
        WarmWorker.Exchange run(MutationRun mutation, List<String> tests, long deadline)
                throws IOException, InterruptedException {
            WorkerRequest run = new WorkerRequest(worker.home().toAbsolutePath().toString(), tests, true,
                    compiled.afterClasses().stream().map(p -> p.toAbsolutePath().toString()).toList(), mutation);
            WarmWorker.Exchange exchange;
            try {
                exchange = worker.run(run, OutputSink.DISCARD, deadline);
            } catch (InterruptedException e) {
                loan.giveBack();
                owner.pool.discard(worker, "the run was cancelled", "cancelled");
                worker = null;
                throw e;
            }
            if (exchange instanceof WarmWorker.TimedOut) {
                replace(true, "a mutant's tests ran past their time limit", "timeout");
            } else if (exchange instanceof WarmWorker.Died died) {
                replace(true, died.reason(), died.reason().startsWith("test called System.exit") ? "exit" : "crash");
            } else if (!((WarmWorker.Replied) exchange).reply().recycle().isEmpty()) {
                replace(false, ((WarmWorker.Replied) exchange).reply().recycle(), "leak");
            } else if (worker.runs() >= settings.runsPerWorker()) {
                // each mutant leaves a loader behind: a worker serves its run limit here too
                replace(false, "served " + worker.runs() + " runs", "run limit");
            }
            return exchange;
        }

        private void replace(boolean killed, String why, String cause) throws IOException, InterruptedException {
            String notEmpty = loan.giveBack();
            if (killed) {
                owner.pool.discard(worker, why, cause);
            } else {
                owner.pool.giveBack(worker, notEmpty.isEmpty() ? why : notEmpty, settings.runsPerWorker());
            }
            worker = null;
            loan = null;
            replacements++;
            take();
        }

        @Override
        public void close() {
            if (worker == null) {
                return;
            }
            String notEmpty = loan == null ? "" : loan.giveBack();
            owner.pool.giveBack(worker, notEmpty, settings.runsPerWorker());
            worker = null;
            loan = null;
        }
    }
}
