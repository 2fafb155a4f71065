package dev.redyellow.manifest;

import java.util.List;
import java.util.stream.Collectors;

/** A manifest could not be loaded; carries every error found, sorted by position. */
public final class ManifestException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ManifestError> errors;

    public ManifestException(List<ManifestError> errors) {
        super(errors.stream().sorted().map(ManifestError::toString).collect(Collectors.joining(System.lineSeparator())));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ManifestException needs at least one error");
        }
        this.errors = errors.stream().sorted().toList();
    }

    public List<ManifestError> errors() {
        return errors;
    }
}
