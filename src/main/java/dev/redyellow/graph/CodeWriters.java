package dev.redyellow.graph;

import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.testing.MissingNames;
import dev.redyellow.testing.MissingNames.MissingName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who writes the code a failed run was missing: every path a feature writes (its replayed attempts,
 * its tests, its {@code provides}, and what it had accepted in this run or in earlier runs of the
 * same manifest) and every path of the base. Grows while a run goes on ({@link #add}); thread-safe.
 */
public final class CodeWriters {

    /** Dependency folders that hold no project code; never walked. */
    private static final Set<String> NOT_CODE = Set.of("node_modules", ".venv", "venv", "vendor", ".git",
            "__pycache__", "target", "build");

    /** A written path: who writes it and, for a Java file, the package it declares. */
    private record Written(Set<String> features, String javaPackage) {
    }

    private final Map<String, Written> byPath = new TreeMap<>();
    private final Map<String, String> basePackages = new HashMap<>();
    private final Set<String> basePaths = new LinkedHashSet<>();
    /** The Java files of {@link #byPath} and of the base by type name, so a missing type is looked up, not searched for. */
    private final JavaIndex writtenJava = new JavaIndex(true);
    private final JavaIndex baseJava = new JavaIndex(false);
    /** Every distinct text known for a written Java path, whose imports say what a simple name in it means. */
    private final Map<String, Set<String>> javaTexts = new HashMap<>();
    /** The imports read so far, by path: of each known text of a written file, or of a base file. */
    private final Map<String, List<JavaReferences.Imports>> importsByPath = new HashMap<>();
    private Path baseDir;

    /**
     * Java files by simple and by qualified type name (the file's package and name), each list in the
     * order the paths are iterated where they are kept: sorted for the written paths, as read for the base.
     */
    private static final class JavaIndex {
        private final boolean sorted;
        private final Map<String, List<String>> bySimple = new HashMap<>();
        private final Map<String, List<String>> byQualified = new HashMap<>();
        /** By declared package, sorted, so a package and its subpackages are one range. */
        private final java.util.NavigableMap<String, List<String>> byPackage = new TreeMap<>();
        /** For an index kept as read: each path's place in the order it was added. */
        private final Map<String, Integer> rank = new HashMap<>();

        JavaIndex(boolean sorted) {
            this.sorted = sorted;
        }

        void add(String path, String javaPackage) {
            String simple = simpleName(path);
            put(bySimple, simple, path);
            put(byQualified, qualified(javaPackage, simple), path);
            put(byPackage, javaPackage, path);
            rank.putIfAbsent(path, rank.size());
        }

        /**
         * The files a missing package {@code name} can mean, in the index's order: those in that
         * package or one below it, and the file of a type with that qualified name (javac says
         * "package a.B does not exist" for {@code a.B.C} when type a.B is missing).
         */
        List<String> inPackage(String name) {
            java.util.Set<String> hits = new java.util.LinkedHashSet<>(byPackage.getOrDefault(name, List.of()));
            // every package that starts with "name.": the keys from "name." up to, not including, "name/" ('/' follows '.')
            byPackage.subMap(name + ".", true, name + "/", false).values().forEach(hits::addAll);
            hits.addAll(byQualified.getOrDefault(name, List.of()));
            List<String> ordered = new ArrayList<>(hits);
            ordered.sort(sorted ? java.util.Comparator.naturalOrder() : java.util.Comparator.comparing(rank::get));
            return ordered;
        }

        private void put(Map<String, List<String>> index, String key, String path) {
            List<String> paths = index.computeIfAbsent(key, k -> new ArrayList<>());
            if (sorted) {
                int at = java.util.Collections.binarySearch(paths, path);
                if (at < 0) {
                    paths.add(-at - 1, path);
                }
            } else {
                paths.add(path);
            }
        }

        List<String> simple(String name) {
            return List.copyOf(bySimple.getOrDefault(name, List.of()));
        }

        List<String> qualifiedName(String name) {
            return List.copyOf(byQualified.getOrDefault(name, List.of()));
        }
    }

    private CodeWriters() {
    }

    /** The writers a manifest declares up front, and the files of its base folder. */
    public static CodeWriters of(Manifest manifest) {
        CodeWriters writers = new CodeWriters();
        for (WrittenFiles.WrittenFile file : WrittenFiles.of(manifest).all()) {
            writers.add(file.feature(), file.path(), file.content());
        }
        if (manifest.baseDir() != null && Files.isDirectory(manifest.baseDir())) {
            writers.baseDir = manifest.baseDir();
            writers.readBase(manifest.baseDir());
        }
        return writers;
    }

    /** Records that {@code feature} wrote (or accepted) each file of {@code files}. */
    public void addAll(String feature, FileSet files) {
        files.paths().forEach(p -> add(feature, p, Optional.of(files.text(p))));
    }

    /** Records a path {@code feature} wrote in an earlier run (its content is not kept). */
    public void addPath(String feature, String path) {
        add(feature, path, Optional.empty());
    }

    private synchronized void add(String feature, String path, Optional<String> content) {
        String javaPackage = path.endsWith(".java") ? content.map(JavaReferences::declaredPackageOf)
                .orElseGet(() -> JavaReferences.packageOf(path)) : "";
        Written known = byPath.get(path);
        Set<String> features = known == null ? new LinkedHashSet<>() : new LinkedHashSet<>(known.features());
        features.add(feature);
        // insertion order kept: writersOf names the writers in the order they were first seen (Set.copyOf would not)
        byPath.put(path, new Written(java.util.Collections.unmodifiableSet(features), known == null ? javaPackage : known.javaPackage()));
        if (known == null && path.endsWith(".java")) {
            writtenJava.add(path, javaPackage);
        }
        if (path.endsWith(".java") && content.isPresent()
                && javaTexts.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(content.get())) {
            importsByPath.remove(path); // read again with the new text
        }
    }

    /** The features that write what {@code name} names, in the order they were first seen writing it. */
    public synchronized Set<String> writersOf(MissingName name) {
        Set<String> writers = new LinkedHashSet<>();
        for (String path : paths(name, byPath.keySet(), p -> byPath.get(p).javaPackage(), writtenJava, importsOf(name))) {
            writers.addAll(byPath.get(path).features());
        }
        return writers;
    }

    /** Whether the base folder has a file that provides what {@code name} names. */
    public synchronized boolean baseWrites(MissingName name) {
        return !paths(name, basePaths, p -> basePackages.getOrDefault(p, ""), baseJava, importsOf(name)).isEmpty();
    }

    /**
     * The imports of the file that missed {@code name}, one per text known for it (a written file's
     * attempts may differ); empty when neither a feature nor the base has that file, or for a name
     * that is not a simple Java type name.
     */
    private List<JavaReferences.Imports> importsOf(MissingName name) {
        String from = name.from();
        boolean javaType = name.kind() == MissingNames.Kind.JAVA_TYPE || name.kind() == MissingNames.Kind.JAVA_MEMBER_OF;
        if (!javaType || name.name().contains(".") || !from.endsWith(".java")) {
            return List.of();
        }
        return importsByPath.computeIfAbsent(from, path -> {
            Set<String> texts = javaTexts.get(path);
            if (texts != null) {
                return texts.stream().map(JavaReferences::importsOf).toList();
            }
            if (baseDir != null && basePaths.contains(path)) {
                try {
                    return List.of(JavaReferences.importsOf(Files.readString(baseDir.resolve(path), StandardCharsets.UTF_8)));
                } catch (IOException | UncheckedIOException e) {
                    return List.of(); // unreadable now: the name is looked up as before
                }
            }
            return List.of();
        });
    }

    /** The paths among {@code known} that provide {@code name}. */
    private static List<String> paths(MissingName name, Set<String> known, java.util.function.Function<String, String> packageOf,
                                      JavaIndex java, List<JavaReferences.Imports> imports) {
        return switch (name.kind()) {
            case JAVA_TYPE, JAVA_MEMBER_OF -> javaType(name, java, packageOf, imports);
            case JAVA_PACKAGE -> java.inPackage(name.name());
            case PYTHON_MODULE -> pythonModule(name.name(), known);
            case PYTHON_NAME -> pythonName(name.name(), known);
            case SCRIPT_MODULE -> scriptModule(name, known);
        };
    }

    private static List<String> javaType(MissingName name, JavaIndex java, java.util.function.Function<String, String> packageOf,
                                         List<JavaReferences.Imports> imports) {
        String wanted = name.name();
        if (wanted.contains(".")) {
            return qualifiedType(java, wanted);
        }
        String fromPackage = name.from().isEmpty() ? null : JavaReferences.packageOf(name.from());
        if (!imports.isEmpty()) {
            // The file is known: a simple name means what its imports and its package make it mean,
            // as javac resolves it, and nothing else. A nested type imported through a missing outer
            // type (import a.Outer.Builder) is that outer type's file; a same-named type elsewhere
            // (the base's lang3.builder.Builder) cannot be what the file missed.
            Set<String> hits = new LinkedHashSet<>();
            for (JavaReferences.Imports of : imports) {
                String single = of.single().get(wanted);
                if (single != null) {
                    hits.addAll(qualifiedType(java, single));
                    continue; // a single-type import shadows the package and the on-demand imports
                }
                hits.addAll(java.qualifiedName(qualified(fromPackage == null ? "" : fromPackage, wanted)));
                for (String onDemand : of.onDemand()) {
                    hits.addAll(qualifiedType(java, onDemand + "." + wanted));
                }
            }
            return List.copyOf(hits);
        }
        List<String> named = java.simple(wanted);
        List<String> samePackage = named.stream().filter(p -> packageOf.apply(p).equals(fromPackage)).toList();
        return samePackage.isEmpty() ? named : samePackage;
    }

    /**
     * The files declaring the qualified type {@code wanted}: its own file, else, for a nested type,
     * the file of the nearest enclosing type that has one (a capitalised name: {@code a.b.Outer.Inner}
     * is in {@code a/b/Outer.java}, while {@code a.b} is a package and no type's file).
     */
    private static List<String> qualifiedType(JavaIndex java, String wanted) {
        String candidate = wanted;
        while (true) {
            List<String> hits = java.qualifiedName(candidate);
            int dot = candidate.lastIndexOf('.');
            if (!hits.isEmpty() || dot < 0) {
                return hits;
            }
            candidate = candidate.substring(0, dot);
            String simple = candidate.substring(candidate.lastIndexOf('.') + 1);
            if (simple.isEmpty() || !Character.isUpperCase(simple.charAt(0))) {
                return List.of();
            }
        }
    }

    private static List<String> pythonModule(String module, Set<String> known) {
        String relative = module.replace('.', '/');
        List<String> files = List.of(relative + ".py", relative + "/__init__.py");
        List<String> hits = new ArrayList<>();
        for (String path : known) {
            boolean file = files.stream().anyMatch(f -> path.equals(f) || path.endsWith("/" + f));
            boolean namespace = path.endsWith(".py") && (path.startsWith(relative + "/") || path.contains("/" + relative + "/"));
            if (file || namespace) {
                hits.add(path);
            }
        }
        return hits;
    }

    /** {@code pkg.name}: the submodule's files if any, else the module {@code pkg} itself (a namespace has no members). */
    private static List<String> pythonName(String dotted, Set<String> known) {
        List<String> submodule = pythonModule(dotted, known);
        if (!submodule.isEmpty() || !dotted.contains(".")) {
            return submodule;
        }
        String relative = dotted.substring(0, dotted.lastIndexOf('.')).replace('.', '/');
        List<String> files = List.of(relative + ".py", relative + "/__init__.py");
        return known.stream().filter(p -> files.stream().anyMatch(f -> p.equals(f) || p.endsWith("/" + f))).toList();
    }

    private static List<String> scriptModule(MissingName name, Set<String> known) {
        String spec = name.name();
        boolean relative = spec.startsWith("./") || spec.startsWith("../");
        String from = name.from();
        String folder = relative && from.contains("/") ? from.substring(0, from.lastIndexOf('/')) : "";
        return ScriptReferences.candidates(folder, spec).stream().filter(known::contains).toList();
    }

    private static String simpleName(String javaPath) {
        String file = javaPath.substring(javaPath.lastIndexOf('/') + 1);
        return file.substring(0, file.length() - ".java".length());
    }

    private static String qualified(String pkg, String simple) {
        return pkg.isEmpty() ? simple : pkg + "." + simple;
    }

    private void readBase(Path baseDir) {
        try {
            Files.walkFileTree(baseDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(baseDir) && NOT_CODE.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (!attrs.isRegularFile()) {
                        return FileVisitResult.CONTINUE; // a link is never read through
                    }
                    String path = baseDir.relativize(file).toString().replace('\\', '/');
                    if (basePaths.add(path) && path.endsWith(".java")) {
                        String javaPackage = JavaReferences.declaredPackageOf(file);
                        basePackages.put(path, javaPackage);
                        baseJava.add(path, javaPackage);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the base folder " + baseDir + ": " + e.getMessage(), e);
        }
    }
}
