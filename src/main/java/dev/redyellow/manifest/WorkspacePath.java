package dev.redyellow.manifest;

import java.util.Optional;

/**
 * The rule for a path inside a workspace: plain, relative, {@code /}-separated, and unable to leave
 * the workspace on any operating system. The manifest loader checks every test path, attempt path
 * and {@code provides} entry with it; the workspace checks again before it writes a file, because
 * files can also come from an implementer at run time.
 */
public final class WorkspacePath {

    private WorkspacePath() {
    }

    /** {@code true} when {@code path} may be written inside a workspace. */
    public static boolean isValid(String path) {
        return problem(path).isEmpty();
    }

    /**
     * What is wrong with {@code path} as a workspace path, phrased to follow
     * {@code "invalid workspace path \"x\": "}; empty when the path is fine.
     */
    public static Optional<String> problem(String path) {
        if (path == null || path.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (path.indexOf('\\') >= 0) {
            return Optional.of("it contains a backslash; separate folders with \"/\"");
        }
        for (int i = 0; i < path.length(); i++) {
            if (Character.isISOControl(path.charAt(i))) {
                return Optional.of("it contains a control character");
            }
        }
        if (path.length() >= 2 && path.charAt(1) == ':' && isAsciiLetter(path.charAt(0))) {
            return Optional.of("it starts with a drive letter; use a path relative to the workspace");
        }
        if (path.startsWith("/")) {
            return Optional.of("it is absolute; use a path relative to the workspace");
        }
        // split with a negative limit keeps trailing empty segments, so "a/" is caught too
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                return Optional.of("it has an empty segment (\"//\" or a trailing \"/\")");
            }
            if (segment.equals("..")) {
                return Optional.of("it contains a \"..\" segment; it must stay inside the workspace");
            }
            if (segment.equals(".")) {
                return Optional.of("it contains a \".\" segment; write the plain path");
            }
        }
        return Optional.empty();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
