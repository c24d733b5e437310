package com.example.mkt.eventing.consumer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

/** Outages are retried in place; failures caused by the event itself go on towards the dead-letter topic. */
class TransientFailureTest {

    @Test
    void databaseOutagesAndConflictsAreTransient() {
        assertTrue(EventConsumer.isTransient(new SQLTransientConnectionException("pool exhausted")));
        assertTrue(EventConsumer.isTransient(new RuntimeException(new SQLException("gone", "08006"))));
        assertTrue(EventConsumer.isTransient(new SQLException("could not serialize", "40001")));
        assertTrue(EventConsumer.isTransient(new SQLException("deadlock detected", "40P01")));
        assertTrue(EventConsumer.isTransient(new SQLException("admin shutdown", "57P01")));
    }

    @Test
    void badDataIsNotTransient() {
        assertFalse(EventConsumer.isTransient(new SQLException("value too long", "22001")));
        assertFalse(EventConsumer.isTransient(new SQLException("unique violation", "23505")));
        assertFalse(EventConsumer.isTransient(new IllegalArgumentException("amount")));
        assertFalse(EventConsumer.isTransient(new PoisonEventException("unknown customer",
                new SQLException("gone", "08006"))));
    }
}
