package com.example.mkt.customer.followup;

/** How a follow-up was actually made (DOMAIN.md §1: phone, visit, letter, IM; {@code 000:197}). */
public enum ContactChannel {
    PHONE,
    VISIT,
    LETTER,
    IM
}
