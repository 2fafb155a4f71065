package dev.redyellow.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The RedYellow SQLite file: one connection per instance, used by one thread at a time (a lock),
 * in WAL mode so readers in other processes never wait for a writer. Writers in other processes are
 * waited for by SQLite's busy timeout, and a transaction that still meets SQLITE_BUSY is retried.
 * The schema is migrated to the newest version on open.
 */
public final class Database implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int MAX_ATTEMPTS = 8;

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if absent) and migrates the file; the parent folder must exist. */
    public static Database open(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Database database = new Database(file, connection);
        try {
            database.configure();
            database.write(Schema::migrate);
            return database;
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} in a write transaction (taken at once, so two writers never deadlock). */
    public <T> T write(SqlWork<T> work) throws SQLException {
        return inTransaction("BEGIN IMMEDIATE", work);
    }

    /**
     * SQLite's {@code PRAGMA data_version}: it changes when another connection (another instance or
     * process) has committed to the file since this connection last looked. A cheap staleness check.
     */
    public long dataVersion() throws SQLException {
        lock.lock();
        try (Statement statement = connection.createStatement();
             java.sql.ResultSet rs = statement.executeQuery("PRAGMA data_version")) {
            return rs.next() ? rs.getLong(1) : 0;
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in a read transaction: one consistent view of the file. */
    public <T> T read(SqlWork<T> work) throws SQLException {
        return inTransaction("BEGIN", work);
    }

    private void configure() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            statement.execute("PRAGMA foreign_keys = ON");
        }
        withRetries(c -> {
            try (Statement statement = connection.createStatement()) {
                // WAL is a property of the file; asking again on an open file is cheap.
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = NORMAL");
            }
            return null;
        });
    }

    private <T> T inTransaction(String begin, SqlWork<T> work) throws SQLException {
        lock.lock();
        try {
            return withRetries(c -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(begin);
                }
                try {
                    T result = work.apply(connection);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("COMMIT");
                    }
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(e);
                    throw e;
                }
            });
        } finally {
            lock.unlock();
        }
    }

    private <T> T withRetries(SqlWork<T> attempt) throws SQLException {
        for (int tries = 1; ; tries++) {
            try {
                return attempt.apply(connection);
            } catch (SQLException e) {
                if (!isBusy(e) || tries >= MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.log(System.Logger.Level.DEBUG, "database busy, retry {0} on {1}", tries, file);
                pause(tries);
            }
        }
    }

    private void rollbackQuietly(Exception cause) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite may already have rolled back (e.g. after SQLITE_BUSY); the cause is what matters.
            cause.addSuppressed(e);
        }
    }

    static boolean isBusy(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            return code == SQLiteErrorCode.SQLITE_BUSY || code.name().startsWith("SQLITE_BUSY_")
                    || code == SQLiteErrorCode.SQLITE_LOCKED || code.name().startsWith("SQLITE_LOCKED_");
        }
        return false;
    }

    private static void pause(int tries) throws SQLException {
        try {
            Thread.sleep(Math.min(500L, 10L << tries));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the database", e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "closing " + file + " failed", e);
        } finally {
            lock.unlock();
        }
    }
}
