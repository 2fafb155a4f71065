/**
 * The RED-YELLOW-GREEN cycle: the states and their legal transitions, the recorded lifecycle of one
 * feature, and the conductor that takes one feature through the cycle, parking it when a run shows
 * it needs another feature's code ({@link dev.redyellow.cycle.DependencyDiscovery}) and carrying on
 * once that code is there.
 */
package dev.redyellow.cycle;
