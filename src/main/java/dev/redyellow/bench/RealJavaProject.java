package dev.redyellow.bench;

import dev.redyellow.bench.JavaSourceIndex.SourceFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a real Java project into RedYellow features: one per main class that has its own test
 * class ({@code FooTest} beside {@code Foo}) whose code needs nothing but the JDK and JUnit. A class
 * without its own test goes to the base when it needs no feature (and some feature needs it), else
 * into the feature that uses it (or, when no feature uses it, into the needed feature that needs the
 * others); test helpers alike, into the feature's tests.
 * Real code has cycles: classes in a cycle of up to {@link #MERGE_LIMIT} features become one feature,
 * and a larger cycle goes to the base with everything it needs. The true edges are the features'
 * code and tests needing another feature's files; about half of them are declared (chosen by the seed),
 * and about one feature in ten gets a wrong first attempt: its class with each {@code if (a == b)}
 * turned into {@code !=}, so it compiles but should fail its tests.
 */
public final class RealJavaProject {

    static final int MERGE_LIMIT = 8;
    /** Changes when the split changes, so that a kept screening answer is not reused for another split. */
    static final int VERSION = 4;
    private static final Pattern IF_EQUALS = Pattern.compile("(?m)^(\\s*(?:}\\s*else\\s+)?if\\s*\\(.*?\\S) == (\\S.*)$");

    /**
     * One feature.
     *
     * @param id          its manifest id
     * @param classes     the main classes that have their own test (usually one)
     * @param mainFiles   the main files it writes (qualified names)
     * @param testFiles   its test files (its own tests first)
     * @param ownTests    the test classes that are its own tests (they must pass for its plain verdict;
     *                    the plain build runs all of {@code testFiles})
     * @param trueDeps    the features its code or tests need (ids)
     * @param declared    the part of {@code trueDeps} the manifest declares
     * @param wrongFirst  the mutated text of its first class, when its first attempt is wrong
     */
    public record Unit(String id, List<String> classes, List<String> mainFiles, List<String> testFiles, List<String> ownTests,
                       Set<String> trueDeps, Set<String> declared, String wrongFirst) {
        public boolean hasWrongFirst() {
            return wrongFirst != null;
        }
    }

    private final JavaSourceIndex index;
    private final List<Unit> units = new ArrayList<>();
    private final Set<String> baseFiles = new TreeSet<>();

    /**
     * @param excludedTests test classes that must not make a feature (they fail on the real code)
     * @param limit         at most this many features, the first in dependency order (dependencies first)
     */
    public RealJavaProject(JavaSourceIndex index, long seed, Set<String> excludedTests, int limit) {
        this.index = index;
        plan(new Random(seed), excludedTests, limit);
    }

    public List<Unit> units() {
        return units;
    }

    /** Qualified names of the files in the base (main and test). */
    public Set<String> baseFiles() {
        return baseFiles;
    }

    public JavaSourceIndex index() {
        return index;
    }

    private void plan(Random random, Set<String> excludedTests, int limit) {
        Map<String, SourceFile> files = index.files();
        Set<String> excluded = unusable(files);
        Map<String, String> seedOf = new TreeMap<>(); // own test -> its class
        for (SourceFile f : files.values()) {
            String test = f.name() + "Test";
            // A test that does not use its class would pass without it: no RED could be proved.
            if (!f.test() && files.containsKey(test) && files.get(test).test() && !excluded.contains(test)
                    && !excludedTests.contains(test) && files.get(test).refs().contains(f.name())) {
                seedOf.put(test, f.name());
            }
        }
        Map<String, String> owner = new HashMap<>();
        seedOf.forEach((test, cls) -> {
            owner.put(cls, cls);
            owner.put(test, cls);
        });
        Map<String, Set<String>> users = users(files);
        for (SourceFile f : files.values()) {
            if (!owner.containsKey(f.name()) && !excluded.contains(f.name())) {
                owner.put(f.name(), ownerOf(f.name(), owner, users, excluded));
            }
        }
        Map<String, Set<String>> graph = new TreeMap<>();
        Map<String, List<String>> members = new TreeMap<>();
        owner.forEach((file, o) -> {
            if (o != null) {
                members.computeIfAbsent(o, k -> new ArrayList<>()).add(file);
                Set<String> deps = graph.computeIfAbsent(o, k -> new TreeSet<>());
                for (String ref : files.get(file).refs()) {
                    String to = owner.get(ref);
                    if (to != null && !to.equals(o)) {
                        deps.add(to);
                    }
                }
            }
        });
        List<List<String>> components = new StronglyConnected(graph).components(); // dependencies first
        Set<String> toBase = new HashSet<>();
        for (List<String> c : components) {
            if (c.size() > MERGE_LIMIT) {
                closeDown(c, graph, toBase);
            }
        }
        Map<String, Integer> componentOf = new HashMap<>();
        List<List<String>> kept = new ArrayList<>();
        for (List<String> c : components) {
            if (!toBase.contains(c.get(0)) && kept.size() < limit) {
                c.forEach(s -> componentOf.put(s, kept.size()));
                kept.add(c);
            }
        }
        Set<String> keptFiles = new HashSet<>();
        owner.forEach((file, o) -> {
            if (o != null && componentOf.containsKey(o)) {
                keptFiles.add(file);
            }
        });
        addNeededBase(keptFiles, owner, toBase);
        List<String> ids = ids(kept);
        for (int i = 0; i < kept.size(); i++) {
            List<String> c = kept.get(i);
            Set<String> deps = new TreeSet<>();
            List<String> main = new ArrayList<>();
            List<String> tests = new ArrayList<>();
            List<String> own = new ArrayList<>();
            for (String s : c) {
                for (String to : graph.get(s)) {
                    Integer j = componentOf.get(to);
                    if (j != null && j != i) {
                        deps.add(ids.get(j));
                    }
                }
                own.add(s + "Test");
                for (String file : members.get(s)) {
                    (files.get(file).test() ? tests : main).add(file);
                }
            }
            tests.sort(null);
            tests.removeAll(own);
            tests.addAll(0, own);
            Set<String> declared = new TreeSet<>();
            deps.forEach(d -> {
                if (random.nextBoolean()) {
                    declared.add(d);
                }
            });
            String wrong = random.nextInt(10) == 0 ? mutated(files.get(c.get(0)).text()) : null;
            units.add(new Unit(ids.get(i), List.copyOf(c), main, tests, own, deps, declared, wrong));
        }
    }

    /** Test files whose own code, or the test files they need, import what no workspace has. */
    private static Set<String> unusable(Map<String, SourceFile> files) {
        Set<String> bad = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (SourceFile f : files.values()) {
                if (f.test() && !bad.contains(f.name())
                        && (!f.foreign().isEmpty() || f.refs().stream().anyMatch(bad::contains))) {
                    bad.add(f.name());
                    grew = true;
                }
            }
        }
        return bad;
    }

    private static Map<String, Set<String>> users(Map<String, SourceFile> files) {
        Map<String, Set<String>> users = new HashMap<>();
        files.values().forEach(f -> f.refs().forEach(r -> users.computeIfAbsent(r, k -> new TreeSet<>()).add(f.name())));
        return users;
    }

    /**
     * Where a file without its own test goes: nowhere (the base) when it needs no feature; else the
     * feature of the first file with an owner that uses it; else the first feature it needs.
     */
    private String ownerOf(String name, Map<String, String> owner, Map<String, Set<String>> users, Set<String> excluded) {
        Set<String> needs = reach(name, f -> index.files().get(f).refs(), owner, excluded);
        if (needs.isEmpty()) {
            return null;
        }
        if (needs.size() == 1) {
            return needs.iterator().next();
        }
        Set<String> usedBy = reach(name, f -> users.getOrDefault(f, Set.of()), owner, excluded);
        if (!usedBy.isEmpty()) {
            return usedBy.iterator().next();
        }
        // The needed feature that itself needs most of the others, so that its new edges close no cycle.
        String best = null;
        long bestReach = -1;
        for (String candidate : needs) {
            Set<String> reached = closure(candidate);
            long count = needs.stream().filter(reached::contains).count();
            if (count > bestReach) {
                best = candidate;
                bestReach = count;
            }
        }
        return best;
    }

    /** Every file that {@code start} needs, directly or through others. */
    private Set<String> closure(String start) {
        Set<String> seen = new HashSet<>(Set.of(start));
        Deque<String> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            for (String r : index.files().get(todo.pop()).refs()) {
                if (seen.add(r)) {
                    todo.push(r);
                }
            }
        }
        return seen;
    }

    /** The features reached from {@code start} through files that belong to no feature yet. */
    private static Set<String> reach(String start, java.util.function.Function<String, Collection<String>> next,
                                     Map<String, String> owner, Set<String> excluded) {
        Set<String> found = new TreeSet<>();
        Set<String> seen = new HashSet<>(Set.of(start));
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            for (String r : next.apply(todo.pop())) {
                if (owner.containsKey(r)) {
                    // A file already placed: its feature, or nothing when it is in the base.
                    if (owner.get(r) != null) {
                        found.add(owner.get(r));
                    }
                } else if (!excluded.contains(r) && seen.add(r)) {
                    todo.push(r);
                }
            }
        }
        return found;
    }

    private static void closeDown(List<String> from, Map<String, Set<String>> graph, Set<String> into) {
        Deque<String> todo = new ArrayDeque<>(from);
        while (!todo.isEmpty()) {
            String s = todo.pop();
            if (into.add(s)) {
                todo.addAll(graph.get(s));
            }
        }
    }

    /**
     * The base: the files outside the kept features that their files need, and what those need in
     * turn. Whatever no feature needs is left out, so neither RedYellow nor the plain build compiles it.
     */
    private void addNeededBase(Set<String> keptFiles, Map<String, String> owner, Set<String> toBase) {
        Deque<String> todo = new ArrayDeque<>(keptFiles);
        Set<String> seen = new HashSet<>(keptFiles);
        while (!todo.isEmpty()) {
            for (String r : index.files().get(todo.pop()).refs()) {
                String o = owner.get(r);
                boolean inBase = owner.containsKey(r) && (o == null || toBase.contains(o));
                if (inBase && seen.add(r)) {
                    baseFiles.add(r);
                    todo.push(r);
                }
            }
        }
    }

    /** Ids from the first class's package and name, unique; a merged cycle says how many classes it holds. */
    private static List<String> ids(List<List<String>> kept) {
        Set<String> taken = new HashSet<>();
        List<String> ids = new ArrayList<>();
        for (List<String> c : kept) {
            String[] parts = c.get(0).split("\\.");
            String id = (parts.length > 1 ? parts[parts.length - 2] + "." : "") + parts[parts.length - 1];
            id = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
            if (c.size() > 1) {
                id += "-and-" + (c.size() - 1);
            }
            String unique = id;
            for (int n = 2; !taken.add(unique); n++) {
                unique = id + "-" + n;
            }
            ids.add(unique);
        }
        return ids;
    }

    /** The class with each {@code if (... == ...)} line flipped to {@code !=}, or null when it has none. */
    static String mutated(String text) {
        Matcher m = IF_EQUALS.matcher(text);
        if (!m.find()) {
            return null;
        }
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + " != " + r.group(2)));
    }

    /** The feature id of each own test class. */
    public Map<String, String> unitByOwnTest() {
        Map<String, String> byTest = new LinkedHashMap<>();
        units.forEach(u -> u.ownTests().forEach(t -> byTest.put(t, u.id())));
        return byTest;
    }
}
