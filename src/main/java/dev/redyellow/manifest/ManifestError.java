package dev.redyellow.manifest;

/** One problem found in a manifest, with where it is and what was expected. */
public record ManifestError(SourceLocation location, String message) implements Comparable<ManifestError> {

    @Override
    public int compareTo(ManifestError o) {
        int c = Integer.compare(location.line(), o.location.line());
        return c != 0 ? c : Integer.compare(location.column(), o.location.column());
    }

    /** {@code file:line:column: message (at /json/pointer)}, the form editors and terminals link. */
    @Override
    public String toString() {
        String pointer = location.pointer().isEmpty() ? "/" : location.pointer();
        return location.file() + ":" + location.line() + ":" + location.column() + ": " + message + " (at " + pointer + ")";
    }
}
