package dev.redyellow.stream;

/** What a chunk carries; viewers use it to colour or filter, the log file keeps all but progress. */
public enum ChunkKind {
    /** Code being written: an implementer's output or a streamed LLM response. */
    CODE,
    /** Standard output of a test run. */
    TEST_OUTPUT,
    /** A message from RedYellow itself (for example the "chunks skipped" marker). */
    LOG,
    /** A short progress line for the console's progress-only mode; never written to the log file. */
    PROGRESS,
    /** Standard error of any process. */
    ERROR
}
