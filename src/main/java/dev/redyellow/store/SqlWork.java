package dev.redyellow.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A piece of work on the database connection, run inside one transaction by {@link Database}. */
@FunctionalInterface
public interface SqlWork<T> {

    T apply(Connection connection) throws SQLException;
}
