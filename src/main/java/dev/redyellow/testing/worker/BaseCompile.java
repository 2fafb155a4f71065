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
     */
    public record Base(Path snapshot, String hash, Set<String> unchanged, Map<String, String> dependencyFiles,
                       Optional<List<String>> javaSources) {
        public Base {
            unchanged = Set.copyOf(unchanged);
            dependencyFiles = Map.copyOf(dependencyFiles);
            javaSources = javaSources.map(List::copyOf);
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
            made = folders.computeIfAbsent(b.snapshot().toAbsolutePath().resolveSibling(DEPENDENCY_FOLDER),
                    root -> new BaseClasses(root, baseCompiler)).classesOf(hash, aside -> {
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
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
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
