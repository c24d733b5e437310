package com.example.mkt.planning.plan;

/** Risk responses (风险规避、风险降低、风险转移、风险接受). */
public enum RiskResponse {
    AVOID,
    REDUCE,
    TRANSFER,
    ACCEPT
}
