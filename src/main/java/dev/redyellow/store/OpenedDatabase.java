package dev.redyellow.store;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of opening the RedYellow file: the database, or none when the location cannot be
 * used (the run then goes on without cache and history), and the warnings to show the user.
 */
public record OpenedDatabase(Optional<Database> database, List<String> warnings) {
    public OpenedDatabase {
        warnings = List.copyOf(warnings);
    }
}
