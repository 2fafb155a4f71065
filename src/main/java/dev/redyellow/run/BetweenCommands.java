package dev.redyellow.run;

import dev.redyellow.exec.ProcessReaper;
import dev.redyellow.testing.PitMutants;
import dev.redyellow.testing.worker.WorkspaceCompiler;
import java.util.List;

/**
 * What a JVM that runs commands for others (the daemon) puts back between two, so that the next runs as it
 * would in a new JVM: what the last one left running is killed (as the reaper kills it when a JVM ends), and
 * what compiles and PIT kept JVM-wide is dropped. What keys probe of the machine is read again at every run's
 * start anyway ({@link dev.redyellow.cache.CacheKey#forgetProbes}).
 */
public final class BetweenCommands {
    private BetweenCommands() {
    }

    /** Puts the JVM back; returns the processes the last command left running, killed now. */
    public static List<String> reset() {
        List<String> killed = ProcessReaper.sharedIfStarted().map(ProcessReaper::killEverythingStarted).orElse(List.of());
        WorkspaceCompiler.forgetJvmWideState();
        PitMutants.shared().forget();
        return killed;
    }
}
