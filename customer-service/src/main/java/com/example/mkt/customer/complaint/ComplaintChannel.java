package com.example.mkt.customer.complaint;

/** How a complaint reached us (DOMAIN.md §1 "Complaints", {@code 000:207}, {@code 004:995}). */
public enum ComplaintChannel {
    HOTLINE,
    WEB,
    EMAIL,
    VISIT,
    SUGGESTION_BOX
}
