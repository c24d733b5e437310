package com.example.mkt.rest.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A database that cannot be reached (restarting, failing over, out of connections) is a temporary state of the
 * service, not a bug: 503 with Retry-After, so that a client retries instead of treating the answer as final. A
 * gateway client that took 500 as final would have dropped the sales it was sending while PostgreSQL restarted.
 * Recognised by SQLState and by class name, so this library needs no ORM or pool on its classpath.
 */
final class DatabaseOutage {

    /** Seconds a client is asked to wait: about what a PostgreSQL restart or a pool's reconnect takes. */
    static final String RETRY_AFTER_SECONDS = "5";
    /** Connection exceptions (08), operator intervention (57P01-57P03: shutdown, crash, cannot connect now),
     *  too many connections (53300). */
    private static final Set<String> STATES_PREFIX_08 = Set.of("08");
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");
    private static final Set<String> CLASSES = Set.of("org.hibernate.exception.JDBCConnectionException",
            "io.agroal.pool.util.AgroalConnectionAcquisitionTimeoutException");

    private DatabaseOutage() {
    }

    /** 503 when {@code e} says the database cannot be reached, else null. */
    static ApiException translate(Throwable e) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException
                    || CLASSES.contains(t.getClass().getName()) || unreachable(t)) {
                return new ApiException(503, "database-unavailable", "Service unavailable",
                        "the service's database cannot be reached at the moment; retry after "
                                + RETRY_AFTER_SECONDS + " s", null, null, Map.of("Retry-After", RETRY_AFTER_SECONDS));
            }
        }
        return null;
    }

    private static boolean unreachable(Throwable t) {
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return STATES.contains(state) || STATES_PREFIX_08.contains(state.substring(0, Math.min(2, state.length())));
        }
        // Agroal's "Acquisition timeout while waiting for new connection" carries no SQLState
        return t instanceof SQLException && String.valueOf(t.getMessage()).startsWith("Acquisition timeout");
    }
}
