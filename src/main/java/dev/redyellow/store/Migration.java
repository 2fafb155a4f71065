package dev.redyellow.store;

import java.util.List;

/**
 * One step of the schema: applied once, in order, and recorded in {@code PRAGMA user_version}.
 * Released migrations are never edited; a change is a new migration.
 */
public record Migration(int version, String description, List<String> statements) {
    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1");
        }
        statements = List.copyOf(statements);
    }
}
