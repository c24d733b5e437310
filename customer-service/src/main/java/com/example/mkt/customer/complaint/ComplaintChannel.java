package com.example.mkt.customer.complaint;

/** How a complaint reached us (docs/domain.md#complaints). */
public enum ComplaintChannel {
    HOTLINE,
    WEB,
    EMAIL,
    VISIT,
    SUGGESTION_BOX
}
