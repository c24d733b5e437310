package com.example.mkt.customer.lifecycle;

/** Which rule decided the stage, for the change event and the customer page. */
public enum LifecycleReason {
    NEVER_PURCHASED,
    RECENT_FIRST_PURCHASE,
    IDLE_TOO_LONG,
    SPEND_FELL,
    IDLE_CHURNED,
    RETURNED_AFTER_CHURN,
    BUYING_REGULARLY
}
