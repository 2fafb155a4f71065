package dev.redyellow.exec;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Kills a process together with everything it started. Test runners start JVMs, shells and
 * interpreters that start further children; killing only the root would leave those running and
 * holding the output pipes open, so the descendants are always collected before anything dies.
 */
public final class ProcessTree {

    /**
     * How long to wait for the forced kill to take effect before giving up on a process. A killed
     * process cannot refuse, but tearing down a JVM with a large heap, or one blocked in disk I/O,
     * can take seconds on a loaded machine (a clean-clone CI run saw a test JVM outlive 500 ms);
     * returning before it is gone would let a caller report a tree dead that is still dying.
     */
    private static final Duration FORCED_WAIT = Duration.ofSeconds(10);

    /** Zombies never complete {@link ProcessHandle#onExit()}, so exits are polled. */
    private static final long POLL_MILLIS = 20;

    private ProcessTree() {
    }

    /** Whether this kernel lists each task's children ({@code /proc/PID/task/TID/children}). */
    private static final boolean CHILDREN_LISTED = Files.isReadable(Path.of("/proc/self/task",
            Long.toString(ProcessHandle.current().pid()), "children"));

    /**
     * The processes below {@code root} now, as {@link ProcessHandle#descendants()} finds them, read from
     * the children lists of the tree's own tasks ({@code /proc/PID/task/TID/children}): the JDK's walk
     * reads every process of the machine at each call (hundreds on a desktop, each a read of its
     * {@code stat}), and runs note their descendants every 200 ms while they go on. Where the kernel keeps
     * no such lists, the JDK's walk. Both are snapshots: a process may start or end while they read.
     */
    public static List<ProcessHandle> descendants(ProcessHandle root) {
        if (!CHILDREN_LISTED) {
            return root.descendants().toList();
        }
        List<ProcessHandle> found = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        ArrayDeque<Long> parents = new ArrayDeque<>(List.of(root.pid()));
        while (!parents.isEmpty()) {
            long parent = parents.poll();
            String[] tasks = new File("/proc/" + parent + "/task").list();
            if (tasks == null) {
                continue; // ended meanwhile
            }
            for (String task : tasks) {
                String children;
                try {
                    children = Files.readString(Path.of("/proc", Long.toString(parent), "task", task, "children"));
                } catch (IOException e) {
                    continue; // the task ended meanwhile
                }
                for (String child : children.trim().split(" ")) {
                    if (child.isEmpty()) {
                        continue;
                    }
                    long pid = Long.parseLong(child);
                    if (seen.add(pid)) {
                        ProcessHandle.of(pid).ifPresent(found::add);
                        parents.add(pid);
                    }
                }
            }
        }
        return found;
    }

    /**
     * Asks the root and all its descendants to stop (descendants first, so the root cannot start
     * replacements on their behalf), waits up to {@code grace}, then kills the survivors forcibly.
     *
     * @return true when every process of the tree has exited
     */
    public static boolean kill(ProcessHandle root, Duration grace) {
        return kill(root, List.of(), grace);
    }

    /**
     * As {@link #kill(ProcessHandle, Duration)}, also killing {@code alsoKnown}: descendants seen
     * earlier that may no longer be linked to the root (their parent died and they were re-parented).
     */
    public static boolean kill(ProcessHandle root, List<ProcessHandle> alsoKnown, Duration grace) {
        Set<ProcessHandle> tree = new LinkedHashSet<>(alsoKnown);
        root.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        root.destroy();
        // A process may have forked between the snapshot and its own death.
        root.descendants().forEach(tree::add);
        tree.add(root);

        if (awaitExit(tree, grace)) {
            return true;
        }
        root.descendants().forEach(tree::add);
        List<ProcessHandle> survivors = new ArrayList<>();
        for (ProcessHandle handle : tree) {
            if (!hasExited(handle)) {
                survivors.add(handle);
            }
        }
        // Descendants first here too: a forcibly killed root cannot reap or respawn anything anyway.
        for (ProcessHandle handle : survivors) {
            if (!handle.equals(root)) {
                handle.destroyForcibly();
            }
        }
        root.destroyForcibly();
        return awaitExit(tree, FORCED_WAIT);
    }

    /**
     * Kills a set of processes that need not be related (leftovers found by their environment mark):
     * SIGTERM to all, up to {@code grace} to exit (none with a zero grace), then SIGKILL to the rest.
     *
     * @return the processes still alive afterwards; empty when all are gone
     */
    public static List<ProcessHandle> killAll(List<ProcessHandle> processes, Duration grace) {
        Set<ProcessHandle> all = new LinkedHashSet<>(processes);
        if (!grace.isZero()) {
            all.forEach(ProcessHandle::destroy);
            if (awaitExit(all, grace)) {
                return List.of();
            }
        }
        all.forEach(ProcessHandle::destroyForcibly);
        awaitExit(all, FORCED_WAIT);
        return all.stream().filter(h -> !hasExited(h)).toList();
    }

    /**
     * True when the process has exited. A killed process whose parent has died waits, as a zombie,
     * for the system's init process to reap it; some container init processes reap late, and Java
     * still calls such a process alive, so on Linux the zombie state counts as exited.
     */
    public static boolean hasExited(ProcessHandle handle) {
        return !handle.isAlive() || isZombie(handle.pid());
    }

    private static boolean isZombie(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat);
            // Format: pid (command) state ...; the command may itself contain ") ".
            int end = text.lastIndexOf(')');
            return end >= 0 && end + 2 < text.length() && text.charAt(end + 2) == 'Z';
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            // No /proc (not Linux) or not readable: rely on isAlive alone.
            return false;
        }
    }

    private static boolean awaitExit(Set<ProcessHandle> tree, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                if (tree.stream().allMatch(ProcessTree::hasExited)) {
                    return true;
                }
                if (System.nanoTime() >= deadline) {
                    return false;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    // Killing must complete even for an interrupted caller; the flag is restored below.
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
