package dev.redyellow.graph;

/**
 * A test source refers to a written file.
 *
 * @param target      the workspace path referred to
 * @param description how, completing "TEST_PATH ...", e.g. {@code "imports tools.Normalizer"}
 */
record FileReference(String target, String description) {
}
