package com.example.mkt.rest.problem;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Two clients racing for the same row are the clients' business, not a server failure: the loser of an
 * optimistic-lock check (two updates with the same If-Match) gets 412, the loser of a unique key (two creates
 * of the same code) gets 409. Recognised by SQLState and by class name, so this library needs no ORM.
 */
final class DatabaseRaces {

    /** PostgreSQL: unique_violation. */
    static final String UNIQUE_VIOLATION = "23505";
    private static final Set<String> STALE = Set.of("jakarta.persistence.OptimisticLockException",
            "org.hibernate.StaleObjectStateException", "org.hibernate.StaleStateException",
            "org.hibernate.dialect.lock.OptimisticEntityLockException");

    private DatabaseRaces() {
    }

    /** The client's problem behind {@code e}, or null when it is a genuine server failure. */
    static ApiException translate(Throwable e) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (STALE.contains(t.getClass().getName())) {
                return ApiException.stale("the resource was changed by someone else meanwhile; read it again and retry",
                        null);
            }
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return ApiException.conflict("it already exists (another request created it first)");
            }
        }
        return null;
    }
}
