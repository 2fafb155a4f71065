package dev.redyellow.testing.worker;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The warm worker JVM's system class loader ({@code -Djava.system.class.loader}): the JVM's own
 * application loader, and behind it the classes and resources of the run going on.
 *
 * <p>Why: Surefire and a per-run test JVM put the tests' classes and resources on the JVM's class
 * path, so {@link ClassLoader#getSystemClassLoader()} finds them, and tests rely on it (Commons
 * Collections loads its test properties with {@code factory.load(ClassLoader.getSystemClassLoader(),
 * ...)}). A warm worker loads each run's classes in a loader of that run, which the JVM's
 * application loader cannot see; those tests failed there and passed under Maven. This loader asks
 * its parent, the application loader, first, as every loader does; what that lacks it looks up in
 * the current run's loader, and only while the run lasts ({@link #during}).
 *
 * <p>Resources are looked up afresh each time. A class is not: once the system loader has answered
 * a name (as {@code Class.forName(name, true, ClassLoader.getSystemClassLoader())} asks), the JVM
 * keeps that class as the system loader's for the JVM's life, and a later run asking for the same
 * name would get the earlier run's class. So a run whose tests took one of their own classes this way
 * says so ({@link #servedClasses}), and the worker is replaced after it.
 */
public final class RunSystemLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static volatile URLClassLoader current;
    private static volatile boolean served;

    /** Called by the JVM, with its application loader, when it makes the system class loader. */
    public RunSystemLoader(ClassLoader parent) {
        super("redyellow-system", parent);
    }

    /**
     * Makes {@code run}'s classes and resources visible through the system class loader until the
     * returned handle is closed; in a JVM whose system class loader is not a {@link RunSystemLoader}
     * nobody asks.
     */
    static Visible during(URLClassLoader run) {
        served = false;
        current = run;
        return () -> current = null;
    }

    /** Whether the tests of the last run given to {@link #during} took one of their classes through this loader. */
    static boolean servedClasses() {
        return served;
    }

    /** The handle of {@link #during}: closing it hides the run again. */
    interface Visible extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        URLClassLoader run = current;
        if (run == null) {
            throw new ClassNotFoundException(name);
        }
        Class<?> found = run.loadClass(name);
        served = true;
        return found;
    }

    @Override
    protected URL findResource(String name) {
        URLClassLoader run = current;
        return run == null ? null : run.findResource(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        URLClassLoader run = current;
        return run == null ? Collections.emptyEnumeration() : run.findResources(name);
    }
}
