package com.example.mkt.customer.followup;

/** How a follow-up was actually made (docs/domain.md#contact-cadence-and-follow-ups: phone, visit, letter, IM). */
public enum ContactChannel {
    PHONE,
    VISIT,
    LETTER,
    IM
}
