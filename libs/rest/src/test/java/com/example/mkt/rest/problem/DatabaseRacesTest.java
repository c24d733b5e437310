package com.example.mkt.rest.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class DatabaseRacesTest {

    /** Named as the ORM names it: recognised without the ORM on the classpath. */
    static final class StaleObjectStateException extends RuntimeException {
    }

    @Test
    void aUniqueViolationAnywhereInTheChainIsAConflict() {
        RuntimeException wrapped = new RuntimeException("commit failed",
                new IllegalStateException(new SQLException("duplicate key value", "23505")));
        ApiException e = DatabaseRaces.translate(wrapped);
        assertEquals(409, e.status());
        assertEquals("conflict", e.type());
    }

    @Test
    void otherDatabaseFailuresStayServerFailures() {
        assertNull(DatabaseRaces.translate(new RuntimeException(new SQLException("deadlock", "40P01"))));
        assertNull(DatabaseRaces.translate(new SQLException("no such column", "42703")));
        assertNull(DatabaseRaces.translate(new NullPointerException()));
    }

    @Test
    void aLostOptimisticLockIsAStalePrecondition() {
        // Only the class name matters; a local class of another package does not count.
        assertNull(DatabaseRaces.translate(new StaleObjectStateException()));
        class OptimisticLockException extends RuntimeException {
        }
        assertNull(DatabaseRaces.translate(new OptimisticLockException()));
        ApiException e = DatabaseRaces.translate(new RuntimeException(new jakarta.persistence.OptimisticLockException()));
        assertEquals(412, e.status());
        assertEquals("stale", e.type());
    }

    @Test
    void aCyclicCauseChainEnds() {
        RuntimeException a = new RuntimeException();
        RuntimeException b = new RuntimeException(a);
        a.initCause(b);
        assertNull(DatabaseRaces.translate(a));
    }
}
