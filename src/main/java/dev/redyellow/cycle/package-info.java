/**
 * The RED-YELLOW-GREEN cycle of one feature: the states and their legal transitions
 * ({@link dev.redyellow.cycle.FeatureState}, {@link dev.redyellow.cycle.Transition}), the recorded
 * lifecycle ({@link dev.redyellow.cycle.FeatureLifecycle}), and the conductor
 * ({@link dev.redyellow.cycle.FeatureConductor}) that proves RED, runs the implementer's attempts in
 * workspaces made of the base, the feature's dependencies' accepted files
 * ({@link dev.redyellow.cycle.DependencyFiles}) and the attempt, tests and reviews them. Every attempt's
 * files are kept in the run's code store ({@link dev.redyellow.cycle.AttemptRecord},
 * {@link dev.redyellow.cycle.FeatureOutcome}). The conductor is resumable: when a run shows the
 * feature needs another feature's code ({@link dev.redyellow.cycle.DependencyDiscovery}) it parks, and
 * carries on with the same attempt once that code is there. It knows nothing of the scheduler or the
 * run that wires it.
 */
package dev.redyellow.cycle;
