/**
 * The feature graph: features as vertices of a JGraphT directed graph, with explicit
 * ({@code dependsOn}) and inferred (found in test sources) edges from dependency to dependent, and
 * what the scheduler and the views ask of it: topological order, levels, transitive dependencies,
 * the critical path and each feature's remaining path by estimated duration.
 *
 * <p>{@link dev.redyellow.graph.DependencyInference} reads each feature's tests with one small
 * {@code SourceReferences} per language (Java, Python, JavaScript/TypeScript) and proposes an
 * edge for every file it references that another feature writes;
 * {@link dev.redyellow.graph.FeatureGraph#of} adds those that do not close a cycle and reports the
 * rest as {@link dev.redyellow.graph.GraphWarning}s.
 */
package dev.redyellow.graph;
