/**
 * Running things: workspaces (one isolated folder per attempt: its own copy of the base, links kept
 * as links, the dependency folders shared read-only and checked for tampering), processes with
 * whole-tree kill and timeouts, and the output they produce.
 */
package dev.redyellow.exec;
