package com.example.mkt.planning.plan;

import java.time.LocalDate;

/** A dated checkpoint within a phase, e.g. "建成4-5个样板市场". */
public record Milestone(String name, LocalDate due) {
}
