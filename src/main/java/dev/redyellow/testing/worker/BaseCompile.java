package dev.redyellow.testing.worker;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Compiles a workspace with its base files' classes compiled once per base hash (issue 19,
 * docs/bench/compile-19.md): each run compiles only its own sources (those not unchanged from the
 * base) against the base's class folder ({@link BaseClasses}), and its tests run with its own classes
 * first, the base's after. The verdict must be the one a whole compile gives, so the whole workspace
 * is compiled instead whenever that is not sure:
 * <ul>
 *   <li>a base source is replaced by the workspace (its base classes may refer to the old signature);</li>
 *   <li>an own class has the name of a base class, or a simple name used by base code that sees its
 *       package (in it, or importing it on demand): in the whole compile it could change what a base
 *       name means, as a class in the same package wins over {@code java.lang} and on-demand imports;</li>
 *   <li>the base does not compile alone, nothing of the workspace's own is Java, or it declares a module.</li>
 * </ul>
 * With those excluded the base's classes are exactly what the whole compile makes of the base
 * sources: nothing in them can name an own class. GREEN dependencies' files get the same treatment one
 * level up ({@link #withDependencies}), else they are compiled with the run's own sources. Thread-safe; the base is compiled by a compiler of
 * its own (the caller's may keep a file manager for one thread).
 */
public final class BaseCompile {

    /** The folder, next to the run's base snapshot, that holds the base's classes per hash. */
    public static final String FOLDER = "base-classes";
    /** The folder, next to it, that holds GREEN dependencies' classes per content hash. */
    public static final String DEPENDENCY_FOLDER = "dependency-classes";

    /**
     * Which files come unchanged from the base (plain types: the worker package knows nothing of the engine).
     *
     * @param unchanged       {@code /}-separated workspace paths
     * @param dependencyFiles paths of the workspace's files that are exactly a GREEN dependency's, with
     *                        their content hashes: compiled once per content hash when that is safe
     * @param javaSources     the workspace's Java sources ({@code /}-separated) as the engine made it, so
     *                        they need no walk of the folder; empty: walk it
     * @param layers          the same files per GREEN dependency, in dependency order ({@link Layer}): each
     *                        dependency's classes are then compiled once per content hash on their own;
     *                        empty: unknown, the dependencies' files are compiled together, once per set
     */
    public record Base(Path snapshot, String hash, Set<String> unchanged, Map<String, String> dependencyFiles,
                       Optional<List<String>> javaSources, List<Layer> layers) {
        public Base {
            unchanged = Set.copyOf(unchanged);
            dependencyFiles = Map.copyOf(dependencyFiles);
            javaSources = javaSources.map(List::copyOf);
            layers = List.copyOf(layers);
        }

        public Base(Path snapshot, String hash, Set<String> unchanged, Map<String, String> dependencyFiles,
                    Optional<List<String>> javaSources) {
            this(snapshot, hash, unchanged, dependencyFiles, javaSources, List.of());
        }

        public Base(Path snapshot, String hash, Set<String> unchanged, Map<String, String> dependencyFiles) {
            this(snapshot, hash, unchanged, dependencyFiles, Optional.empty());
        }

        public Base(Path snapshot, String hash, Set<String> unchanged) {
            this(snapshot, hash, unchanged, Map.of());
        }

        /**
         * The workspace's Java sources, {@code /}-separated relative to it, as {@link WorkspaceCompiler#sources}
         * finds them (in no particular order): the plan's names as they are, else a walk's.
         */
        List<String> sourceNamesIn(Path workspace) throws IOException {
            if (javaSources.isPresent()) {
                return javaSources.get();
            }
            return WorkspaceCompiler.sources(workspace).stream().map(source -> relative(workspace, source)).toList();
        }
    }

    /**
     * One GREEN dependency's files in the workspace (plain types: the worker package knows nothing of
     * the engine's features).
     *
     * @param files paths of the files it wrote that the workspace holds exactly so, with their content hashes
     * @param needs the indices, in the list of layers, of the dependencies it has itself, directly or
     *              not: all before its own (dependency order)
     * @param exact whether the workspace holds every file it wrote exactly so (none replaced by a later
     *              layer or by the run's own files)
     */
    public record Layer(Map<String, String> files, List<Integer> needs, boolean exact) {
        public Layer {
            files = Map.copyOf(files);
            needs = List.copyOf(needs);
        }
    }

    /**
     * What the compile gave.
     *
     * @param compilation  its sources (all the workspace's, base ones included, as a whole compile counts) and errors
     * @param afterClasses class folders the tests need after the workspace's own classes (the base's), or none
     * @param wholeBecause why the whole workspace was compiled; "" when only its own sources were
     * @param ownSources   how many sources were compiled in this call (all of them for a whole compile)
     * @param reused       whether the own sources' classes are those an earlier compile of the same
     *                     content against the same class path made ({@link MadeClasses}), not javac's now
     */
    public record Result(WorkspaceCompiler.Compilation compilation, List<Path> afterClasses, String wholeBecause,
                         int ownSources, boolean reused) {
        public Result {
            afterClasses = List.copyOf(afterClasses);
        }

        Result(WorkspaceCompiler.Compilation compilation, List<Path> afterClasses, String wholeBecause, int ownSources) {
            this(compilation, afterClasses, wholeBecause, ownSources, false);
        }

        public boolean shared() {
            return wholeBecause.isEmpty();
        }
    }

    /**
     * A base's Java sources, and per package the identifiers used by the base sources that see that
     * package's classes by simple name: those in it and those importing it on demand (comments and
     * literals left out).
     */
    private record Index(Set<String> sources, Map<String, Set<String>> namesSeeing) {
        boolean uses(String packageName, String simpleName) {
            if (packageName.equals(JavaIdentifiers.UNSURE)) {
                return namesSeeing.values().stream().anyMatch(names -> names.contains(simpleName));
            }
            return namesSeeing.getOrDefault(packageName, Set.of()).contains(simpleName)
                    || namesSeeing.getOrDefault(JavaIdentifiers.UNSURE, Set.of()).contains(simpleName);
        }
    }

    private final WorkspaceCompiler baseCompiler = WorkspaceCompiler.forRuns(false);
    private final MadeClasses madeClasses;
    private final Map<Path, BaseClasses> folders = new ConcurrentHashMap<>();
    private final Map<String, Index> indexes = new ConcurrentHashMap<>();
    /** The class files of each finished layer folder ({@link #disjoint}). */
    private final Map<Path, Set<String>> classFiles = new ConcurrentHashMap<>();

    public BaseCompile() {
        this(MadeClasses.shared());
    }

    /** @param made where the classes of own compiles are kept and found (tests give one of their own) */
    BaseCompile(MadeClasses made) {
        this.madeClasses = made;
    }

    /**
     * Compiles {@code workspace} into {@code classes} (deleted first by the caller), with its base's
     * classes shared when {@code base} is given and that is safe, else whole.
     *
     * @param compiler  compiles the workspace's sources (may be a worker's, keeping a file manager)
     * @param classPath what a whole compile compiles against (the JUnit console jar)
     */
    public Result compile(WorkspaceCompiler compiler, Path workspace, Path classes, List<Path> classPath,
                          Optional<Base> base) throws IOException {
        if (base.isEmpty()) {
            return whole(compiler, workspace, classes, classPath, "which files come from the base is not known");
        }
        Base b = base.get();
        // names, not paths: a workspace holds hundreds of base sources, and only its own few need a Path
        List<String> all = b.sourceNamesIn(workspace);
        Index index = index(b);
        for (String source : index.sources()) {
            if (!b.unchanged().contains(source)) {
                return whole(compiler, workspace, classes, classPath, "the workspace replaces the base source " + source);
            }
        }
        for (String source : all) {
            if (source.equals("module-info.java") || source.endsWith("/module-info.java")) {
                // a module compiles its packages together, in a mode a class folder on the class path is not
                return whole(compiler, workspace, classes, classPath, "the workspace declares a module (" + source + ")");
            }
        }
        List<Path> own = new ArrayList<>();
        for (String relative : all) {
            if (!index.sources().contains(relative)) {
                Path source = workspace.resolve(relative);
                own.add(source);
                String simple = simpleName(source.getFileName().toString(), ".java");
                if (index.uses(JavaIdentifiers.packageOf(read(source)), simple)) {
                    return whole(compiler, workspace, classes, classPath, "the base's code names " + simple
                            + ", which " + relative + " declares");
                }
            }
        }
        own.sort(null); // path order, as a walk gives them to javac
        if (own.size() + index.sources().size() != all.size()) {
            return whole(compiler, workspace, classes, classPath, "a base source is missing from the workspace");
        }
        if (own.isEmpty()) {
            return whole(compiler, workspace, classes, classPath, "the workspace has no Java source of its own");
        }
        Optional<Path> baseClasses;
        try {
            baseClasses = folders.computeIfAbsent(b.snapshot().toAbsolutePath().resolveSibling(FOLDER),
                    root -> new BaseClasses(root, baseCompiler)).classesOf(b.hash(), b.snapshot(), classPath);
        } catch (IOException e) {
            // a full disk, an unwritable run folder: the whole compile needs neither
            return whole(compiler, workspace, classes, classPath, "the base's classes could not be made: " + e.getMessage());
        }
        if (baseClasses.isEmpty()) {
            return whole(compiler, workspace, classes, classPath, "the base does not compile alone");
        }
        Optional<Result> layered = withDependencies(compiler, workspace, classes, classPath, b, all.size(), own,
                baseClasses.get(), index);
        if (layered.isPresent()) {
            return layered.get();
        }
        // the base's classes first: in a whole compile its sources win over anything on the class path
        List<Path> against = new ArrayList<>(List.of(baseClasses.get()));
        against.addAll(classPath);
        Own c = compileOwn(compiler, workspace, own, classes, against);
        if (c.compilation().succeeded()) {
            String clash = clash(classes, baseClasses.get(), index);
            if (!clash.isEmpty()) {
                BaseClasses.deleteTree(classes);
                return whole(compiler, workspace, classes, classPath, clash);
            }
            if (own.stream().noneMatch(source -> b.dependencyFiles().containsKey(relative(workspace, source)))) {
                offer(b, workspace, own, List.of(), classes);
            }
        }
        return new Result(new WorkspaceCompiler.Compilation(all.size(), c.compilation().errors()), List.of(baseClasses.get()), "",
                own.size(), c.reused());
    }

    /**
     * The own sources that are GREEN dependencies' files compiled once per content hash against the
     * base's classes, into a folder of their own, and only the rest per run, by the same rules one
     * level up: empty (compile all own sources against the base) when there are no such files, they
     * do not compile alone, or a rest class could change what their code means.
     */
    private Optional<Result> withDependencies(WorkspaceCompiler compiler, Path workspace, Path classes,
                                              List<Path> classPath, Base b, int allSources, List<Path> own,
                                              Path baseClasses, Index baseIndex) throws IOException {
        List<Path> dependencies = new ArrayList<>();
        List<Path> rest = new ArrayList<>();
        for (Path source : own) {
            (b.dependencyFiles().containsKey(relative(workspace, source)) ? dependencies : rest).add(source);
        }
        if (dependencies.isEmpty() || rest.isEmpty()) {
            return Optional.empty();
        }
        Optional<Result> layered = layered(compiler, workspace, classes, classPath, b, allSources, dependencies, rest,
                baseClasses, baseIndex);
        if (layered.isPresent()) {
            return layered;
        }
        StringBuilder key = new StringBuilder(b.hash()).append('\n');
        dependencies.stream().map(source -> relative(workspace, source)).sorted()
                .forEach(path -> key.append(path).append('\0').append(b.dependencyFiles().get(path)).append('\n'));
        String hash = sha256(key.toString());
        Index index = indexes.get(hash);
        if (index == null) {
            index = indexOf(workspace, dependencies);
            indexes.put(hash, index);
        }
        for (Path source : rest) {
            if (index.uses(JavaIdentifiers.packageOf(read(source)), simpleName(source.getFileName().toString(), ".java"))) {
                return Optional.empty();
            }
        }
        List<Path> againstBase = new ArrayList<>(List.of(baseClasses));
        againstBase.addAll(classPath);
        Optional<Path> made;
        try {
            made = dependencyFolders(b).classesOf(hash, aside -> {
                        WorkspaceCompiler.Compilation c = baseCompiler.compile(workspace, dependencies, aside, againstBase);
                        String clash = c.succeeded() ? clash(aside, baseClasses, baseIndex) : "";
                        return clash.isEmpty() ? c : new WorkspaceCompiler.Compilation(c.sources(), List.of(clash));
                    });
        } catch (IOException e) {
            return Optional.empty();
        }
        if (made.isEmpty()) {
            return Optional.empty();
        }
        List<Path> against = new ArrayList<>(List.of(made.get(), baseClasses));
        against.addAll(classPath);
        Own c = compileOwn(compiler, workspace, rest, classes, against);
        if (c.compilation().succeeded()) {
            String clash = clash(classes, baseClasses, baseIndex);
            if (clash.isEmpty()) {
                clash = clash(classes, made.get(), index);
            }
            if (!clash.isEmpty()) {
                BaseClasses.deleteTree(classes);
                Files.createDirectories(classes);
                return Optional.empty();
            }
        }
        return Optional.of(new Result(new WorkspaceCompiler.Compilation(allSources, c.compilation().errors()),
                List.of(made.get(), baseClasses), "", rest.size(), c.reused()));
    }

    /**
     * The dependencies' files compiled per dependency ({@link Layer}), each once per content hash against
     * the base's classes and the classes of the dependencies it has itself, as its own runs compiled it;
     * then the rest against all of them. A set of dependencies shared by no two features was compiled
     * whole for each feature: on the real-code case most of a RED proof's compile. The whole compile's
     * verdict holds, so this gives way (empty: the dependencies are compiled as one set) whenever it may
     * not: a layer not exactly in the workspace, one that does not compile alone, one whose code uses
     * the simple name of a class another layer it does not depend on, or the rest, declares in a package
     * it sees (in the whole compile that class could change what the name means), a class in two
     * folders, a package named as a class, or a rest class that clashes with a layer's.
     */
    private Optional<Result> layered(WorkspaceCompiler compiler, Path workspace, Path classes, List<Path> classPath,
                                     Base b, int allSources, List<Path> dependencies, List<Path> rest, Path baseClasses,
                                     Index baseIndex) throws IOException {
        List<Layer> layers = b.layers();
        int n = layers.size();
        if (n == 0 || "false".equalsIgnoreCase(System.getProperty(LAYERS_PROPERTY, "true").strip())) {
            return Optional.empty();
        }
        Map<String, Integer> layerOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Layer layer = layers.get(i);
            if (!layer.exact()) {
                return Optional.empty();
            }
            for (int need : layer.needs()) {
                if (need < 0 || need >= i) {
                    return Optional.empty();
                }
            }
            for (String path : layer.files().keySet()) {
                if (layerOf.put(path, i) != null) {
                    return Optional.empty();
                }
            }
        }
        List<List<Path>> sources = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sources.add(new ArrayList<>());
        }
        for (Path source : dependencies) {
            String path = relative(workspace, source);
            Integer i = layerOf.get(path);
            if (i == null || !layers.get(i).files().get(path).equals(b.dependencyFiles().get(path))) {
                return Optional.empty();
            }
            sources.get(i).add(source);
        }
        String[] keys = new String[n];
        Path[] folders = new Path[n];
        Index[] layerIndex = new Index[n];
        for (int i = 0; i < n; i++) {
            List<Path> own = sources.get(i);
            Map<String, String> files = layers.get(i).files();
            keys[i] = layerKey(b, workspace, own, files::get, layers.get(i).needs().stream().map(j -> keys[j]).toList());
            if (own.isEmpty()) {
                continue; // no Java of its own: no classes
            }
            String layerKey = keys[i];
            Index index = this.indexes.computeIfAbsent(layerKey, k -> indexOrNull(workspace, own));
            if (index == null) {
                return Optional.empty();
            }
            layerIndex[i] = index;
            List<Path> against = new ArrayList<>(layerFolders(layers.get(i).needs(), keys, folders));
            against.add(baseClasses);
            against.addAll(classPath);
            Optional<Path> made;
            try {
                made = dependencyFolders(b).classesOf(layerKey, aside -> {
                    LAYERS_COMPILED.incrementAndGet();
                    WorkspaceCompiler.Compilation c = baseCompiler.compile(workspace, own, aside, against);
                    String clash = c.succeeded() ? clash(aside, baseClasses, baseIndex) : "";
                    return clash.isEmpty() ? c : new WorkspaceCompiler.Compilation(c.sources(), List.of(clash));
                });
            } catch (IOException | java.io.UncheckedIOException e) {
                return Optional.empty(); // a full disk, a folder that could not be made: the set compile needs none
            }
            if (made.isEmpty()) {
                return Optional.empty();
            }
            folders[i] = made.get();
        }
        // what each layer declares, read from its class files (a file's second top-level class included)
        List<List<Declared>> declared = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (folders[i] != null && classFiles.computeIfAbsent(folders[i], BaseCompile::classFilesOrNull).contains("/")) {
                return Optional.empty(); // a folder that could not be read
            }
            declared.add(folders[i] == null ? List.of() : declaredIn(folders[i]));
        }
        List<Declared> restDeclared = declarations(workspace, rest);
        for (int i = 0; i < n; i++) {
            if (layerIndex[i] == null) {
                continue;
            }
            Set<Integer> seen = new HashSet<>(layers.get(i).needs());
            seen.add(i);
            for (int k = 0; k < n; k++) {
                if (!seen.contains(k) && usesAny(layerIndex[i], declared.get(k))) {
                    return Optional.empty();
                }
            }
            if (usesAny(layerIndex[i], restDeclared)) {
                return Optional.empty();
            }
        }
        List<Path> made = layerFolders(java.util.stream.IntStream.range(0, n).boxed().toList(), keys, folders);
        if (!disjoint(made)) {
            return Optional.empty();
        }
        List<Path> against = new ArrayList<>(made);
        against.add(baseClasses);
        against.addAll(classPath);
        Own c = compileOwn(compiler, workspace, rest, classes, against);
        if (c.compilation().succeeded()) {
            String clash = clash(classes, baseClasses, baseIndex);
            for (int i = 0; i < n && clash.isEmpty(); i++) {
                if (folders[i] != null) {
                    clash = clash(classes, folders[i], layerIndex[i]);
                }
            }
            if (!clash.isEmpty()) {
                BaseClasses.deleteTree(classes);
                Files.createDirectories(classes);
                return Optional.empty();
            }
            offer(b, workspace, rest, List.of(keys), classes);
        }
        List<Path> after = new ArrayList<>(made);
        after.add(baseClasses);
        return Optional.of(new Result(new WorkspaceCompiler.Compilation(allSources, c.compilation().errors()), after, "",
                rest.size(), c.reused()));
    }

    /**
     * {@code -Dredyellow.compile.dependencyLayers=false} compiles GREEN dependencies' files as one set
     * per feature, as before {@link #layered} (to compare the two; both give the whole compile's verdicts).
     */
    public static final String LAYERS_PROPERTY = "redyellow.compile.dependencyLayers";

    private static final java.util.concurrent.atomic.AtomicLong LAYERS_COMPILED = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong LAYERS_OFFERED = new java.util.concurrent.atomic.AtomicLong();

    /**
     * How many dependency class folders ({@link #layered}) this JVM compiled for a dependent, and how many
     * it kept from a run's own compile ({@link #offer}), so far (the bench prints a cycle's differences).
     */
    public static long[] layerCounts() {
        return new long[] {LAYERS_COMPILED.get(), LAYERS_OFFERED.get()};
    }

    /**
     * The key of a dependency's class folder: the base, the dependency's Java sources by path and
     * content hash, and the keys of the folders it was compiled against (sorted: no order of theirs).
     */
    private static String layerKey(Base b, Path workspace, List<Path> sources, java.util.function.Function<String, String> hashOf,
                                   List<String> needs) {
        StringBuilder key = new StringBuilder("layer\n").append(b.hash()).append('\n');
        sources.stream().map(source -> relative(workspace, source)).sorted()
                .forEach(path -> key.append(path).append('\0').append(hashOf.apply(path)).append('\n'));
        needs.stream().sorted().forEach(k -> key.append("needs ").append(k).append('\n'));
        return sha256(key.toString());
    }

    /**
     * Makes what a compile of a run's own sources left in {@code classes} (copied, before its tests run)
     * the class folder a dependent asks for once this run's code is GREEN: the same sources against the
     * same class folders ({@code needs}: the keys of those of its dependencies) give the same classes.
     * Copied for every compile without errors (which attempt turns GREEN is not known yet); a folder
     * no dependent asks for goes with the run's other folders.
     */
    private void offer(Base b, Path workspace, List<Path> sources, List<String> needs, Path classes) {
        try {
            Map<String, String> hashes = new HashMap<>();
            for (Path source : sources) {
                hashes.put(relative(workspace, source), contentHash(Files.readAllBytes(source)));
            }
            String key = layerKey(b, workspace, sources, hashes::get, needs);
            BaseClasses folders = dependencyFolders(b);
            if (folders.known(key)) {
                return;
            }
            folders.classesOf(key, aside -> {
                LAYERS_OFFERED.incrementAndGet();
                try (Stream<Path> files = Files.walk(classes)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Path target = aside.resolve(classes.relativize(file).toString());
                        Files.createDirectories(target.getParent());
                        Files.copy(file, target);
                    }
                }
                return new WorkspaceCompiler.Compilation(sources.size(), List.of());
            });
        } catch (IOException | RuntimeException e) {
            // a dependent then compiles the folder itself
            System.getLogger(BaseCompile.class.getName()).log(System.Logger.Level.DEBUG, "could not keep the classes of "
                    + workspace + " for its dependents: " + e);
        }
    }

    /** The hex SHA-256 of a file's content, as the engine's file sets hash it. */
    private static String contentHash(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A class a source file declares by its name: its package and simple name. */
    private record Declared(String packageName, String simpleName) {
    }

    private static List<Declared> declarations(Path workspace, List<Path> sources) throws IOException {
        List<Declared> declared = new ArrayList<>();
        for (Path source : sources) {
            declared.add(new Declared(JavaIdentifiers.packageOf(read(source)), simpleName(source.getFileName().toString(), ".java")));
        }
        return declared;
    }

    /** The top-level classes of a finished class folder, by their class files' names and places. */
    private List<Declared> declaredIn(Path folder) {
        List<Declared> declared = new ArrayList<>();
        for (String file : classFiles.computeIfAbsent(folder, BaseCompile::classFilesOrNull)) {
            int slash = file.lastIndexOf('/');
            String simple = simpleName(file.substring(slash + 1), ".class");
            if (!simple.contains("$")) {
                declared.add(new Declared(slash < 0 ? "" : file.substring(0, slash).replace('/', '.'), simple));
            }
        }
        return declared;
    }

    private static boolean usesAny(Index index, List<Declared> declared) {
        for (Declared d : declared) {
            if (index.uses(d.packageName(), d.simpleName())) {
                return true;
            }
        }
        return false;
    }

    private static Index indexOrNull(Path workspace, List<Path> sources) {
        try {
            return indexOf(workspace, sources);
        } catch (IOException e) {
            return null;
        }
    }

    /** The class folders of these layers, ordered by key (the order of a class path of disjoint folders is of no matter). */
    private static List<Path> layerFolders(List<Integer> layers, String[] keys, Path[] folders) {
        return layers.stream().filter(i -> folders[i] != null).sorted(java.util.Comparator.comparing(i -> keys[i]))
                .map(i -> folders[i]).toList();
    }

    /** The GREEN dependencies' class folders of this base's run. */
    private BaseClasses dependencyFolders(Base b) {
        return folders.computeIfAbsent(b.snapshot().toAbsolutePath().resolveSibling(DEPENDENCY_FOLDER),
                root -> new BaseClasses(root, baseCompiler));
    }

    /**
     * Whether no class is in two of these folders and no package has the name of a class in them: a
     * whole compile of their sources fails on either, a class path of separate folders would not.
     */
    private boolean disjoint(List<Path> made) throws IOException {
        Set<String> names = new HashSet<>();
        for (Path folder : made) {
            for (String file : classFiles.computeIfAbsent(folder, BaseCompile::classFilesOrNull)) {
                if (!names.add(file)) {
                    return false;
                }
            }
        }
        for (String file : names) {
            for (int slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
                if (names.contains(file.substring(0, slash) + ".class")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The class files under a finished folder (it never changes), relative; a file name no class has when it cannot be read. */
    private static Set<String> classFilesOrNull(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(file -> relative(folder, file)).collect(java.util.stream.Collectors.toSet());
        } catch (IOException | java.io.UncheckedIOException e) {
            return Set.of("/");  // a name every other unreadable folder shares: two such are never taken as disjoint
        }
    }

    /** What compiling the own sources gave, and whether their classes came from an earlier compile. */
    private record Own(WorkspaceCompiler.Compilation compilation, boolean reused) {
    }

    /**
     * Compiles the own {@code sources} against {@code against} into {@code classes}, or writes there
     * the classes an earlier compile of the same sources against the same class path made.
     */
    private Own compileOwn(WorkspaceCompiler compiler, Path workspace, List<Path> sources, Path classes,
                           List<Path> against) throws IOException {
        String key = MadeClasses.key(workspace, sources, against);
        if (madeClasses.writeTo(key, classes)) {
            return new Own(new WorkspaceCompiler.Compilation(sources.size(), List.of()), true);
        }
        WorkspaceCompiler.Compilation c = compiler.compile(workspace, sources, classes, against);
        if (c.succeeded()) {
            madeClasses.keep(key, classes);
        }
        return new Own(c, false);
    }

    private static String sha256(String text) {
        return contentHash(text.getBytes(StandardCharsets.UTF_8));
    }

    private Result whole(WorkspaceCompiler compiler, Path workspace, Path classes, List<Path> classPath, String why)
            throws IOException {
        WorkspaceCompiler.Compilation c = compiler.compile(workspace, classes, classPath);
        return new Result(c, List.of(), why, c.sources());
    }

    /**
     * An own class that a base class file has too, whose simple name base code that sees its package
     * uses, or whose package has the name of a base class; "" if none.
     */
    private static String clash(Path classes, Path baseClasses, Index index) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = relative(classes, file);
                if (Files.exists(baseClasses.resolve(relative))) {
                    return "the workspace's class " + relative + " is a base class too";
                }
                String simple = simpleName(file.getFileName().toString(), ".class");
                Path folder = classes.relativize(file).getParent();
                String packageName = folder == null ? "" : folder.toString().replace(java.io.File.separatorChar, '.');
                if (!simple.contains("$") && index.uses(packageName, simple)) {
                    return "the base's code names " + simple + ", a class of the workspace's own";
                }
                for (Path prefix = folder; prefix != null; prefix = prefix.getParent()) {
                    if (Files.exists(baseClasses.resolve(prefix + ".class"))) {
                        return "the workspace's package " + packageName + " has the name of a base class";
                    }
                }
            }
        }
        return "";
    }

    private Index index(Base base) throws IOException {
        Index known = indexes.get(base.hash());
        if (known != null) {
            return known;
        }
        Index index = indexOf(base.snapshot(), WorkspaceCompiler.sources(base.snapshot()));
        indexes.put(base.hash(), index);
        return index;
    }

    /** The index of {@code files}, sources under {@code root}. */
    private static Index indexOf(Path root, List<Path> files) throws IOException {
        Set<String> sources = new HashSet<>();
        Map<String, Set<String>> namesSeeing = new HashMap<>();
        for (Path source : files) {
            sources.add(relative(root, source));
            String text = read(source);
            Set<String> names = new HashSet<>();
            JavaIdentifiers.addTo(names, text);
            for (String seen : JavaIdentifiers.packagesSeen(text)) {
                namesSeeing.computeIfAbsent(seen, k -> new HashSet<>()).addAll(names);
            }
        }
        return new Index(Set.copyOf(sources), namesSeeing);
    }

    private static String read(Path source) throws IOException {
        try {
            return Files.readString(source, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            // javac reads UTF-8 too and fails on it, so such a base never compiles alone; the bytes
            // as Latin-1 still give every ASCII identifier
            return new String(Files.readAllBytes(source), StandardCharsets.ISO_8859_1);
        }
    }

    private static String simpleName(String file, String suffix) {
        return file.endsWith(suffix) ? file.substring(0, file.length() - suffix.length()) : file;
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
