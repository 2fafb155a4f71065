package dev.redyellow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Java files of a real project's main and test source roots, each with the other files of the
 * project it needs to compile: same-package simple names, imports (static and wildcard too) and
 * fully qualified names, read from the code with comments and literals removed. It errs on the side
 * of an edge too many (a field spelt like a class), never one too few, because a missing edge is a
 * workspace that does not compile. Imports that the project does not define and that neither the JDK
 * nor the JUnit console launcher provides are kept as {@link SourceFile#foreign()}: such a file cannot
 * compile in a RedYellow workspace.
 */
public final class JavaSourceIndex {

    /**
     * What the JDK and JUnit Jupiter bring: the class path of a junit workspace, and of the plain Maven
     * build beside it. (The console launcher also holds JUnit 4 and Hamcrest 1.3, but a plain build with
     * junit-jupiter alone does not, and both must judge the same tests.)
     */
    private static final Pattern PROVIDED = Pattern.compile(
            "^(java|javax|jdk|org\\.junit\\.jupiter|org\\.junit\\.platform|org\\.opentest4j|org\\.apiguardian|org\\.w3c|org\\.xml)\\b");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("(?:^|;)\\s*import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;", Pattern.MULTILINE);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:[a-z]\\w*\\.)+[A-Z]\\w*)");
    /** A class named in a string, as JUnit's {@code @MethodSource("pkg.Class#method")} does. */
    private static final Pattern NAMED_IN_STRING = Pattern.compile("\"((?:[a-z]\\w*\\.)+[A-Z]\\w*)(?:#[^\"]*)?\"");

    /**
     * One source file.
     *
     * @param path    its path under its source root, with '/' (e.g. {@code org/x/Foo.java})
     * @param test    whether it comes from the test sources
     * @param text    its text as written
     * @param refs    the qualified names of the project's files it needs
     * @param foreign imports nothing here provides
     */
    public record SourceFile(String name, String packageName, String simpleName, String path, boolean test, String text,
                             Set<String> refs, Set<String> foreign) {
    }

    private final Map<String, SourceFile> files;
    private final Map<String, Path> resources;

    private JavaSourceIndex(Map<String, SourceFile> files, Map<String, Path> resources) {
        this.files = files;
        this.resources = resources;
    }

    /** Every file by qualified name, in name order. */
    public Map<String, SourceFile> files() {
        return files;
    }

    /** Non-Java files of the roots ("main/..." or "test/..." to the file), META-INF left out. */
    public Map<String, Path> resources() {
        return resources;
    }

    /** Reads the roots; a name defined twice keeps the first (main roots come first). */
    public static JavaSourceIndex read(List<Path> mainRoots, List<Path> testRoots) throws IOException {
        Map<String, Raw> raw = new LinkedHashMap<>();
        Map<String, Path> resources = new TreeMap<>();
        for (Path root : mainRoots) {
            collect(root, false, raw, resources);
        }
        for (Path root : testRoots) {
            collect(root, true, raw, resources);
        }
        Map<String, Set<String>> byPackage = new HashMap<>();
        Set<String> packages = new HashSet<>();
        raw.values().forEach(r -> {
            byPackage.computeIfAbsent(r.pkg + (r.test ? "#test" : "#main"), k -> new TreeSet<>()).add(r.name);
            packages.add(r.pkg);
        });
        Map<String, SourceFile> files = new TreeMap<>();
        for (Raw r : raw.values()) {
            Set<String> refs = new TreeSet<>();
            Set<String> foreign = new TreeSet<>();
            resolve(r, raw, byPackage, packages, refs, foreign);
            files.put(r.name, new SourceFile(r.name, r.pkg, r.simple, r.path, r.test, r.text, refs, foreign));
        }
        return new JavaSourceIndex(files, resources);
    }

    private record Raw(String name, String pkg, String simple, String path, boolean test, String text, String code,
                       Set<String> identifiers) {
    }

    private static void collect(Path root, boolean test, Map<String, Raw> raw, Map<String, Path> resources)
            throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : all) {
            String path = root.relativize(file).toString().replace('\\', '/');
            if (path.startsWith("META-INF/")) {
                continue;
            }
            String fileName = file.getFileName().toString();
            if (!fileName.endsWith(".java")) {
                resources.putIfAbsent((test ? "test/" : "main/") + path, file);
                continue;
            }
            if (fileName.equals("module-info.java")) {
                continue;
            }
            String text = readText(file);
            String code = JavaCode.strip(text);
            Matcher pkg = PACKAGE.matcher(code);
            String packageName = pkg.find() ? pkg.group(1) : "";
            String simple = fileName.substring(0, fileName.length() - ".java".length());
            String name = packageName.isEmpty() ? simple : packageName + "." + simple;
            Set<String> identifiers = new HashSet<>();
            Matcher id = IDENTIFIER.matcher(code);
            while (id.find()) {
                identifiers.add(id.group());
            }
            raw.putIfAbsent(name, new Raw(name, packageName, simple, path, test, text, code, identifiers));
        }
    }

    /** The file's text: UTF-8, or ISO-8859-1 for the odd old file (written out again as UTF-8). */
    private static String readText(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static void resolve(Raw r, Map<String, Raw> raw, Map<String, Set<String>> byPackage, Set<String> packages,
                                Set<String> refs, Set<String> foreign) {
        // Main code never sees test code; test code sees both.
        List<String> sides = r.test ? List.of("#main", "#test") : List.of("#main");
        // A single-type import hides the same-package class of that simple name.
        Set<String> imported = new HashSet<>();
        Matcher single = IMPORT.matcher(r.code);
        while (single.find()) {
            if (single.group(1) == null && single.group(3) == null) {
                imported.add(single.group(2).substring(single.group(2).lastIndexOf('.') + 1));
            }
        }
        for (String side : sides) {
            for (String other : byPackage.getOrDefault(r.pkg + side, Set.of())) {
                if (r.identifiers.contains(raw.get(other).simple) && !imported.contains(raw.get(other).simple)) {
                    refs.add(other);
                }
            }
        }
        Matcher imp = IMPORT.matcher(r.code);
        while (imp.find()) {
            String name = imp.group(2);
            boolean star = imp.group(3) != null;
            boolean found = false;
            String[] parts = name.split("\\.");
            for (int k = parts.length; k > 0 && !found; k--) {
                String candidate = String.join(".", java.util.Arrays.copyOf(parts, k));
                if (visible(raw.get(candidate), r.test)) {
                    refs.add(candidate);
                    found = true;
                }
            }
            if (star && imp.group(1) == null && packages.contains(name)) {
                for (String side : sides) {
                    for (String other : byPackage.getOrDefault(name + side, Set.of())) {
                        if (r.identifiers.contains(raw.get(other).simple)) {
                            refs.add(other);
                        }
                    }
                }
                found = true;
            }
            if (!found && !PROVIDED.matcher(name).find()) {
                foreign.add(name);
            }
        }
        Matcher qualified = QUALIFIED.matcher(r.code);
        while (qualified.find()) {
            if (visible(raw.get(qualified.group(1)), r.test)) {
                refs.add(qualified.group(1));
            }
        }
        Matcher named = NAMED_IN_STRING.matcher(r.text);
        while (named.find()) {
            if (visible(raw.get(named.group(1)), r.test)) {
                refs.add(named.group(1));
            }
        }
        refs.remove(r.name);
    }

    private static boolean visible(Raw target, boolean fromTest) {
        return target != null && (fromTest || !target.test);
    }
}
