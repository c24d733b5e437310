package com.example.mkt.customer.lifecycle;

/**
 * Where a customer is in the relationship (docs/domain.md#customer-lifecycle). Derived, never commanded:
 * {@link LifecycleRule} recomputes it from purchase figures and the clock, so there is no transition
 * command to refuse; the usual path is PROSPECT, NEW, ACTIVE, AT_RISK, CHURNED, WON_BACK, ACTIVE.
 */
public enum LifecycleStage {
    PROSPECT,
    NEW,
    ACTIVE,
    AT_RISK,
    CHURNED,
    WON_BACK
}
