/**
 * The feature manifest: its model ({@link dev.redyellow.manifest.Manifest} and the records it
 * holds), the strict loader ({@link dev.redyellow.manifest.ManifestLoader}) that reports every
 * error with its location, and the workspace path rule ({@link dev.redyellow.manifest.WorkspacePath})
 * shared with the code that writes workspaces. The JSON Schema of the format lives beside it as a
 * resource, {@code manifest.schema.json}.
 */
package dev.redyellow.manifest;
