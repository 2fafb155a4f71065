package dev.redyellow.cache;

import dev.redyellow.store.Database;
import java.util.List;
import java.util.Optional;

/**
 * An opened cache with the warnings met while opening it (a damaged file moved aside, an unusable
 * location). {@code database} is the opened file, to share with the run store; closing this closes it.
 */
public record OpenedCache(TestCache cache, List<String> warnings, Optional<Database> database)
        implements AutoCloseable {
    public OpenedCache {
        warnings = List.copyOf(warnings);
    }

    public boolean enabled() {
        return database.isPresent();
    }

    @Override
    public void close() {
        cache.flush();
        database.ifPresent(Database::close);
    }
}
