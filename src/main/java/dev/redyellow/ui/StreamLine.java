package dev.redyellow.ui;

import dev.redyellow.stream.ChunkKind;

/** One line of live output, tagged with where it came from. */
public record StreamLine(String featureId, int attempt, ChunkKind kind, String text) {

    /** The line as the pane shows it: prefixed with {@code [feature#attempt]} when the pane shows every feature. */
    public String shown(boolean withSource) {
        return withSource ? "[" + featureId + "#" + attempt + "] " + text : text;
    }
}
