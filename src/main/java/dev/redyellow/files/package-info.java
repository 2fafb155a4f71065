/**
 * Files by content: the one SHA-256 of the product ({@link dev.redyellow.files.Sha256}: cache keys,
 * code store blobs, manifest and workspace fingerprints, bundled jars) and the one way a file is
 * replaced whole or not at all ({@link dev.redyellow.files.AtomicFiles}). No other package of the
 * product depends on it from below: it depends on nothing of the product.
 */
package dev.redyellow.files;
