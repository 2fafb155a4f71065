package dev.redyellow.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The RedYellow SQLite file: one connection per instance, used by one thread at a time (a lock),
 * in WAL mode so readers in other processes never wait for a writer. Writers in other processes are
 * waited for by SQLite's busy timeout, and a transaction that still meets SQLITE_BUSY is retried.
 * The schema is migrated to the newest version on open.
 *
 * <p>A file found damaged while in use (SQLITE_CORRUPT or SQLITE_NOTADB from any statement) is
 * treated as a damaged file at open is: it is moved aside to {@code <name>.corrupt-<time>}, a fresh
 * file takes its place, the work is retried once on it, and the warning listener hears of it once.
 * A cache and its history are worth less than the run that is using them.
 */
public final class Database implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    /** A transaction or close this long or longer is logged ({@link #noteSlow}). */
    static final long SLOW_NANOS = 1_000_000_000L;
    private static final int MAX_ATTEMPTS = 8;

    /** How many times one instance replaces a damaged file before it gives up and lets errors through. */
    private static final int MAX_RECOVERIES = 3;

    private final Path file;
    private final Clock clock;
    /** Replaced when a damaged file is moved aside; guarded by {@link #lock}. */
    private Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    /** Zero while opening: damage found then is the opener's to handle (see {@link DatabaseFile}). */
    private int recoveriesLeft;
    private volatile Consumer<String> warnings = w -> { };
    /** Frees pages when a write meets SQLITE_FULL; returns how many rows it dropped (0: nothing to free). */
    private volatile SqlWork<Integer> makeRoom;

    private Database(Path file, Connection connection, Clock clock) {
        this.file = file;
        this.connection = connection;
        this.clock = clock;
    }

    /** Opens (creating if absent) and migrates the file; the parent folder must exist. */
    public static Database open(Path file) throws SQLException {
        return open(file, Clock.systemUTC());
    }

    /** As {@link #open(Path)}; {@code clock} names the files damaged ones are moved to. */
    public static Database open(Path file, Clock clock) throws SQLException {
        Connection connection = connect(file);
        Database database = new Database(file, connection, clock);
        try {
            database.configure();
            database.write(Schema::migrate);
            database.recoveriesLeft = MAX_RECOVERIES;
            return database;
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Loads SQLite's native library (the kept copy) and its driver, opening no file. */
    public static void preload() {
        SqliteNativeLibrary.useKeptCopy();
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
            Class.forName("org.sqlite.JDBC");
        } catch (Exception e) {
            throw new IllegalStateException("SQLite's driver does not load", e);
        }
    }

    private static Connection connect(Path file) throws SQLException {
        SqliteNativeLibrary.useKeptCopy();
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /**
     * Where the one-line warnings of this file go (a damaged file replaced, the cache turned off):
     * the command line prints them, the window shows them. Until set they are only logged.
     */
    public void onWarning(Consumer<String> listener) {
        this.warnings = listener == null ? w -> { } : listener;
    }

    /**
     * What to give up when a write meets SQLITE_FULL (the cache offers its coldest entries): it runs in
     * a transaction of its own, and when it dropped something the write is tried once more. The run's
     * history is worth more than cached results that can be recomputed.
     */
    public void onFull(SqlWork<Integer> dropSomething) {
        this.makeRoom = dropSomething;
    }

    /** Logs {@code message} and tells the warning listener, for the user to read once. */
    public void warn(String message) {
        LOG.log(System.Logger.Level.INFO, message);
        warnings.accept(message);
    }

    /**
     * Caps the file at {@code pages} pages for this connection ({@code PRAGMA max_page_count}): a
     * write that needs more fails with SQLITE_FULL as on a full disk. How the tests and the fault
     * bench produce a real full-disk error without filling a disk.
     */
    public void limitPages(long pages) throws SQLException {
        lock.lock();
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA max_page_count = " + pages);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs SQLite's {@code quick_check}; a file it finds damaged is replaced as in use (moved aside,
     * a fresh one opened, the warning listener told). Returns true when the file was replaced.
     */
    public boolean replaceIfDamaged() throws SQLException {
        lock.lock();
        try {
            String verdict;
            try {
                verdict = withRetries(c -> {
                    try (Statement statement = c.createStatement();
                         java.sql.ResultSet rs = statement.executeQuery("PRAGMA quick_check")) {
                        return rs.next() ? rs.getString(1) : "ok";
                    }
                });
            } catch (SQLException e) {
                if (!isDamaged(e)) {
                    throw e;
                }
                verdict = e.getMessage();
            }
            if ("ok".equalsIgnoreCase(verdict)) {
                return false;
            }
            recover(new SQLException("quick_check: " + verdict));
            return true;
        } finally {
            lock.unlock();
        }
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} in a write transaction (taken at once, so two writers never deadlock). */
    public <T> T write(SqlWork<T> work) throws SQLException {
        return inTransaction("BEGIN IMMEDIATE", work, true);
    }

    /**
     * As {@link #write}, but on a full disk it fails instead of making room (see {@link #onFull}):
     * for the cache's own writes, which turn the cache off rather than eat into the run's history.
     */
    public <T> T writeExpendable(SqlWork<T> work) throws SQLException {
        return inTransaction("BEGIN IMMEDIATE", work, false);
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
        return inTransaction("BEGIN", work, false);
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

    private <T> T inTransaction(String begin, SqlWork<T> work, boolean mayMakeRoom) throws SQLException {
        long asked = System.nanoTime();
        lock.lock();
        long locked = System.nanoTime();
        boolean failed = true;
        try {
            T result = inTransactionLocked(begin, work, mayMakeRoom);
            failed = false;
            return result;
        } finally {
            lock.unlock();
            long done = System.nanoTime();
            if (done - asked >= SLOW_NANOS) { // the message is made only then: this is every cache look-up's path
                noteSlow((begin.equals("BEGIN") ? "a read on " : "a write on ") + file, asked, locked, done,
                        "in the transaction (its own work with any retries, the disk's syncs, or waiting while another"
                                + " connection or process holds the file)" + (failed ? "; it failed" : ""));
            }
        }
    }

    private <T> T inTransactionLocked(String begin, SqlWork<T> work, boolean mayMakeRoom) throws SQLException {
        try {
            return transaction(begin, work);
        } catch (SQLException e) {
            if (mayMakeRoom && isFull(e) && makeRoom != null) {
                return afterMakingRoom(begin, work, e);
            }
            if (!isDamaged(e) || recoveriesLeft <= 0) {
                throw e;
            }
            recover(e);
            return transaction(begin, work);
        }
    }

    /**
     * Logs at INFO (the command line's log file; its console shows warnings only) a transaction or
     * close that took {@link #SLOW_NANOS} or more (the callers check): a cached re-run that stops for seconds then says
     * whether the file was the cause, and whether the time went waiting for this instance's other
     * callers or after (a checkpoint's sync behind a busy disk, another process writing: SQLite waits
     * up to its busy timeout for the file; a full or damaged file's handling counts here too).
     */
    private static void noteSlow(String what, long asked, long locked, long done, String after) {
        LOG.log(System.Logger.Level.INFO, what + " took " + (done - asked) / 1_000_000 + " ms: "
                + (locked - asked) / 1_000_000 + " ms waiting for this instance's other callers, "
                + (done - locked) / 1_000_000 + " ms " + after);
    }

    private <T> T afterMakingRoom(String begin, SqlWork<T> work, SQLException full) throws SQLException {
        int dropped;
        try {
            dropped = transaction("BEGIN IMMEDIATE", makeRoom);
        } catch (SQLException e) {
            full.addSuppressed(e);
            throw full;
        }
        if (dropped <= 0) {
            throw full;
        }
        LOG.log(System.Logger.Level.INFO, "{0} full: dropped {1} cache rows to make room", file, dropped);
        return transaction(begin, work);
    }

    static boolean isFull(SQLException e) {
        if (e instanceof SQLiteException sqlite && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_FULL) {
            return true;
        }
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("sqlite_full") || message.contains("database or disk is full");
    }

    /** Moves the damaged file aside and opens a fresh one in its place; the caller holds the lock. */
    private void recover(SQLException damage) throws SQLException {
        recoveriesLeft--;
        try {
            connection.close();
        } catch (SQLException e) {
            damage.addSuppressed(e);
        }
        Path aside;
        try {
            aside = DatabaseFile.moveAside(file, clock);
        } catch (IOException e) {
            SQLException failed = new SQLException("the database " + file + " is damaged (" + damage.getMessage()
                    + ") and could not be moved aside: " + e.getMessage(), e);
            failed.addSuppressed(damage);
            connection = connect(file);
            throw failed;
        }
        LOG.log(System.Logger.Level.INFO, "damaged database " + file + " moved to " + aside, damage);
        connection = connect(file);
        configure();
        transaction("BEGIN IMMEDIATE", Schema::migrate);
        warn("the database " + file + " is damaged (" + firstLine(damage.getMessage()) + "); moved it to " + aside
                + " and started a fresh one");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private <T> T transaction(String begin, SqlWork<T> work) throws SQLException {
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

    /** SQLITE_CORRUPT or SQLITE_NOTADB, however the driver spelt it: the file itself is damaged. */
    public static boolean isDamaged(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_NOTADB || code == SQLiteErrorCode.SQLITE_CORRUPT
                    || code.name().startsWith("SQLITE_CORRUPT_")) {
                return true;
            }
        }
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("sqlite_corrupt") || message.contains("sqlite_notadb")
                || message.contains("database disk image is malformed") || message.contains("file is not a database");
    }

    /**
     * SQLITE_FULL, an I/O error or a read-only file: the disk under the file, not its content, is
     * the problem, and retrying will not help for the rest of the run.
     */
    public static boolean isDiskFailure(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            String name = sqlite.getResultCode().name();
            return name.equals("SQLITE_FULL") || name.startsWith("SQLITE_IOERR") || name.startsWith("SQLITE_READONLY")
                    || name.startsWith("SQLITE_CANTOPEN");
        }
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("sqlite_full") || message.contains("database or disk is full");
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
        long asked = System.nanoTime();
        lock.lock();
        long locked = System.nanoTime();
        try {
            connection.close(); // the last connection's close writes the WAL back into the file
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "closing " + file + " failed", e);
        } finally {
            lock.unlock();
            long done = System.nanoTime();
            if (done - asked >= SLOW_NANOS) {
                noteSlow("closing " + file, asked, locked, done,
                        "closing (the last connection's close writes the WAL back into the file)");
            }
        }
    }
}
