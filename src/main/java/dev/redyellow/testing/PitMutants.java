package dev.redyellow.testing;

import dev.redyellow.files.Sha256;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * PIT as a library in this JVM (issue 22): makes a feature's mutants with PIT's engine, filters and
 * class limit, from the options PIT's command line would get, without running them, and line-probed
 * copies of the classes they mutate, for a coverage run. The planner
 * ({@code PitMutantPlanner}, a bundled source) is compiled against the bundled PIT jars on first use,
 * kept beside them under a name carrying the hash of its source, and loaded with PIT's jars in a class
 * loader of their own, so none of PIT's classes (nor its copies of Commons Lang and Text) meet the
 * application's. Loaded once per JVM: later features pay only for making their mutants.
 */
public final class PitMutants {

    private static final BundledSource PLANNER = new BundledSource("/dev/redyellow/testing/pit/PitMutantPlanner.java");
    private static final String PLANNER_CLASS = "dev.redyellow.testing.pit.PitMutantPlanner";
    private static final PitMutants SHARED = new PitMutants(PitestJars.shared());

    /**
     * One mutant: the mutated class's binary name, its source file's name, the line, what was changed
     * (PIT's description), the mutator and the mutant's class file.
     */
    public record Planned(String className, String file, int line, String change, String mutator, byte[] bytes) {
    }

    /**
     * A class that may be mutated, as a copy that notes where each line starts ({@code LineHits}, id
     * {@code classIndex * 65536 + line}, the index being its place in {@link Plan#probes()}).
     */
    public record Probe(String className, byte[] bytes) {
    }

    /** The probed classes and the mutants, in PIT's order. */
    public record Plan(List<Probe> probes, List<Planned> mutants) {
        public Plan {
            probes = List.copyOf(probes);
            mutants = List.copyOf(mutants);
        }

        /** The line id of a mutant, as the probes note it; -1 when its class was not probed. */
        public int lineId(Planned mutant) {
            for (int i = 0; i < probes.size(); i++) {
                if (probes.get(i).className().equals(mutant.className())) {
                    return i * 65536 + mutant.line();
                }
            }
            return -1;
        }
    }

    private final PitestJars jars;
    private Function<String[], List<Object[]>> planner;
    private URLClassLoader plannerLoader;

    public PitMutants(PitestJars jars) {
        this.jars = jars;
    }

    /** The process-wide planner, over the PIT jars cached per user. */
    public static PitMutants shared() {
        return SHARED;
    }

    /** Drops the loaded planner (and closes its class loader): the next plan loads PIT as a new JVM would. */
    public synchronized void forget() {
        planner = null;
        if (plannerLoader != null) {
            try {
                plannerLoader.close();
            } catch (IOException e) {
                // its jars stay open until the loader is collected
            }
            plannerLoader = null;
        }
    }

    /**
     * The mutants PIT makes with these options, reading the classes from {@code classPath} (the
     * launching JVM's class path is left out).
     */
    public synchronized Plan plan(List<String> options, List<Path> classPath) throws IOException {
        List<String> arguments = new ArrayList<>(options);
        arguments.addAll(List.of("--classPath", classPath.stream().map(Path::toString).collect(Collectors.joining(",")),
                "--includeLaunchClasspath=false"));
        List<Object[]> made;
        try {
            made = planner().apply(arguments.toArray(String[]::new));
        } catch (RuntimeException | LinkageError e) {
            throw new IOException("PIT could not make the mutants: " + e, e);
        }
        List<Planned> mutants = new ArrayList<>(made.size());
        List<Probe> probes = new ArrayList<>();
        for (Object[] m : made) {
            if ("probe".equals(m[0])) {
                probes.add(new Probe((String) m[1], (byte[]) m[2]));
            } else {
                mutants.add(new Planned((String) m[1], (String) m[2], (Integer) m[3], (String) m[4], (String) m[5],
                        (byte[]) m[6]));
            }
        }
        return new Plan(probes, mutants);
    }

    @SuppressWarnings("unchecked")
    private Function<String[], List<Object[]>> planner() throws IOException {
        if (planner != null) {
            return planner;
        }
        // PIT's engine and filters; its JUnit 5 plugin runs tests, which the workers do here
        List<Path> pit = jars.paths().stream().filter(p -> !p.getFileName().toString().contains("junit5")).toList();
        String source = PLANNER.text();
        MessageDigest digest = Sha256.digest();
        digest.update(source.getBytes(StandardCharsets.UTF_8));
        digest.update(PitestJars.VERSION.getBytes(StandardCharsets.UTF_8));
        Path jar = pit.get(0).resolveSibling("redyellow-pit-planner-" + Sha256.hex(digest).substring(0, 16) + ".jar");
        if (!Files.isRegularFile(jar)) {
            BundledSource.writeJar(PLANNER.compile(source, pit), jar);
        }
        List<URL> urls = new ArrayList<>();
        urls.add(jar.toUri().toURL());
        for (Path p : pit) {
            urls.add(p.toUri().toURL());
        }
        URLClassLoader loader = new URLClassLoader("pit-planner", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        try {
            planner = (Function<String[], List<Object[]>>) loader.loadClass(PLANNER_CLASS).getConstructor().newInstance();
            plannerLoader = loader;
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IOException("cannot load PIT's mutant planner from " + jar + ": " + e, e);
        }
        return planner;
    }
}
