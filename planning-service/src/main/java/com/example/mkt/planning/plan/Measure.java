package com.example.mkt.planning.plan;

/** A measure ("措施") the plan takes to reach its goals. */
public record Measure(String description) {
}
