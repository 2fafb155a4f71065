package dev.redyellow.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java: single-type, static and on-demand imports, and capitalised names used from the test's own
 * package (which need no import, so a test base class in the same package is only visible this way).
 */
final class JavaReferences implements SourceReferences {

    private static final String QUALIFIED = "[\\w$]+(?:\\s*\\.\\s*[\\w$]+)*";
    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+(" + QUALIFIED + ")\\s*;");
    private static final Pattern IMPORT = Pattern.compile(
            "\\bimport\\s+(static\\s+)?(" + QUALIFIED + ")(\\s*\\.\\s*\\*)?\\s*;");
    private static final Pattern TYPE_NAME = Pattern.compile("\\b[A-Z][\\w$]*");
    private static final List<String> SOURCE_ROOTS = List.of("src/main/java/", "src/test/java/");

    /** A written {@code .java} file seen as the top-level type it declares. */
    private record JavaType(String packageName, String simpleName, String path) {
        String qualifiedName() {
            return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
        }
    }

    private final List<JavaType> types;
    // Indexes over `types`, each list in the order of `types`: a test of a 300-feature project reads
    // hundreds of names, and a scan of every written type per name made inference take seconds.
    private final Map<String, List<JavaType>> byQualifiedName = new HashMap<>();
    private final Map<String, List<JavaType>> byPathSuffix = new HashMap<>();
    private final Map<String, List<JavaType>> byPackage = new HashMap<>();
    private final Map<String, List<JavaType>> byPackageAndSimpleName = new HashMap<>();
    private final Map<JavaType, Integer> order = new HashMap<>();
    // A test or attempt file is read twice, for its package as a written file and for its references
    // as a source: blanking comments and strings once halves inference on a large project.
    private final Map<String, String> codeOf = new HashMap<>();

    JavaReferences(WrittenFiles written) {
        Set<JavaType> found = new LinkedHashSet<>();
        for (WrittenFiles.WrittenFile file : written.all()) {
            if (reads(file.path())) {
                String packageName = file.content()
                        .map(content -> declaredPackage(code(content)).orElse(""))
                        .orElseGet(() -> packageFromPath(file.path()));
                found.add(new JavaType(packageName, simpleName(file.path()), file.path()));
            }
        }
        this.types = List.copyOf(found);
        for (JavaType type : types) {
            order.put(type, order.size());
            index(byQualifiedName, type.qualifiedName(), type);
            index(byPackage, type.packageName(), type);
            index(byPackageAndSimpleName, type.packageName() + "/" + type.simpleName(), type);
            String path = type.path();
            index(byPathSuffix, path, type);
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                index(byPathSuffix, path.substring(slash + 1), type);
            }
        }
    }

    private static void index(Map<String, List<JavaType>> index, String key, JavaType type) {
        index.computeIfAbsent(key, k -> new ArrayList<>()).add(type); // types are distinct, as are a path's suffixes
    }

    /** The text with comments and string literals blanked, worked out once per distinct text. */
    private String code(String text) {
        return codeOf.computeIfAbsent(text, CLikeSource::withoutCommentsOrStrings);
    }

    @Override
    public boolean reads(String path) {
        return path.endsWith(".java");
    }

    @Override
    public List<FileReference> find(String path, String text) {
        String code = code(text);
        Map<String, String> found = new LinkedHashMap<>();
        Set<String> importedSimpleNames = new HashSet<>();
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            boolean isStatic = imports.group(1) != null;
            boolean onDemand = imports.group(3) != null;
            String name = imports.group(2).replaceAll("\\s", "");
            String description = "imports " + (isStatic ? "static " : "") + name + (onDemand ? ".*" : "");
            if (onDemand && !isStatic) {
                byPackage.getOrDefault(name, List.of()).stream()
                        .forEach(t -> found.putIfAbsent(t.path(), description));
            } else {
                String typeName = isStatic && !onDemand ? enclosing(name) : name;
                importedSimpleNames.add(lastSegment(name));
                typesNamed(typeName).forEach(t -> found.putIfAbsent(t.path(), description));
            }
        }
        String ownPackage = declaredPackage(code).orElseGet(() -> packageFromPath(path));
        Matcher names = TYPE_NAME.matcher(code);
        while (names.find()) {
            String simpleName = names.group();
            if (importedSimpleNames.contains(simpleName)) {
                continue; // a single-type import shadows a same-package type of the same name
            }
            for (JavaType type : byPackageAndSimpleName.getOrDefault(ownPackage + "/" + simpleName, List.of())) {
                if (!type.path().equals(path)) {
                    found.putIfAbsent(type.path(), "uses " + type.qualifiedName() + " (same package)");
                }
            }
        }
        List<FileReference> references = new ArrayList<>();
        found.forEach((target, description) -> references.add(new FileReference(target, description)));
        return references;
    }

    /**
     * The written files declaring {@code qualifiedName}; for a nested type ({@code a.b.Outer.Inner})
     * that no file declares, the file of its enclosing type.
     */
    private List<JavaType> typesNamed(String qualifiedName) {
        String name = qualifiedName;
        while (true) {
            String candidate = name;
            String pathSuffix = candidate.replace('.', '/') + ".java";
            Set<JavaType> union = new HashSet<>(byQualifiedName.getOrDefault(candidate, List.of()));
            union.addAll(byPathSuffix.getOrDefault(pathSuffix, List.of()));
            List<JavaType> matches = union.stream().sorted(Comparator.comparing(order::get)).toList();
            String enclosing = enclosing(name);
            if (!matches.isEmpty() || enclosing.isEmpty() || !startsUpperCase(lastSegment(enclosing))) {
                return matches;
            }
            name = enclosing;
        }
    }

    /**
     * What a compilation unit's imports make visible by simple name: each single-type import (static
     * ones too, which may import a member type) by the simple name it brings in, and the names whose
     * members an on-demand import brings in (a package, or a type for {@code import static a.B.*}
     * and {@code import a.B.*}).
     */
    record Imports(Map<String, String> single, List<String> onDemand) {
        Imports {
            single = Map.copyOf(single);
            onDemand = List.copyOf(onDemand);
        }
    }

    /** The imports of {@code source}, read with its comments and strings blanked. */
    static Imports importsOf(String source) {
        Map<String, String> single = new HashMap<>();
        List<String> onDemand = new ArrayList<>();
        Matcher imports = IMPORT.matcher(importHead(source));
        while (imports.find()) {
            String name = imports.group(2).replaceAll("\\s", "");
            if (imports.group(3) != null) {
                onDemand.add(name);
            } else {
                single.putIfAbsent(lastSegment(name), name);
            }
        }
        return new Imports(single, onDemand);
    }

    /**
     * The start of {@code source} that holds every import, comments and strings blanked: up to the first
     * {@code &#123;} of code after a {@code ;} of code. Imports come before every type declaration, whose
     * body opens with a brace, and after the package declaration, which ends with {@code ;} (a package
     * annotation's brace comes before it). A test that misses a name is read for its imports on every
     * run, cached or not, and its imports are a small head of thousands of lines. The whole text, blanked,
     * when a few braces do not settle it.
     */
    static String importHead(String source) {
        int from = 0;
        for (int tries = 0; tries < 8; tries++) {
            int brace = source.indexOf('{', from);
            if (brace < 0) {
                break;
            }
            String code = CLikeSource.withoutCommentsOrStrings(source.substring(0, brace + 1));
            if (code.charAt(brace) == '{' && code.lastIndexOf(';', brace) >= 0) {
                return code;
            }
            from = brace + 1;
        }
        return CLikeSource.withoutCommentsOrStrings(source);
    }

    /** The package {@code source} declares ("" for the default package). */
    static String declaredPackageOf(String source) {
        String leading = leadingPackage(source);
        return leading != null ? leading : declaredPackageBlanking(source);
    }

    /**
     * The package declaration read from the first token of a compilation unit, as the language puts
     * it there: after comments and white space only, {@code package} and a name, or else none ("").
     * {@code null} when the first token does not decide (an annotation, which a package-info's
     * declaration or a class may carry, a comment not closed, or a malformed declaration): the
     * caller then blanks and searches as before. A base of a thousand Apache files is read for its
     * packages on every run, and their licence comments are most of each head.
     */
    static String leadingPackage(CharSequence source) {
        int n = source.length();
        int i = skipSpaceAndComments(source, source.length() > 0 && source.charAt(0) == '\uFEFF' ? 1 : 0);
        if (i < 0) {
            return null;
        }
        if (i == n) {
            return "";
        }
        if (!startsWithWord(source, i, "package")) {
            return source.charAt(i) == '@' ? null : "";
        }
        StringBuilder name = new StringBuilder();
        i += "package".length();
        while (true) {
            i = skipSpaceAndComments(source, i);
            if (i < 0 || i == n || !Character.isJavaIdentifierStart(source.charAt(i))) {
                return null;
            }
            int start = i;
            while (i < n && Character.isJavaIdentifierPart(source.charAt(i))) {
                i++;
            }
            name.append(source, start, i);
            i = skipSpaceAndComments(source, i);
            if (i < 0 || i == n) {
                return null;
            }
            char c = source.charAt(i);
            if (c == ';') {
                return name.toString();
            }
            if (c != '.') {
                return null;
            }
            name.append('.');
            i++;
        }
    }

    /** The index of the first character from {@code i} that is neither white space nor in a comment; -1 in an unclosed comment. */
    private static int skipSpaceAndComments(CharSequence s, int i) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int close = indexOf(s, "*/", i + 2);
                if (close < 0) {
                    return -1;
                }
                i = close + 2;
            } else {
                return i;
            }
        }
        return i;
    }

    private static int indexOf(CharSequence s, String what, int from) {
        if (s instanceof String string) {
            return string.indexOf(what, from);
        }
        return s.toString().indexOf(what, from);
    }

    private static boolean startsWithWord(CharSequence s, int i, String word) {
        int end = i + word.length();
        if (end > s.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (s.charAt(i + k) != word.charAt(k)) {
                return false;
            }
        }
        return end == s.length() || !Character.isJavaIdentifierPart(s.charAt(end));
    }

    /** Whether a head cut from a longer file may end before its first token is whole (then "no package" is not known). */
    private static boolean cutInFirstToken(String head) {
        int i = skipSpaceAndComments(head, !head.isEmpty() && head.charAt(0) == '\uFEFF' ? 1 : 0);
        return i < 0 || i + "package".length() >= head.length();
    }

    private static String declaredPackageBlanking(String source) {
        // The declaration leads the file, so a head of it is enough almost always: blanking a head gives
        // the head of the blanked whole (the blanking reads left to right), and a declaration found
        // whole in it is the first of the file. Only a file without one is read to its end, in steps.
        for (long head = 4096; ; head *= 4) {
            boolean whole = head >= source.length();
            Optional<String> found = declaredPackage(CLikeSource.withoutCommentsOrStrings(
                    whole ? source : source.substring(0, (int) head)));
            if (found.isPresent() || whole) {
                return found.orElse("");
            }
        }
    }

    /**
     * As {@link #declaredPackageOf(String)} for a file, reading only its head when the declaration is
     * there (a base of a thousand files is read for their packages on every run).
     */
    static String declaredPackageOf(java.nio.file.Path file) throws java.io.IOException {
        byte[] head = new byte[8192];
        int n;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        // a character cut at the end decodes as a replacement character, which no declaration contains
        String text = new String(head, 0, n, java.nio.charset.StandardCharsets.UTF_8);
        String leading = leadingPackage(text);
        if (leading != null && (n < head.length || !leading.isEmpty() || !cutInFirstToken(text))) {
            return leading;
        }
        Optional<String> found = declaredPackage(CLikeSource.withoutCommentsOrStrings(text));
        if (found.isPresent() || n < head.length) {
            return found.orElse("");
        }
        return declaredPackageOf(new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The package a file's location implies (for a file whose content is not known). */
    static String packageOf(String path) {
        return packageFromPath(path);
    }

    private static Optional<String> declaredPackage(String code) {
        Matcher m = PACKAGE.matcher(code);
        return m.find() ? Optional.of(m.group(1).replaceAll("\\s", "")) : Optional.empty();
    }

    /** The package a file's location implies: its folder below a Maven source root, else its folder. */
    private static String packageFromPath(String path) {
        String relative = path;
        for (String root : SOURCE_ROOTS) {
            int at = path.indexOf(root);
            if (at == 0 || (at > 0 && path.charAt(at - 1) == '/')) {
                relative = path.substring(at + root.length());
                break;
            }
        }
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? "" : relative.substring(0, slash).replace('/', '.');
    }

    private static String simpleName(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.substring(0, file.length() - ".java".length());
    }

    private static String enclosing(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return dot < 0 ? "" : qualifiedName.substring(0, dot);
    }

    private static String lastSegment(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }

    private static boolean startsUpperCase(String name) {
        return !name.isEmpty() && Character.isUpperCase(name.charAt(0));
    }
}
