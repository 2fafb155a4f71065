package dev.redyellow.ui;

import dev.redyellow.cluster.ClusterRun;
import dev.redyellow.cluster.MemberFigures;
import dev.redyellow.run.RunLauncher;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import dev.redyellow.run.RunOptions;
import dev.redyellow.run.RunResult;
import dev.redyellow.run.RunSettings;
import dev.redyellow.stream.LogFileSubscriber;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Run and Stop, the run's settings (workers, cache on/off) and its progress for the status bar. The run
 * itself goes through the task executor; its events come back through the {@link EventBridge}.
 */
public final class RunViewModel {
    public enum Phase { IDLE, RUNNING, STOPPING, FINISHED, FAILED }

    private final TaskExecutor tasks;
    private final LocalData data;
    private final Path runsRoot;
    private String recordedRun;
    private final ProjectViewModel project;
    private final StreamViewModel stream;
    private final MetricsViewModel metrics;
    private final EventBridge bridge;
    private final ReviewDesk desk;
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.IDLE);
    private final DoubleProperty elapsed = new SimpleDoubleProperty();
    private final IntegerProperty done = new SimpleIntegerProperty();
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final IntegerProperty workers = new SimpleIntegerProperty(1);
    /** The code store's memory budget, in MiB, for the next run. */
    private final IntegerProperty storeBudgetMb = new SimpleIntegerProperty(
            (int) (RunOptions.DEFAULT_STORE_BUDGET_BYTES >> 20));
    private final BooleanProperty cacheOn = new SimpleBooleanProperty(true);
    /** Worker members (HOST:PORT,...) the next run's tests go to; blank: all run on this machine. */
    private final StringProperty cluster = new SimpleStringProperty("");
    /** What each cluster member ran in the last run; empty when it ran on this machine only. */
    private final ObservableList<MemberFigures> clusterMembers = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<RunResult> result = new SimpleObjectProperty<>();
    private RunSession session;
    /** Between Run and the frame that clears the last run's states. */
    private boolean resetting;

    public RunViewModel(TaskExecutor tasks, LocalData data, Path runsRoot, ProjectViewModel project,
                        StreamViewModel stream, MetricsViewModel metrics, LongSupplier nanos) {
        this.tasks = tasks;
        this.data = data;
        this.runsRoot = runsRoot;
        this.project = project;
        this.stream = stream;
        this.metrics = metrics;
        this.bridge = new EventBridge(project, stream, metrics, nanos, this::frame);
        this.desk = new ReviewDesk(request -> bridge.reviewRequested(request.feature().id()));
        project.projectProperty().addListener((o, was, loaded) -> {
            if (was != null && loaded != null && was.manifest() == loaded.manifest()) {
                return; // the same project laid out again (edges found while running): the run's figures stay
            }
            workers.set(loaded.manifest().workers());
            total.set(loaded.manifest().features().size());
            done.set(0);
            elapsed.set(0);
            result.set(null);
            metrics.reset();
            stream.clear();
            if (!running()) {
                phase.set(Phase.IDLE);
                message.set("ready");
            }
        });
    }

    /** Starts a run of the open project; false when there is none or one is running. */
    public boolean start() {
        LoadedProject loaded = project.project();
        if (loaded == null || running()) {
            return false;
        }
        String members = cluster.get() == null ? "" : cluster.get().strip();
        Optional<String> badCluster = members.isEmpty() ? Optional.empty() : ClusterRun.problem(members, System.getenv());
        if (badCluster.isPresent()) {
            message.set("not started: cluster: " + badCluster.get());
            return false;
        }
        bridge.beginRun();
        recordedRun = null;
        session = new RunSession(loaded.manifest(), RunSettings.defaults(runsRoot).withWorkers(workers.get())
                .withCache(cacheOn.get()).withStoreBudget((long) storeBudgetMb.get() << 20)
                .withCluster(members.isEmpty() ? Optional.empty() : Optional.of(members)), data, desk, bridge, bridge);
        phase.set(Phase.RUNNING);
        message.set("running " + loaded.manifest().name() + " on " + workers.get() + " workers"
                + (members.isEmpty() ? "" : ", tests on the cluster " + members));
        // The toolbar answers the click in this frame; the graph, the output and the figures are cleared
        // in the next, before the run's first event.
        resetting = true;
        bridge.then(() -> {
            resetting = false;
            project.resetStates();
            stream.clear();
            metrics.reset();
            result.set(null);
            done.set(0);
        });
        RunSession running = session;
        tasks.run("run " + loaded.manifest().name(), running::run, r -> finished(running, r), e -> failed(running, e));
        return true;
    }

    /** Stops the running run: running features end CANCELLED and their process trees are killed. */
    public void stop() {
        if (phase.get() == Phase.RUNNING) {
            phase.set(Phase.STOPPING);
            message.set("stopping...");
            session.cancel();
        }
    }

    public boolean running() {
        return phase.get() == Phase.RUNNING || phase.get() == Phase.STOPPING;
    }

    private void finished(RunSession ended, RunLauncher.Launched launched) {
        RunResult r = launched.result();
        if (ended != session) {
            return;
        }
        bridge.endOutput();
        // The last states first, then the figures and the toolbar, each in a frame of its own.
        bridge.then(() -> {
            if (ended != session) {
                return;
            }
            metrics.apply(r);
            metrics.applyCluster(launched.clusterMembers(), launched.clusterRuns());
            clusterMembers.setAll(launched.clusterMembers());
            result.set(r);
            project.relayout(); // the edges found while running take their places in the layout
            phase.set(Phase.FINISHED);
            long green = r.outcomes().stream().filter(o -> o.green()).count();
            List<String> warnings = data.takeWarnings(); // a damaged or full cache file: said once, here
            message.set((r.cancelled() ? "stopped: " + r.stopReason() + "; " : "finished: ")
                    + green + " of " + r.outcomes().size() + " GREEN"
                    + (warnings.isEmpty() ? "" : "; warning: " + String.join("; ", warnings)));
        });
    }

    private void failed(RunSession ended, Throwable e) {
        if (ended != session) {
            return;
        }
        bridge.drain();
        phase.set(Phase.FAILED);
        message.set("the run failed: " + e.getMessage());
    }

    private void frame() {
        if (running()) {
            // Tenths, as shown: the labels bound to it are formatted again only when they would change.
            double tenths = Math.floor(bridge.secondsSinceStart() * 10) / 10;
            if (tenths != elapsed.get()) {
                elapsed.set(tenths);
                metrics.elapsed(tenths);
            }
        }
        if (!resetting) { // until the reset, the states are the last run's
            done.set((int) project.items().stream().filter(i -> i.state().isTerminal()).count());
        }
    }

    public boolean approve(String featureId, String comment) {
        return desk.approve(featureId, comment);
    }

    public boolean reject(String featureId, String comment) {
        return desk.reject(featureId, comment);
    }

    /**
     * The log of a feature's attempt: of the run shown from the history if one is, else of the last
     * run made in the window (empty before any).
     */
    public Optional<Path> logFile(String featureId, int attempt) {
        if (recordedRun != null) {
            return Optional.of(LogFileSubscriber.logFile(runsRoot.resolve(recordedRun), featureId, attempt));
        }
        return session == null ? Optional.empty() : session.logFile(featureId, attempt);
    }

    /** The graph now shows an earlier run (its folder under the runs folder is named {@code runId}). */
    void showRecorded(String runId) {
        recordedRun = runId;
    }

    public EventBridge bridge() {
        return bridge;
    }

    public ObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public DoubleProperty elapsedProperty() {
        return elapsed;
    }

    public IntegerProperty doneProperty() {
        return done;
    }

    public IntegerProperty totalProperty() {
        return total;
    }

    public IntegerProperty storeBudgetMbProperty() {
        return storeBudgetMb;
    }

    public IntegerProperty workersProperty() {
        return workers;
    }

    /** Worker members ({@code HOST:PORT,...}, as {@code run --cluster}) for the next run; blank: none. */
    public StringProperty clusterProperty() {
        return cluster;
    }

    /** What each cluster member ran in the last run (address, test runs, seconds); empty without a cluster. */
    public ObservableList<MemberFigures> clusterMembers() {
        return clusterMembers;
    }

    public BooleanProperty cacheOnProperty() {
        return cacheOn;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<RunResult> resultProperty() {
        return result;
    }
}
