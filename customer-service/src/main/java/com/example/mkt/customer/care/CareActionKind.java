package com.example.mkt.customer.care;

public enum CareActionKind {
    /** The A customer's yearly trip (in-province). */
    TRIP,
    GIFT,
    CARD,
    /** A greeting by text message. */
    SMS
}
