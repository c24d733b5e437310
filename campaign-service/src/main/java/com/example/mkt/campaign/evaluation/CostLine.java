package com.example.mkt.campaign.evaluation;

import java.math.BigDecimal;
import java.util.Objects;

/** A budget line of the campaign with what was planned and what was spent. */
public record CostLine(String name, BigDecimal planned, BigDecimal spent) {

    public CostLine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(planned, "planned");
        Objects.requireNonNull(spent, "spent");
        if (planned.signum() < 0 || spent.signum() < 0) {
            throw new IllegalArgumentException("cost line " + name + " cannot be negative");
        }
    }
}
