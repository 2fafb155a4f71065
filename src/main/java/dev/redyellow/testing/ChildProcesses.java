package dev.redyellow.testing;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessOutputTail;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.function.Supplier;

/**
 * What the long-lived child processes of the test runners share (the warm JUnit workers and the warm
 * script servers): the threads that read them, and the backstop that kills them when the JVM ends
 * without their pool being closed.
 */
final class ChildProcesses {
    private static final System.Logger LOG = System.getLogger(ChildProcesses.class.getName());

    private ChildProcesses() {
    }

    /** Starts {@code task} on a daemon thread of this name. */
    static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Copies a child's standard error to the sink of the run it serves now; while it serves none
     * (starting up, between runs) the bytes go to {@code startErrors}, for the message when it fails
     * to start. Returns when the stream ends.
     */
    static void pumpStandardError(InputStream errors, Supplier<OutputSink> sink, ProcessOutputTail startErrors,
                                  String child) {
        byte[] buffer = new byte[8192];
        try (errors) {
            for (int n = errors.read(buffer); n >= 0; n = errors.read(buffer)) {
                OutputSink current = sink.get();
                if (current == OutputSink.DISCARD) {
                    startErrors.append(buffer, 0, n);
                }
                current.write(OutputSink.Stream.STDERR, buffer, 0, n);
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "standard error of " + child + " closed", e);
        }
    }

    /**
     * Kills a long-lived child, every descendant it has or was seen to have, and the daemons its runs
     * left behind (processes carrying its reaper tag); logs when the child does not exit.
     */
    static void killTree(Process process, java.util.Set<ProcessHandle> seen, String reapTag, String child) {
        process.descendants().forEach(seen::add);
        if (!dev.redyellow.exec.ProcessTree.kill(process.toHandle(), java.util.List.copyOf(seen),
                dev.redyellow.exec.ProcessRunner.KILL_GRACE)) {
            LOG.log(Level.WARNING, child + " (pid " + process.pid() + ") did not exit after being killed");
        }
        dev.redyellow.exec.ProcessReaper.shared().killTagged(reapTag, dev.redyellow.exec.ProcessRunner.KILL_GRACE);
    }

    /** A JVM shutdown hook, installed while a pool has children, that kills them all. */
    static final class ExitBackstop {
        private final String name;
        private final Runnable killAll;
        private Thread hook;

        ExitBackstop(String name, Runnable killAll) {
            this.name = name;
            this.killAll = killAll;
        }

        synchronized void install() {
            if (hook == null) {
                hook = new Thread(killAll, name);
                Runtime.getRuntime().addShutdownHook(hook);
            }
        }

        synchronized void remove() {
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs or has run; it kills what is left
                }
            }
        }
    }
}
