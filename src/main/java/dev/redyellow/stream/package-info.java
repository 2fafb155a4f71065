/**
 * Live output of a run: process output and streamed responses become {@link dev.redyellow.stream.Chunk}s
 * (byte-bounded, cut only at UTF-8 character boundaries) on one {@link dev.redyellow.stream.ChunkPublisher}
 * per run, which hands them to any number of subscribers: the full log file per attempt (lossless),
 * the CLI console and the UI (bounded queues that drop the oldest and say so, so a slow viewer never
 * blocks a process or another viewer). {@link dev.redyellow.stream.StreamingOutput} is the bridge
 * from {@link dev.redyellow.exec.OutputSink}.
 */
package dev.redyellow.stream;
