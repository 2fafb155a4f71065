package dev.redyellow.testing.worker;

import java.util.Arrays;

/**
 * The lines a coverage run's tests reach (issue 22): the line-probed classes of such a run call
 * {@link #hit(int)} with {@code classIndex * 65536 + line} when a line starts. Each id is noted once
 * between two {@link #take()}s, so a line run a million times costs one array read after the first.
 * Off (every hit ignored) outside a coverage run. The probes are made by the host with PIT's copy of
 * ASM; this class must keep its name and {@code hit(int)} its signature.
 */
public final class LineHits {

    private static volatile boolean[] seen = new boolean[0];
    private static int[] touched = new int[0];
    private static int count;

    private LineHits() {
    }

    /** Called by probed code at the start of each line. */
    public static void hit(int id) {
        boolean[] marks = seen;
        if (id >= 0 && id < marks.length && !marks[id]) {
            mark(id);
        }
    }

    private static synchronized void mark(int id) {
        boolean[] marks = seen;
        if (id >= marks.length || marks[id]) {
            return;
        }
        marks[id] = true;
        if (count == touched.length) {
            touched = Arrays.copyOf(touched, Math.max(64, count * 2));
        }
        touched[count++] = id;
    }

    /** Starts noting hits of ids below {@code classes * 65536}, none noted yet. */
    static synchronized void start(int classes) {
        seen = new boolean[classes * 65536];
        touched = new int[64];
        count = 0;
    }

    /** The ids hit since the last take (or the start), each once; they may be noted again after. */
    static synchronized int[] take() {
        int[] ids = Arrays.copyOf(touched, count);
        boolean[] marks = seen;
        for (int id : ids) {
            marks[id] = false;
        }
        count = 0;
        seen = marks; // a volatile write: threads that hit next see the cleared marks
        return ids;
    }

    /** Stops noting hits. */
    static synchronized void stop() {
        seen = new boolean[0];
        touched = new int[0];
        count = 0;
    }
}
