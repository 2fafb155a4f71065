package dev.redyellow.graph;

import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.ImplementerSettings;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ReviewSettings;
import dev.redyellow.manifest.SourceLocation;
import dev.redyellow.manifest.TestSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Manifest} in code, feature by feature, standing in for the loader:
 * {@code manifest().feature("a").test(path, text).feature("b").dependsOn("a").build()}.
 * Settings are the manifest defaults: junit (60 s), replay, auto review.
 */
final class ManifestFixture {

    private static final Path FILE = Path.of("/fixture/manifest.json");

    private final List<FeatureDraft> features = new ArrayList<>();
    private boolean inferDependencies = true;

    private static final class FeatureDraft {
        final String id;
        final List<String> dependsOn = new ArrayList<>();
        final List<String> provides = new ArrayList<>();
        final Map<String, String> tests = new LinkedHashMap<>();
        final List<Map<String, String>> attempts = new ArrayList<>();

        FeatureDraft(String id) {
            this.id = id;
        }
    }

    static ManifestFixture manifest() {
        return new ManifestFixture();
    }

    /** Manifest {@code a, b, ...} where each {@code "x<-y"} pair makes x depend on y. */
    static Manifest graph(List<String> ids, String... dependencies) {
        ManifestFixture fixture = manifest().inferDependencies(false);
        for (String id : ids) {
            fixture.feature(id);
            for (String dependency : dependencies) {
                String[] pair = dependency.split("<-");
                if (pair[0].equals(id)) {
                    fixture.dependsOn(pair[1]);
                }
            }
        }
        return fixture.build();
    }

    ManifestFixture inferDependencies(boolean infer) {
        this.inferDependencies = infer;
        return this;
    }

    /** Starts a feature; the calls that follow describe it. */
    ManifestFixture feature(String id) {
        features.add(new FeatureDraft(id));
        return this;
    }

    ManifestFixture dependsOn(String... ids) {
        current().dependsOn.addAll(List.of(ids));
        return this;
    }

    ManifestFixture provides(String... paths) {
        current().provides.addAll(List.of(paths));
        return this;
    }

    ManifestFixture test(String path, String text) {
        current().tests.put(path, text);
        return this;
    }

    /** Adds an attempt holding one file. */
    ManifestFixture attempt(String path, String text) {
        return attempt(Map.of(path, text));
    }

    ManifestFixture attempt(Map<String, String> files) {
        current().attempts.add(files);
        return this;
    }

    Manifest build() {
        List<Feature> built = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            FeatureDraft draft = features.get(i);
            built.add(new Feature(draft.id, null, null, draft.dependsOn, draft.provides,
                    new TestSettings.JUnit(60), new ImplementerSettings.Replay(), new ReviewSettings.Auto(),
                    FileSet.ofText(draft.tests), draft.attempts.stream().map(FileSet::ofText).toList(),
                    new SourceLocation(FILE, 10 + i, 5, "/features/" + i)));
        }
        return new Manifest(FILE, 1, "fixture", null, 4, 3, 3, inferDependencies, built, "0".repeat(64));
    }

    private FeatureDraft current() {
        if (features.isEmpty()) {
            throw new IllegalStateException("call feature(id) first");
        }
        return features.get(features.size() - 1);
    }
}
