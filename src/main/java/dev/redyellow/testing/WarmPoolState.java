package dev.redyellow.testing;

import java.util.List;
import java.util.Map;

/**
 * What the warm worker pool has done so far, for the report and the UI.
 *
 * @param liveWorkers      worker JVMs running now (idle or busy)
 * @param busyWorkers      of those, the ones serving a run
 * @param recyclesByCause  replaced workers by cause: "run limit", "timeout", "exit", "leak" (threads
 *                         left running, a full heap), "crash" (the JVM died or broke the protocol),
 *                         "cancelled", "stale" (its folder went with an earlier run's workspaces)
 * @param workers          every worker started, in order, with its runs
 */
public record WarmPoolState(int liveWorkers, int busyWorkers, int workersStarted, int runs, int recycles,
                            Map<String, Integer> recyclesByCause, List<Worker> workers) {

    public WarmPoolState {
        recyclesByCause = Map.copyOf(recyclesByCause);
        workers = List.copyOf(workers);
    }

    /** One worker JVM: how many runs it served, and why it ended ("" while it lives). */
    public record Worker(int id, long pid, int runs, String endedBecause) {
    }
}
