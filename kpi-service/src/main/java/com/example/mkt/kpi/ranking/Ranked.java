package com.example.mkt.kpi.ranking;

import java.math.BigDecimal;

/** A subject's place in a ranking; equal values share a rank. */
public record Ranked<K>(K subject, BigDecimal value, int rank) {
}
