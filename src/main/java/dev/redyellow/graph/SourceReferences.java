package dev.redyellow.graph;

import java.util.List;

/**
 * Finds, in one language's source files, the references to files that features write. An
 * implementation is built over one {@link WrittenFiles} and only ever returns paths written there.
 */
interface SourceReferences {

    /** Whether this language reads the file at {@code path} (by its extension). */
    boolean reads(String path);

    /** The written files {@code text} (the file at {@code path}) refers to, in order of appearance, each once. */
    List<FileReference> find(String path, String text);
}
