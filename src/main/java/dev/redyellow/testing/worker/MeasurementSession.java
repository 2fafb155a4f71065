package dev.redyellow.testing.worker;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of one mutation measurement in a worker (issue 22): one class loader for all of them, in
 * which each run gives the classes it replaces their code by redefinition, and gives the classes the
 * run before replaced their own code back. So the tests, the framework and the base's classes are
 * loaded and compiled once, not once per mutant, as in PIT's minions. State the tests keep in static
 * fields carries from one mutant to the next, as it does in PIT's minions.
 */
final class MeasurementSession implements AutoCloseable {

    private final String id;
    private final MutantLoader loader;
    /** The classes whose code is not their class file's now, with the code they have. */
    private final Map<String, byte[]> replaced = new HashMap<>();

    MeasurementSession(String id, URL[] urls, ClassLoader parent) {
        this.id = id;
        this.loader = new MutantLoader("measurement", urls, parent, List.of());
    }

    String id() {
        return id;
    }

    MutantLoader loader() {
        return loader;
    }

    /**
     * Gives the named classes this code, and every class replaced before and not now its class file's
     * code again. A redefinition the JVM refuses (a mutant it cannot verify) throws, and leaves that
     * class as it was.
     */
    void apply(List<MutatedClass> classes) throws ReflectiveOperationException, IOException,
            java.lang.instrument.UnmodifiableClassException {
        Map<String, byte[]> wanted = new HashMap<>();
        classes.forEach(c -> wanted.put(c.name(), c.bytes()));
        for (String name : new ArrayList<>(replaced.keySet())) {
            if (!wanted.containsKey(name)) {
                Redefinitions.redefine(Class.forName(name, false, loader), original(name));
                replaced.remove(name);
            }
        }
        for (Map.Entry<String, byte[]> entry : wanted.entrySet()) {
            if (!Arrays.equals(replaced.get(entry.getKey()), entry.getValue())) {
                Redefinitions.redefine(Class.forName(entry.getKey(), false, loader), entry.getValue());
                replaced.put(entry.getKey(), entry.getValue());
            }
        }
    }

    private byte[] original(String name) throws IOException {
        try (InputStream in = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IOException("no class file for " + name);
            }
            return in.readAllBytes();
        }
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
