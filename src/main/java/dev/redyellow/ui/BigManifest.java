package dev.redyellow.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a made-up manifest of a project at real size for the window's benchmark, tests and
 * screenshots: {@code n} features in twelve Java packages (the window's groups; the report package
 * names its group in the manifest instead), a fifth of them roots, each other one depending on one to
 * three features before it, mostly of its own package; each has a real JUnit test and an attempt that
 * passes it, but for every 37th feature. The same seed writes the same manifest.
 */
public final class BigManifest {
    static final List<String> PACKAGES = List.of("sorts", "strings", "parse", "net", "io", "cache", "math", "time",
            "json", "cli", "report", "util");
    private static final List<String> WORDS = List.of("merge", "split", "scan", "index", "trim", "match", "encode",
            "decode", "count", "join", "parse", "format", "round", "limit", "cache", "fetch", "retry", "render");

    private BigManifest() {
    }

    /** The id of feature {@code i}: its package, a word and its number, e.g. {@code sorts-merge-012}. */
    static String id(int i) {
        return PACKAGES.get(i % PACKAGES.size()) + "-" + WORDS.get((i * 7) % WORDS.size()) + "-" + String.format("%03d", i);
    }

    public static Path write(Path file, int n, long seed) throws IOException {
        Random random = new Random(seed);
        List<String> features = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String pkg = PACKAGES.get(i % PACKAGES.size());
            List<String> deps = new ArrayList<>();
            int count = i < n / 5 ? 0 : 1 + random.nextInt(3);
            for (int k = 0; k < count; k++) {
                // mostly the same package (i - 12 m), sometimes any earlier feature
                int dep = random.nextInt(4) > 0 && i >= PACKAGES.size()
                        ? i - PACKAGES.size() * (1 + random.nextInt(Math.min(6, i / PACKAGES.size())))
                        : random.nextInt(i);
                String quoted = "\"" + id(dep) + "\"";
                if (!deps.contains(quoted)) {
                    deps.add(quoted);
                }
            }
            String id = id(i);
            String cls = Character.toUpperCase(WORDS.get((i * 7) % WORDS.size()).charAt(0))
                    + WORDS.get((i * 7) % WORDS.size()).substring(1) + i;
            String title = cls.replaceAll("\\d+$", "").toLowerCase(Locale.ROOT) + " " + pkg + " no. " + i;
            // A real JUnit test and the attempt that passes it; every 37th attempt is wrong, so a run
            // ends with some features FAILED and their dependents BLOCKED.
            String test = "package " + pkg + "; import org.junit.jupiter.api.Test;"
                    + " import static org.junit.jupiter.api.Assertions.assertEquals;"
                    + " class " + cls + "Test { @Test void works() { assertEquals(" + i + ", " + cls + ".value()); } }";
            String code = "package " + pkg + "; class " + cls + " { static int value() { return "
                    + (i % 37 == 5 ? i + 1 : i) + "; } }";
            features.add("{ \"id\": \"" + id + "\", \"title\": \"" + Character.toUpperCase(title.charAt(0)) + title.substring(1)
                    + "\"," + (pkg.equals("report") ? " \"group\": \"reporting\"," : "")
                    + " \"dependsOn\": [" + String.join(", ", deps) + "],"
                    + " \"tests\": { \"src/test/java/" + pkg + "/" + cls + "Test.java\": \"" + test + "\\n\" },"
                    + " \"attempts\": [ { \"files\": { \"src/main/java/" + pkg + "/" + cls + ".java\": \"" + code
                    + "\\n\" } } ] }");
        }
        String json = "{ \"version\": 1, \"name\": \"synthetic-" + n + "\", \"inferDependencies\": false,"
                + " \"features\": [\n" + String.join(",\n", features) + "\n] }\n";
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, json);
        return file;
    }
}
