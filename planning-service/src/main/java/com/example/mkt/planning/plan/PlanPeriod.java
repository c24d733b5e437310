package com.example.mkt.planning.plan;

import java.time.LocalDate;
import java.util.Objects;

/** A span of business days, both ends inclusive, read in the business zone (Asia/Shanghai). */
public record PlanPeriod(LocalDate start, LocalDate end) {

    public PlanPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("period ends " + end + " before it starts " + start);
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    public boolean contains(PlanPeriod other) {
        return contains(other.start) && contains(other.end);
    }

    public boolean overlaps(PlanPeriod other) {
        return !other.end.isBefore(start) && !other.start.isAfter(end);
    }
}
