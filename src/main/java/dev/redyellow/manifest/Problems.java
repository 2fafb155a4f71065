package dev.redyellow.manifest;

import java.util.ArrayList;
import java.util.List;

/** The errors found so far while loading one manifest; loading goes on after each one. */
final class Problems {
    private final List<ManifestError> errors = new ArrayList<>();

    void add(SourceLocation location, String message) {
        errors.add(new ManifestError(location, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int count() {
        return errors.size();
    }

    ManifestException toException() {
        return new ManifestException(errors);
    }
}
