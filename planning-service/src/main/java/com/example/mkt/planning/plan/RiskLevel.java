package com.example.mkt.planning.plan;

/** Bands of the risk score; boundaries are {@link RiskPolicy}'s. */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
