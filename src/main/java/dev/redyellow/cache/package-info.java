/**
 * The test-result cache: content keys over each test setting, the tool that runs the tests
 * ({@link dev.redyellow.cache.ToolStamps}) and every workspace file
 * ({@link dev.redyellow.cache.CacheKey}, {@link dev.redyellow.cache.FileHashes}), the cache contract
 * ({@link dev.redyellow.cache.TestCache}) and its SQLite implementation with a memory tier in front,
 * and the factory that opens it wherever the user's file is ({@link dev.redyellow.cache.TestCaches}).
 * The shared tier behind it speaks Bazel's HTTP remote-cache protocol
 * ({@link dev.redyellow.cache.RemoteTestCache}, set by {@link dev.redyellow.cache.RemoteCacheSettings}
 * and put in place by {@link dev.redyellow.cache.RemoteCaches}).
 * Mutation scores are kept in the same cache under keys of their own
 * ({@link dev.redyellow.cache.CachingMutationTester}).
 */
package dev.redyellow.cache;
