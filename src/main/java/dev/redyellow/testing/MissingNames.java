package dev.redyellow.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads, from a failed run's diagnostics, the names of the code that was missing: the types and
 * packages javac could not find, the Python modules that could not be imported, the JavaScript
 * files Node or Vite could not resolve. Knows nothing of features: the run decides who writes a name.
 */
public final class MissingNames {

    /** What kind of name is missing, which says how to find the file that would provide it. */
    public enum Kind {
        /** A Java type, by simple or qualified name ({@code Rates}, {@code shop.Rates}). */
        JAVA_TYPE,
        /** A Java package ({@code shop.tax}); may also be an outer type of a nested import. */
        JAVA_PACKAGE,
        /** A member (method, field) missing from a Java type that exists: the type is the name. */
        JAVA_MEMBER_OF,
        /** A Python module, dotted ({@code shop.rates}). */
        PYTHON_MODULE,
        /**
         * A name imported from a Python module that could not be imported ({@code from shop import
         * rates}), dotted whole ({@code shop.rates}): the submodule rates of the package shop, or else
         * the member rates of the module shop.
         */
        PYTHON_NAME,
        /** A JavaScript or TypeScript module, as a workspace path or a specifier relative to {@code from}. */
        SCRIPT_MODULE
    }

    /**
     * One missing name.
     *
     * @param from the workspace path of the file that needed it, or "" when the diagnostic does not say
     * @param line the diagnostic line it was read from, for reasons shown to people
     */
    public record MissingName(Kind kind, String name, String from, String line) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String FILE = "(?<file>[^\\s:()][^:\\n]*?\\.java):\\d+:\\s*";
    private static final Pattern JAVAC_SYMBOL = Pattern.compile(FILE
            + "cannot find symbol \\(symbol:\\s*(?<what>class|interface|enum|record|variable|method|static|annotation type)\\s+"
            + "(?<name>[\\w$.]+)[^;]*(?:;\\s*location:\\s*(?<where>[\\w ]+?)\\s+(?<at>[\\w$.<>,]+))?");
    private static final Pattern JAVAC_PACKAGE = Pattern.compile(FILE + "package (?<name>[\\w$.]+) does not exist");
    private static final Pattern JAVAC_ACCESS = Pattern.compile(FILE + "cannot access (?<name>[\\w$.]+)");
    /**
     * A class the JVM could not find while the tests ran ({@code Class.forName}, a serialized object,
     * a class the compiled code named that is gone): {@code java.lang.ClassNotFoundException: a.b.C}
     * or {@code java.lang.NoClassDefFoundError: a/b/C}. Only code that runs reveals such a need. Not
     * "Could not initialize class a.b.C": that class is there, its static initialiser failed.
     */
    private static final Pattern JVM_CLASS = Pattern.compile(
            "(?:ClassNotFoundException|NoClassDefFoundError)\\s*:\\s*(?!Could not initialize)(?<name>[\\w$]+(?:[./][\\w$]+)+)");
    private static final Pattern PY_MODULE = Pattern.compile("No module named '(?<name>[\\w.]+)'");
    private static final Pattern PY_NAME = Pattern.compile("cannot import name '(?<member>\\w+)' from '(?<name>[\\w.]+)'");
    private static final Pattern NODE_IMPORTED = Pattern.compile(
            "Cannot find (?:module|package) '(?<name>[^'\\n]+)' imported from (?<from>\\S+)");
    private static final Pattern NODE_REQUIRE = Pattern.compile(
            "Cannot find module '(?<name>[^'\\n]+)'(?!\\s*imported)(?:[\\s\\S]{0,200}?Require stack:\\s*\\n-\\s*(?<from>\\S+))?");
    private static final Pattern VITE_RESOLVE = Pattern.compile(
            "Failed to (?:resolve import|load url) \"?(?<name>[^\" \\n]+)\"?(?: \\(resolved id: [^)]*\\))? (?:from|in) \"?(?<from>[^\"\\s]+?)\"?[.\\s]");
    private static final Pattern WORKSPACE_PREFIX = Pattern.compile(".*[/\\\\]workspaces[/\\\\][^/\\\\]+[/\\\\]");

    private MissingNames() {
    }

    /** The missing names in {@code result}'s diagnostics and output, each once, in order of appearance. */
    public static List<MissingName> in(TestResult result, Path workspace) {
        StringBuilder text = new StringBuilder(result.detail()).append('\n').append(result.outputTail());
        result.failures().forEach(c -> text.append('\n').append(c.message()));
        return in(text.toString(), workspace);
    }

    /** The missing names in {@code text} (diagnostics of a run in {@code workspace}), each once. */
    public static List<MissingName> in(String text, Path workspace) {
        if (text.contains(" SKIPPED ") || text.contains("SKIPPED [")) {
            // a skip's reason names what a test or the code could not import, not what the run missed
            text = text.lines().filter(line -> !PytestSummary.isSkipLine(line)).collect(java.util.stream.Collectors.joining("\n"));
        }
        Set<MissingName> found = new LinkedHashSet<>();
        for (String line : text.split("\\R")) {
            java(line, found);
        }
        jvm(text, found);
        python(text, found);
        scripts(text, workspace, found);
        // the same name read from two diagnostics of the same file is one name
        List<MissingName> unique = new ArrayList<>();
        Set<List<String>> seen = new LinkedHashSet<>();
        for (MissingName name : found) {
            if (seen.add(List.of(name.kind().name(), name.name(), name.from()))) {
                unique.add(name);
            }
        }
        return List.copyOf(unique);
    }

    private static void java(String line, Set<MissingName> found) {
        if (!line.contains(".java:")) {
            return; // every javac diagnostic names its file: the patterns below need not try other lines
        }
        // Each pattern needs its words: a line without them is not tried (a RED proof's hundreds of
        // diagnostic lines, read on every run, cached or not).
        Matcher symbol = line.contains("cannot find symbol") ? JAVAC_SYMBOL.matcher(line) : null;
        if (symbol != null && symbol.find()) {
            String file = symbol.group("file").strip();
            String what = symbol.group("what");
            String name = symbol.group("name");
            boolean typeLike = switch (what) {
                case "class", "interface", "enum", "record", "annotation type" -> true;
                // `Rates.of(2)` with no Rates in sight: javac looks for a variable named Rates first
                case "variable" -> Character.isUpperCase(name.charAt(0));
                default -> false;
            };
            if (typeLike) {
                boolean inPackage = "package".equals(symbol.group("where")) && symbol.group("at") != null;
                found.add(new MissingName(Kind.JAVA_TYPE, inPackage ? symbol.group("at") + "." + name : name, file,
                        line.strip()));
            } else if (symbol.group("at") != null && isTypeLocation(symbol.group("where"))) {
                found.add(new MissingName(Kind.JAVA_MEMBER_OF, stripGenerics(symbol.group("at")), file, line.strip()));
            }
            return;
        }
        Matcher pkg = line.contains("does not exist") ? JAVAC_PACKAGE.matcher(line) : null;
        if (pkg != null && pkg.find()) {
            found.add(new MissingName(Kind.JAVA_PACKAGE, pkg.group("name"), pkg.group("file").strip(), line.strip()));
            return;
        }
        Matcher access = line.contains("cannot access") ? JAVAC_ACCESS.matcher(line) : null;
        if (access != null && access.find()) {
            found.add(new MissingName(Kind.JAVA_TYPE, access.group("name"), access.group("file").strip(), line.strip()));
        }
    }

    private static boolean isTypeLocation(String where) {
        return where != null && where.matches("(?:variable \\w+ of type|class|interface|enum|record)");
    }

    private static String stripGenerics(String type) {
        int lt = type.indexOf('<');
        return lt < 0 ? type : type.substring(0, lt);
    }

    private static void jvm(String text, Set<MissingName> found) {
        if (!text.contains("ClassNotFoundException") && !text.contains("NoClassDefFoundError")) {
            return; // the pattern starts with a choice, which the regex engine tries at every character
        }
        Matcher missing = JVM_CLASS.matcher(text);
        while (missing.find()) {
            // a/b/C$Inner -> a.b.C.Inner: looked up as a qualified name, a nested one by its outer type's file
            String name = missing.group("name").replace('/', '.').replace('$', '.');
            found.add(new MissingName(Kind.JAVA_TYPE, name, "", lineAt(text, missing.start())));
        }
    }

    private static void python(String text, Set<MissingName> found) {
        Matcher module = PY_MODULE.matcher(text);
        while (module.find()) {
            found.add(new MissingName(Kind.PYTHON_MODULE, module.group("name"), "", lineAt(text, module.start())));
        }
        Matcher name = PY_NAME.matcher(text);
        while (name.find()) {
            // The whole name, not the module alone: `from pkg import tag` fails so when pkg/tag.py is missing,
            // and pkg names every module of the package, whoever writes them.
            found.add(new MissingName(Kind.PYTHON_NAME, name.group("name") + "." + name.group("member"), "",
                    lineAt(text, name.start())));
        }
    }

    private static void scripts(String text, Path workspace, Set<MissingName> found) {
        for (Pattern pattern : List.of(NODE_IMPORTED, NODE_REQUIRE, VITE_RESOLVE)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                String name = m.group("name");
                String from = m.group("from") == null ? "" : inWorkspace(m.group("from"), workspace);
                boolean path = name.startsWith("/") || name.startsWith("./") || name.startsWith("../")
                        || name.startsWith("file:");
                if (!path) {
                    continue; // a package ('vitest'), which no feature writes
                }
                String shown = name.startsWith("/") || name.startsWith("file:") ? inWorkspace(name, workspace) : name;
                if (shown.startsWith("/")) {
                    continue; // outside the workspace: not a feature's file
                }
                found.add(new MissingName(Kind.SCRIPT_MODULE, shown, from, lineAt(text, m.start())));
            }
        }
    }

    /**
     * A path as the workspace sees it: relative to its root. Runs served from the cache name the
     * folder of the run that made them, so any {@code .../workspaces/<name>/} prefix counts.
     */
    static String inWorkspace(String path, Path workspace) {
        String p = path.startsWith("file://") ? path.substring("file://".length()) : path;
        String root = workspace == null ? null : workspace.toAbsolutePath().normalize().toString();
        if (root != null && p.startsWith(root + "/")) {
            return p.substring(root.length() + 1);
        }
        Matcher prefix = WORKSPACE_PREFIX.matcher(p);
        return prefix.lookingAt() ? p.substring(prefix.end()) : p;
    }

    private static String lineAt(String text, int index) {
        int start = text.lastIndexOf('\n', index) + 1;
        int end = text.indexOf('\n', index);
        return text.substring(start, end < 0 ? text.length() : end).strip();
    }
}
