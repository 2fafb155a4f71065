/**
 * The RED-YELLOW-GREEN cycle: the states and their legal transitions, the recorded lifecycle of one
 * feature, the strict review verdict, and the conductor that takes one feature through the cycle.
 */
package dev.redyellow.cycle;
