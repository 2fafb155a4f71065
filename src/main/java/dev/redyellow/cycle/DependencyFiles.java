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
