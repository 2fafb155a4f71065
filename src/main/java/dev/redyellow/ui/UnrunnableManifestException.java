package dev.redyellow.ui;

import java.nio.file.Path;
import java.util.List;

/** A valid manifest that asks for kinds this version cannot run; shown like a bad manifest's errors. */
public final class UnrunnableManifestException extends Exception {
    private final transient List<String> problems;

    public UnrunnableManifestException(Path file, List<String> problems) {
        super(file + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
