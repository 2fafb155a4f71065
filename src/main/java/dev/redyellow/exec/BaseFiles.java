package dev.redyellow.exec;

import dev.redyellow.manifest.FileSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Which files of a workspace come unchanged from the run's base snapshot (issue 19): a runner that
 * compiles may compile the base once per {@link #hash} and only the other files per run.
 *
 * <p>The sets are worked out when a runner first asks, not when the run is planned: a run the test
 * cache answers never asks, and a re-run of hundreds of features would otherwise compare every base
 * path for each of them. Thread-safe.
 */
public final class BaseFiles {
    private final Supplier<Path> snapshot;
    private final String hash;
    private final Once<Set<String>> unchanged;
    private final Once<Map<String, String>> dependencyFiles;
    private final Once<List<DependencyLayer>> dependencyLayers;
    /** The workspace's Java sources by the plan; null where the workspace's content is not known. */
    private final Once<List<String>> javaSources;

    /** The folder at a workspace's top that is RedYellow's own (the compiler's {@code OWN_FOLDER}), with its slash. */
    private static final String OWN_FOLDER = ".redyellow/";

    /**
     * @param snapshot        the run's private copy of the base (it does not change during the run)
     * @param hash            the content hash of the whole snapshot ({@link WorkspaceContent#hash()})
     * @param unchanged       {@code /}-separated workspace paths whose entry is exactly the snapshot's
     * @param dependencyFiles paths (not the base's) whose file is exactly what a GREEN dependency's layer
     *                        wrote, with its content hash: they too do not change during the run
     */
    public BaseFiles(Path snapshot, String hash, Set<String> unchanged, Map<String, String> dependencyFiles) {
        this(() -> snapshot, hash, () -> unchanged, () -> dependencyFiles, null);
        Objects.requireNonNull(snapshot, "snapshot");
    }

    public BaseFiles(Path snapshot, String hash, Set<String> unchanged) {
        this(snapshot, hash, unchanged, Map.of());
    }

    private BaseFiles(Supplier<Path> snapshot, String hash, Supplier<Set<String>> unchanged,
                      Supplier<Map<String, String>> dependencyFiles, Once<List<String>> javaSources) {
        this(snapshot, hash, unchanged, dependencyFiles, List::of, javaSources);
    }

    private BaseFiles(Supplier<Path> snapshot, String hash, Supplier<Set<String>> unchanged,
                      Supplier<Map<String, String>> dependencyFiles, Supplier<List<DependencyLayer>> dependencyLayers,
                      Once<List<String>> javaSources) {
        this.snapshot = new Once<>(snapshot);
        this.hash = Objects.requireNonNull(hash, "hash");
        this.unchanged = new Once<>(() -> Set.copyOf(unchanged.get()));
        this.dependencyFiles = new Once<>(() -> Map.copyOf(dependencyFiles.get()));
        this.dependencyLayers = new Once<>(() -> List.copyOf(dependencyLayers.get()));
        this.javaSources = javaSources;
    }

    /**
     * One GREEN dependency's share of {@link #dependencyFiles()}.
     *
     * @param files the paths of its files that the workspace holds exactly as it wrote them, with their hashes
     * @param needs the indices (in {@link #dependencyLayers()}) of the dependencies it has itself, directly or not
     * @param exact whether the workspace holds all its files so (none written over by a later layer or the run's own)
     */
    public record DependencyLayer(Map<String, String> files, List<Integer> needs, boolean exact) {
        public DependencyLayer {
            files = Map.copyOf(files);
            needs = List.copyOf(needs);
        }
    }

    /**
     * The base files of a workspace of {@code content}: its entries that are exactly the base's.
     *
     * @param snapshot gives the snapshot's folder, making it if need be (the factory makes it lazily)
     */
    static BaseFiles of(Supplier<Path> snapshot, String hash, WorkspaceContent content, WorkspaceContent base) {
        return new BaseFiles(snapshot, hash, () -> content.unchangedFrom(base), Map::of,
                new Once<>(() -> javaSourcesOf(content)));
    }

    /**
     * What a walk of the made workspace finds as Java sources ({@code WorkspaceCompiler.sources}): the
     * regular files named {@code *.java}, links left out, RedYellow's own folder at the top left out.
     * The folders a plan does not key ({@code __pycache__}) hold no Java sources a compile would skip.
     */
    private static List<String> javaSourcesOf(WorkspaceContent content) {
        List<String> sources = new ArrayList<>();
        content.forEachEntry((path, entry) -> {
            if (!entry.link() && path.endsWith(".java") && !path.startsWith(OWN_FOLDER)) {
                sources.add(path);
            }
        });
        return List.copyOf(sources);
    }

    /** The snapshot's folder (made now if the run had not made it yet). */
    public Path snapshot() {
        return snapshot.get();
    }

    public String hash() {
        return hash;
    }

    public Set<String> unchanged() {
        return unchanged.get();
    }

    public Map<String, String> dependencyFiles() {
        return dependencyFiles.get();
    }

    /** The same files per GREEN dependency, in dependency order; empty where the run did not say which is whose. */
    public List<DependencyLayer> dependencyLayers() {
        return dependencyLayers.get();
    }

    /**
     * The workspace's Java sources ({@code /}-separated, in no particular order) as its plan makes
     * them, so a compile need not walk the folder to find them; empty where this was not made from a
     * plan's content.
     */
    public Optional<List<String>> javaSources() {
        return javaSources == null ? Optional.empty() : Optional.of(javaSources.get());
    }

    /**
     * These base files with the files of {@code dependencyLayers} (written in order, later ones win)
     * that {@code content}, the whole workspace, holds exactly as written.
     */
    public BaseFiles withDependencies(WorkspaceContent content, List<FileSet> dependencyLayers) {
        return withDependencies(content, dependencyLayers, everyEarlier(dependencyLayers.size()));
    }

    /** For each of {@code layers} layers, the indices of all layers before it: what each needs when that is not known. */
    public static List<List<Integer>> everyEarlier(int layers) {
        List<List<Integer>> earlier = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            earlier.add(java.util.stream.IntStream.range(0, i).boxed().toList());
        }
        return earlier;
    }

    /**
     * As {@link #withDependencies(WorkspaceContent, List)}, saying per layer which earlier layers are its
     * own dependencies ({@code needs}, one list per layer), so that a compile can make each layer's
     * classes once ({@link #dependencyLayers()}).
     */
    public BaseFiles withDependencies(WorkspaceContent content, List<FileSet> dependencyLayers, List<List<Integer>> needs) {
        if (needs.size() != dependencyLayers.size()) {
            throw new IllegalArgumentException(needs.size() + " lists of needs for " + dependencyLayers.size() + " layers");
        }
        Once<Map<String, String>> exact = new Once<>(() -> {
            Map<String, String> written = new HashMap<>();
            for (FileSet layer : dependencyLayers) {
                for (String path : layer.paths()) {
                    written.put(path, layer.hash(path));
                }
            }
            Set<String> base = unchanged();
            Map<String, String> kept = new TreeMap<>();
            written.forEach((path, fileHash) -> {
                WorkspaceContent.Entry entry = content.entry(path);
                if (entry != null && !entry.link() && entry.hash().equals(fileHash) && !base.contains(path)) {
                    kept.put(path, fileHash);
                }
            });
            return kept;
        });
        return new BaseFiles(snapshot, hash, this::unchanged, exact, () -> {
            Map<String, String> kept = exact.get();
            List<DependencyLayer> layers = new ArrayList<>();
            for (int i = 0; i < dependencyLayers.size(); i++) {
                FileSet layer = dependencyLayers.get(i);
                Map<String, String> files = new TreeMap<>();
                boolean all = true;
                for (String path : layer.paths()) {
                    String fileHash = layer.hash(path);
                    if (fileHash.equals(kept.get(path))) {
                        files.put(path, fileHash);
                    } else {
                        all = false; // written over, a link, or a base file
                    }
                }
                layers.add(new DependencyLayer(files, needs.get(i), all));
            }
            return layers;
        }, javaSources);
    }

    @Override
    public String toString() {
        return "BaseFiles[" + hash + "]";
    }

    /** A value worked out at the first {@link #get}, then kept. */
    private static final class Once<T> implements Supplier<T> {
        private Supplier<T> source;
        private T value;

        Once(Supplier<T> source) {
            this.source = source;
        }

        @Override
        public synchronized T get() {
            if (source != null) {
                value = source.get();
                source = null;
            }
            return value;
        }
    }
}
