package com.example.mkt.rest.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void anUnreachableDatabaseIsAServiceUnavailableWithRetryAfter() {
        for (Throwable outage : new Throwable[] {
            new RuntimeException(new SQLException("An I/O error occurred while sending to the backend.", "08006")),
            new SQLException("Connection refused", "08001"),
            new IllegalStateException("cannot read sales receipts", new SQLException("terminating connection due to"
                    + " administrator command", "57P01")),
            new SQLException("the database system is shutting down", "57P03"),
            new SQLException("sorry, too many clients already", "53300"),
            new SQLTransientConnectionException("pool exhausted"),
            new SQLException("Acquisition timeout while waiting for new connection"),
            new RuntimeException(new ConnectException("Connection refused"))}) {
            ApiException e = DatabaseOutage.translate(outage);
            assertEquals(503, e.status(), outage.toString());
            assertEquals("5", e.headers().get("Retry-After"));
        }
    }

    @Test
    void otherFailuresAreNotOutages() {
        assertNull(DatabaseOutage.translate(new SQLException("no such column", "42703")));
        assertNull(DatabaseOutage.translate(new SQLException("duplicate key value", "23505")));
        assertNull(DatabaseOutage.translate(new SQLException("deadlock detected", "40P01")));
        assertNull(DatabaseOutage.translate(new SQLException("no state")));
        assertNull(DatabaseOutage.translate(new NullPointerException()));
    }
}
