package dev.redyellow.cycle;

import dev.redyellow.manifest.FileSet;
import java.util.List;
import java.util.Set;

/**
 * What a feature's GREEN dependencies put in its workspaces. Asked each time a workspace is made,
 * because a dependency discovered while running adds to it.
 */
public interface DependencyFiles {

    /** The accepted files (code and tests) of every GREEN dependency, direct or transitive, in dependency order. */
    List<FileSet> layers();

    /**
     * The layers, as {@link #layers()}, with, for each, the indices of the earlier layers that are its own
     * dependencies, direct or transitive (read at one moment: a dependency found meanwhile changes both).
     * By default each layer is taken to need every earlier one.
     */
    default Layered layered() {
        List<FileSet> layers = layers();
        return new Layered(layers, dev.redyellow.exec.BaseFiles.everyEarlier(layers.size()));
    }

    /** Layers and what each needs ({@link #layered()}). */
    record Layered(List<FileSet> layers, List<List<Integer>> needs) {
        public Layered {
            layers = List.copyOf(layers);
            needs = needs.stream().map(List::copyOf).toList();
        }
    }

    /** The test paths of those dependencies, which an implementer may not change. */
    Set<String> testPaths();

    /** A feature without dependencies. */
    DependencyFiles NONE = new DependencyFiles() {
        @Override
        public List<FileSet> layers() {
            return List.of();
        }

        @Override
        public Set<String> testPaths() {
            return Set.of();
        }
    };
}
