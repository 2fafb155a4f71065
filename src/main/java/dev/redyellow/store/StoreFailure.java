package dev.redyellow.store;

import java.sql.SQLException;

/**
 * The RedYellow file failed during an explicit command (cache stats, clear, invalidate, why; saving
 * or reading run history): the caller asked for the file and must see the error.
 */
public final class StoreFailure extends RuntimeException {

    public StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** Work on the file that may fail with an {@link SQLException}. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work}, turning its {@link SQLException} into a {@link StoreFailure}. */
    public static <T> T unchecked(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreFailure("the RedYellow database failed: " + e.getMessage(), e);
        }
    }
}
