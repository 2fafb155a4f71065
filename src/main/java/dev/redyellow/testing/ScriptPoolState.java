package dev.redyellow.testing;

import java.util.Map;

/**
 * What the warm script servers (pytest, vitest) have done so far, for the bench and the report.
 *
 * @param liveServers     servers running now (idle or busy)
 * @param warmRuns        runs that a server served (whatever their verdict)
 * @param perRunFallbacks runs meant to be warm that ran as a process of their own (no server could be had)
 * @param recyclesByCause replaced servers by cause: "run limit", "timeout", "crash", "cancelled",
 *                        "died while idle"
 */
public record ScriptPoolState(int liveServers, int serversStarted, int warmRuns, int perRunFallbacks,
                              Map<String, Integer> recyclesByCause) {

    public ScriptPoolState {
        recyclesByCause = Map.copyOf(recyclesByCause);
    }

    /** One line for a bench or a log. */
    public String describe() {
        return "warm script servers: " + serversStarted + " started, " + warmRuns + " warm runs, " + perRunFallbacks
                + " fell back to a process per run" + (recyclesByCause.isEmpty() ? "" : ", replaced " + recyclesByCause);
    }
}
