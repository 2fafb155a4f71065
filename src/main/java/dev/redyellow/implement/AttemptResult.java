package dev.redyellow.implement;

import dev.redyellow.manifest.FileSet;

/** What an implementer produced for one attempt. */
public sealed interface AttemptResult {

    /** The files the attempt adds or changes, keyed by workspace path. */
    record Produced(FileSet files) implements AttemptResult {
    }

    /**
     * No code: the implementer could not produce any.
     *
     * @param exhausted true when no further attempt can ever come (a replay list ran out)
     */
    record NoCode(String reason, boolean exhausted) implements AttemptResult {
    }
}
