package dev.redyellow.ui;

import dev.redyellow.stream.ChunkKind;

/** One line of live output, tagged with where it came from. */
public record StreamLine(String featureId, int attempt, ChunkKind kind, String text) {
}
