package dev.redyellow.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens the RedYellow file whatever state it is in. A file that is not an SQLite database (or is
 * corrupted) is moved aside to {@code <name>.corrupt-<timestamp>} and a fresh one started; a location
 * that cannot be written gives no database. Both cases come back as warnings, never as exceptions,
 * because a broken cache must not stop a run.
 */
public final class DatabaseFile {
    private static final System.Logger LOG = System.getLogger(DatabaseFile.class.getName());
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private DatabaseFile() {
    }

    public static OpenedDatabase open(Path file, Clock clock) {
        List<String> warnings = new ArrayList<>();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new OpenedDatabase(Optional.of(openRecovering(file, clock, warnings)), warnings);
        } catch (IOException | SQLException e) {
            String reason = e instanceof IOException ? e.getClass().getSimpleName() + ": " + e.getMessage()
                    : e.getMessage();
            String warning = "cannot use the database " + file + " (" + reason
                    + "); continuing without cache and run history";
            LOG.log(System.Logger.Level.INFO, warning, e);
            warnings.add(warning);
            return new OpenedDatabase(Optional.empty(), warnings);
        }
    }

    private static Database openRecovering(Path file, Clock clock, List<String> warnings)
            throws IOException, SQLException {
        try {
            return Database.open(file, clock);
        } catch (SQLException e) {
            if (!isDamaged(e)) {
                throw e;
            }
            Path aside = moveAside(file, clock);
            String warning = "the database " + file + " was not a readable SQLite file (" + e.getMessage()
                    + "); moved it to " + aside + " and started a fresh one";
            // The caller shows the warning; the log keeps the detail.
            LOG.log(System.Logger.Level.INFO, warning, e);
            warnings.add(warning);
            return Database.open(file, clock);
        }
    }

    static boolean isDamaged(SQLException e) {
        return Database.isDamaged(e);
    }

    static Path moveAside(Path file, Clock clock) throws IOException {
        String base = file.getFileName() + ".corrupt-" + STAMP.format(clock.instant());
        Path aside = file.resolveSibling(base);
        for (int n = 2; Files.exists(aside); n++) {
            aside = file.resolveSibling(base + "-" + n);
        }
        Files.move(file, aside);
        // A journal left beside the damaged file belongs to it, not to the fresh one.
        for (String suffix : List.of("-wal", "-shm", "-journal")) {
            Path companion = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(companion)) {
                Files.move(companion, aside.resolveSibling(aside.getFileName() + suffix));
            }
        }
        return aside;
    }
}
