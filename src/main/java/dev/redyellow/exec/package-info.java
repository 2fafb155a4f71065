/**
 * Running things: workspaces (one isolated folder per attempt), processes with whole-tree kill and
 * timeouts, and the output they produce.
 */
package dev.redyellow.exec;
