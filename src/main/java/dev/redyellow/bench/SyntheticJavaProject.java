package dev.redyellow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Writes a realistic Java project for the junit benchmark: a manifest and its files. Each feature
 * is a class with several methods that builds on the classes of its dependencies, and a JUnit 5 test
 * class of 3 to 40 real tests (plain and parameterized) whose expected values the generator works
 * out itself. Features sit on {@link #LEVELS} levels; each depends on one or two features of the
 * level below and now and then on one further down. About one feature in ten gets a wrong first
 * attempt (its tag in small letters, which its first test catches), so it goes RED -> RED -> YELLOW.
 * Same seed, same project.
 */
public final class SyntheticJavaProject {

    static final int LEVELS = 6;
    private static final String PACKAGE = "gen";

    private final int features;
    private final Random random;
    private final List<Spec> specs = new ArrayList<>();

    /** One feature's parameters: what its class computes follows from them and its dependencies. */
    private record Spec(int index, int level, List<Integer> deps, int factor, int offset, int tests, boolean wrongFirst) {
        String id() {
            return String.format(Locale.ROOT, "f%03d", index);
        }

        String type() {
            return String.format(Locale.ROOT, "F%03d", index);
        }
    }

    public SyntheticJavaProject(int features, long seed) {
        if (features < LEVELS) {
            throw new IllegalArgumentException("at least " + LEVELS + " features, one per level");
        }
        this.features = features;
        this.random = new Random(seed);
        plan();
    }

    /** How many features get a wrong first attempt. */
    public long wrongFirstAttempts() {
        return specs.stream().filter(Spec::wrongFirst).count();
    }

    /**
     * Writes the project into {@code folder}; returns the manifest.
     *
     * @param testSettings extra fields of the manifest's junit test object, e.g. {@code "fork": "warm"}
     */
    public Path writeTo(Path folder, String testSettings) throws IOException {
        List<String> entries = new ArrayList<>();
        for (Spec spec : specs) {
            String test = "tests/" + spec.type() + "Test.java";
            write(folder.resolve(test), testClass(spec));
            List<String> attempts = new ArrayList<>();
            if (spec.wrongFirst()) {
                attempts.add(attempt(folder, spec, 1, true));
            }
            attempts.add(attempt(folder, spec, attempts.size() + 1, false));
            entries.add("""
                        {
                          "id": "%s",
                          "title": "Feature %s",
                          "description": "Scores and tags built on level %d",
                          "dependsOn": [%s],
                          "tests": { "src/test/java/%s/%sTest.java": { "from": "%s" } },
                          "attempts": [%s]
                        }""".formatted(spec.id(), spec.index(), spec.level(),
                    spec.deps().stream().map(d -> "\"" + specs.get(d).id() + "\"").collect(Collectors.joining(", ")),
                    PACKAGE, spec.type(), test, String.join(", ", attempts)));
        }
        Path manifest = folder.resolve("manifest.json");
        write(manifest, """
                {
                  "version": 1,
                  "name": "synthetic-%d",
                  "test": { "kind": "junit", "timeoutSeconds": 120, %s },
                  "implementer": { "kind": "replay" },
                  "review": { "kind": "auto" },
                  "maxAttempts": 3,
                  "workers": 3,
                  "features": [
                %s
                  ]
                }
                """.formatted(features, testSettings, String.join(",\n", entries)));
        return manifest;
    }

    private void plan() {
        List<List<Integer>> byLevel = new ArrayList<>();
        for (int level = 0; level < LEVELS; level++) {
            byLevel.add(new ArrayList<>());
        }
        for (int i = 0; i < features; i++) {
            int level = i * LEVELS / features;
            List<Integer> deps = new ArrayList<>();
            if (level > 0) {
                List<Integer> below = byLevel.get(level - 1);
                deps.add(below.get(random.nextInt(below.size())));
                if (random.nextInt(10) < 4) {
                    addOnce(deps, below.get(random.nextInt(below.size())));
                }
                if (level > 1 && random.nextInt(10) < 2) {
                    List<Integer> further = byLevel.get(random.nextInt(level - 1));
                    addOnce(deps, further.get(random.nextInt(further.size())));
                }
            }
            byLevel.get(level).add(i);
            specs.add(new Spec(i, level, deps, 2 + random.nextInt(7), random.nextInt(50), 3 + random.nextInt(38),
                    random.nextInt(10) == 0));
        }
    }

    private static void addOnce(List<Integer> list, int value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /** What {@code score(x)} of a feature returns: its own term plus its dependencies' scores. */
    private long score(Spec spec, long x) {
        long total = spec.factor() * x + spec.offset();
        for (int dep : spec.deps()) {
            total += score(specs.get(dep), x) % 1000;
        }
        return total;
    }

    private String attempt(Path folder, Spec spec, int number, boolean wrong) throws IOException {
        String file = "attempts/" + spec.id() + "-" + number + "/" + spec.type() + ".java";
        write(folder.resolve(file), mainClass(spec, wrong));
        return "{ \"files\": { \"src/main/java/%s/%s.java\": { \"from\": \"%s\" } } }".formatted(PACKAGE, spec.type(), file);
    }

    private String mainClass(Spec spec, boolean wrong) {
        String depScores = spec.deps().stream()
                .map(d -> " + " + specs.get(d).type() + ".score(x) % 1000").collect(Collectors.joining());
        return """
                package %1$s;

                import java.util.ArrayList;
                import java.util.List;

                /** Feature %2$s: scores, tags and series on level %3$d. */
                public final class %4$s {

                    private static final int FACTOR = %5$d;
                    private static final int OFFSET = %6$d;

                    private %4$s() {
                    }

                    /** Its own term plus the scores of what it builds on. */
                    public static long score(long x) {
                        return FACTOR * x + OFFSET%7$s;
                    }

                    /** The name of the feature followed by the text in capitals and its length. */
                    public static String tag(String text) {
                        return "%2$s:" + text.%8$s() + ":" + text.length();
                    }

                    /** The first n multiples of the factor. */
                    public static List<Long> series(int n) {
                        if (n < 0) {
                            throw new IllegalArgumentException("negative length: " + n);
                        }
                        List<Long> values = new ArrayList<>();
                        for (int i = 1; i <= n; i++) {
                            values.add((long) FACTOR * i);
                        }
                        return values;
                    }

                    /** Whether x leaves the offset's remainder. */
                    public static boolean accepts(long x) {
                        return Math.floorMod(x, FACTOR) == OFFSET %% FACTOR;
                    }

                    /** One line about x. */
                    public static String describe(long x) {
                        return tag("x" + x) + " scores " + score(x);
                    }
                }
                """.formatted(PACKAGE, spec.id(), spec.level(), spec.type(), spec.factor(), spec.offset(),
                depScores, wrong ? "toLowerCase" : "toUpperCase");
    }

    private String testClass(Spec spec) {
        String type = spec.type();
        StringBuilder body = new StringBuilder();
        int plain = Math.min(spec.tests(), 3 + spec.index() % 3);
        String[] plainTests = {
            "    @Test\n    void tagsInCapitalsWithTheLength() {\n        assertEquals(\"%s:ABC:3\", %s.tag(\"abc\"));\n    }\n"
                    .formatted(spec.id(), type),
            "    @Test\n    void seriesHoldsMultiplesOfTheFactor() {\n        assertEquals(List.of(%dL, %dL, %dL), %s.series(3));\n    }\n"
                    .formatted(spec.factor(), 2L * spec.factor(), 3L * spec.factor(), type),
            "    @Test\n    void negativeSeriesLengthIsRejected() {\n        assertThrows(IllegalArgumentException.class, () -> %s.series(-1));\n    }\n"
                    .formatted(type),
            "    @Test\n    void acceptsTheOffsetItself() {\n        assertTrue(%s.accepts(%d));\n    }\n".formatted(type, spec.offset()),
            "    @Test\n    void describesWithTheScore() {\n        assertEquals(\"%s:X2:2 scores %d\", %s.describe(2));\n    }\n"
                    .formatted(spec.id(), score(spec, 2), type),
        };
        for (int i = 0; i < plain; i++) {
            body.append(plainTests[i]).append("\n");
        }
        int rows = spec.tests() - plain;
        if (rows > 0) {
            int scoreRows = (rows + 1) / 2;
            body.append("    @ParameterizedTest\n    @CsvSource({");
            List<String> csv = new ArrayList<>();
            for (int r = 0; r < scoreRows; r++) {
                long x = r * 7L - 3;
                csv.add("\"" + x + ", " + score(spec, x) + "\"");
            }
            body.append(String.join(", ", csv)).append("})\n")
                    .append("    void scoresAddTheDependencies(long x, long expected) {\n")
                    .append("        assertEquals(expected, %s.score(x));\n    }\n\n".formatted(type));
            int lengthRows = rows - scoreRows;
            if (lengthRows > 0) {
                body.append("    @ParameterizedTest\n    @ValueSource(ints = {")
                        .append(java.util.stream.IntStream.range(0, lengthRows).mapToObj(String::valueOf)
                                .collect(Collectors.joining(", ")))
                        .append("})\n    void seriesHasTheRequestedLength(int n) {\n")
                        .append("        assertEquals(n, %s.series(n).size());\n    }\n".formatted(type));
            }
        }
        return """
                package %s;

                import static org.junit.jupiter.api.Assertions.assertEquals;
                import static org.junit.jupiter.api.Assertions.assertThrows;
                import static org.junit.jupiter.api.Assertions.assertTrue;

                import java.util.List;
                import org.junit.jupiter.api.Test;
                import org.junit.jupiter.params.ParameterizedTest;
                import org.junit.jupiter.params.provider.CsvSource;
                import org.junit.jupiter.params.provider.ValueSource;

                class %sTest {

                %s}
                """.formatted(PACKAGE, type, body);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
