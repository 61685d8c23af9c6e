package dev.roster.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** A fresh in-memory Derby database for one test, dropped when closed. */
final class MemoryDerby implements AutoCloseable {

    private final String name;
    final Connection connection;

    MemoryDerby(String purpose) throws SQLException {
        name = purpose + "-" + UUID.randomUUID();
        connection = DriverManager.getConnection("jdbc:derby:memory:" + name + ";create=true");
    }

    @Override
    public void close() throws SQLException {
        connection.close();
        try {
            DriverManager.getConnection("jdbc:derby:memory:" + name + ";drop=true");
        } catch (SQLException dropped) {
            // Derby reports a successful drop as an exception (08006)
        }
    }
}
