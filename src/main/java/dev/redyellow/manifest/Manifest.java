package dev.redyellow.manifest;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A loaded, validated feature manifest (format version 1). Every referenced file has been read and
 * every path checked, so nothing downstream needs to re-validate it.
 *
 * @param file              the manifest file (absolute, normalised)
 * @param baseDir           the {@code base} folder copied into every workspace, or {@code null}
 * @param stagnationLimit   consecutive attempts with the same failure signature that end a feature
 * @param inferDependencies whether implicit dependencies are inferred from test sources
 * @param contentHash       SHA-256 (hex) of the manifest's bytes, for trust decisions
 * @param sharedDirs        base folders shared read-only by every workspace besides the default ones
 *                          ({@link SharedFolders}); each checked to be a folder of the base
 * @param mutation          whether and how the mutation score of accepted code is measured
 */
public record Manifest(Path file, int version, String name, Path baseDir, int maxAttempts, int workers,
                       int stagnationLimit, boolean inferDependencies, List<Feature> features, String contentHash,
                       List<String> sharedDirs, MutationSettings mutation) {
    /** The fewest parallel workers a run may have. */
    public static final int MIN_WORKERS = 1;
    /** The most parallel workers a run may have: beyond it, test processes only wait on each other. */
    public static final int MAX_WORKERS = 64;

    public Manifest {
        features = List.copyOf(features);
        sharedDirs = List.copyOf(sharedDirs);
        mutation = mutation == null ? MutationSettings.OFF : mutation;
    }

    /** This manifest with other mutation settings. */
    public Manifest withMutation(MutationSettings settings) {
        return new Manifest(file, version, name, baseDir, maxAttempts, workers, stagnationLimit, inferDependencies,
                features, contentHash, sharedDirs, settings);
    }

    /** A manifest that does not measure mutation scores. */
    public Manifest(Path file, int version, String name, Path baseDir, int maxAttempts, int workers,
                    int stagnationLimit, boolean inferDependencies, List<Feature> features, String contentHash,
                    List<String> sharedDirs) {
        this(file, version, name, baseDir, maxAttempts, workers, stagnationLimit, inferDependencies, features,
                contentHash, sharedDirs, MutationSettings.OFF);
    }

    /** A manifest without {@code sharedDirs}. */
    public Manifest(Path file, int version, String name, Path baseDir, int maxAttempts, int workers,
                    int stagnationLimit, boolean inferDependencies, List<Feature> features, String contentHash) {
        this(file, version, name, baseDir, maxAttempts, workers, stagnationLimit, inferDependencies, features,
                contentHash, List.of());
    }

    public Optional<Feature> feature(String id) {
        return features.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The folder the manifest lives in; {@code from} paths are relative to it. */
    public Path directory() {
        return file.getParent();
    }
}
