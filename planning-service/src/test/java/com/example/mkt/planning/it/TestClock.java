package com.example.mkt.planning.it;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

/**
 * Replaces the system clock (a default bean) in tests: real time until a test sets an instant, so deadline edges
 * are crossed by moving the clock, never by waiting.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Instant fixed;

    public void set(Instant instant) {
        this.fixed = instant;
    }

    /** {@code local} read in Asia/Shanghai, e.g. {@code 2026-05-08T17:59:00}. */
    public void setShanghai(String local) {
        set(java.time.LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    public void reset() {
        this.fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Instant at = instant();
        return Clock.fixed(at, zone);
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }
}
