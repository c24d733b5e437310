package com.example.mkt.planning.plan;

/** Risk categories named by the plan templates (市场、技术、财务、法律风险). */
public enum RiskCategory {
    MARKET,
    TECHNOLOGY,
    FINANCIAL,
    LEGAL,
    OPERATIONAL,
    OTHER
}
