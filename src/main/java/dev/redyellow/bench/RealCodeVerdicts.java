package dev.redyellow.bench;

import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.FeatureState;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * RedYellow's verdicts on the real-code case against the plain build's, each feature that differs
 * with its cause, so a missing dependency (what run-time discovery is for) is told apart from the
 * rest, and whether it differs too when every edge is declared (then discovery is not the cause).
 */
final class RealCodeVerdicts {

    /** Why a feature did not end GREEN. */
    enum Cause {
        GREEN("GREEN"),
        MISSING_DEPENDENCY("did not compile: another feature's code missing"),
        BLOCKED("BLOCKED by a dependency"),
        RED_VIOLATION("RED violation"),
        OTHER("failed otherwise (tests, timeout, error)");

        final String label;

        Cause(String label) {
            this.label = label;
        }
    }

    private RealCodeVerdicts() {
    }

    static Cause cause(FeatureOutcome o) {
        if (o.green()) {
            return Cause.GREEN;
        }
        if (o.state() == FeatureState.BLOCKED) {
            return Cause.BLOCKED;
        }
        if (o.reason().startsWith("red-violation")) {
            return Cause.RED_VIOLATION;
        }
        String detail = detail(o);
        if (detail.contains("cannot find symbol") || detail.contains("does not exist") || detail.contains("cannot access")) {
            return Cause.MISSING_DEPENDENCY;
        }
        return Cause.OTHER;
    }

    private static String detail(FeatureOutcome o) {
        return o.state() + " " + o.reason() + o.lastResult()
                .map(r -> ": " + r.outcome() + " " + r.detail().lines().findFirst().orElse("")).orElse("");
    }

    /** Prints the causes of both runs side by side, then every feature whose verdict differs in the first. */
    static void print(PrintWriter out, RealJavaProject project, PlainMavenBuild.Result plain, List<FeatureOutcome> half,
                      List<FeatureOutcome> all) {
        Map<String, FeatureOutcome> halfById = byId(half);
        Map<String, FeatureOutcome> allById = byId(all);
        Map<Cause, Integer> halfCauses = new EnumMap<>(Cause.class);
        Map<Cause, Integer> allCauses = new EnumMap<>(Cause.class);
        half.forEach(o -> halfCauses.merge(cause(o), 1, Integer::sum));
        all.forEach(o -> allCauses.merge(cause(o), 1, Integer::sum));
        out.printf(Locale.ROOT, "%n%-50s %12s %12s%n", "how features ended", "half edges", "every edge");
        for (Cause c : Cause.values()) {
            out.printf(Locale.ROOT, "%-50s %12d %12d%n", c.label, halfCauses.getOrDefault(c, 0), allCauses.getOrDefault(c, 0));
        }
        // A wrong first attempt (flipped comparisons) that the feature's own tests pass is accepted, as TDD
        // says it must be: the verdict is right for the code the run had, and the plain build, which has
        // the real code, cannot be compared with it. Its dependents may then fail on it.
        Set<String> acceptedWrong = new TreeSet<>();
        for (RealJavaProject.Unit unit : project.units()) {
            FeatureOutcome o = halfById.get(unit.id());
            if (unit.hasWrongFirst() && o != null && o.green() && o.attempts() == 1) {
                acceptedWrong.add(unit.id());
            }
        }
        Map<String, RealJavaProject.Unit> units = new HashMap<>();
        project.units().forEach(u -> units.put(u.id(), u));
        int passing = 0;
        int onWrong = 0;
        StringBuilder differ = new StringBuilder();
        int differing = 0;
        for (RealJavaProject.Unit unit : project.units()) {
            boolean passes = plainPasses(unit, plain);
            passing += passes ? 1 : 0;
            FeatureOutcome o = halfById.get(unit.id());
            if (o != null && o.green() != passes) {
                differing++;
                FeatureOutcome withAll = allById.get(unit.id());
                String text = detail(o);
                List<String> wrongBelow = wrongBelow(unit, units, acceptedWrong);
                onWrong += wrongBelow.isEmpty() ? 0 : 1;
                differ.append(String.format(Locale.ROOT, "  %-36s plain %s; %s; every edge: %s%n    %s%n", unit.id(),
                        passes ? "passes" : "fails", cause(o).label,
                        withAll == null ? "-" : cause(withAll).label,
                        text.length() > 240 ? text.substring(0, 240) + "..." : text));
                if (!wrongBelow.isEmpty()) {
                    differ.append("    on the wrong first attempt its own tests accepted of ").append(String.join(", ", wrongBelow))
                            .append(System.lineSeparator());
                }
            }
        }
        out.printf(Locale.ROOT, "%-50s %12d%n", "passing in the plain build", passing);
        out.printf(Locale.ROOT, "%nwrong first attempts their own tests accepted (the case's, not a verdict error): %d %s%n",
                acceptedWrong.size(), acceptedWrong.isEmpty() ? "" : acceptedWrong);
        out.printf(Locale.ROOT, "verdicts that differ from the plain build (half the edges declared): %d"
                + " (%d of them on such an attempt)%n", differing, onWrong);
        out.print(differ);
        // What fails on its own with every edge declared is not discovery's doing: list it apart.
        List<FeatureOutcome> own = all.stream().filter(o -> cause(o) == Cause.OTHER || cause(o) == Cause.RED_VIOLATION).toList();
        out.printf(Locale.ROOT, "%nfailed on their own with every edge declared: %d%n", own.size());
        for (FeatureOutcome o : own) {
            String text = detail(o);
            out.printf(Locale.ROOT, "  %-36s %s%n", o.id(), text.length() > 240 ? text.substring(0, 240) + "..." : text);
        }
    }

    /**
     * Whether the plain build passes {@code unit} as RedYellow's run of it would: its own test classes
     * pass, and no other class of its test files (all of which RedYellow hands to JUnit) fails.
     */
    static boolean plainPasses(RealJavaProject.Unit unit, PlainMavenBuild.Result plain) {
        return unit.ownTests().stream().allMatch(plain::passed) && unit.testFiles().stream().noneMatch(plain::failed);
    }

    /** The features among {@code unit}'s true dependencies, itself and transitively, that accepted a wrong first attempt. */
    private static List<String> wrongBelow(RealJavaProject.Unit unit, Map<String, RealJavaProject.Unit> units, Set<String> acceptedWrong) {
        Set<String> seen = new TreeSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(unit.id()));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            RealJavaProject.Unit u = units.get(id);
            if (seen.add(id) && u != null) {
                todo.addAll(u.trueDeps());
            }
        }
        seen.retainAll(acceptedWrong);
        return List.copyOf(seen);
    }

    private static Map<String, FeatureOutcome> byId(List<FeatureOutcome> outcomes) {
        Map<String, FeatureOutcome> byId = new HashMap<>();
        outcomes.forEach(o -> byId.put(o.id(), o));
        return byId;
    }
}
