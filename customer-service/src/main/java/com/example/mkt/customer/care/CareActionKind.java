package com.example.mkt.customer.care;

public enum CareActionKind {
    /** The A customer's yearly trip (in-province, {@code 003:721}). */
    TRIP,
    GIFT,
    CARD,
    /** A greeting by text message ({@code 003:715}). */
    SMS
}
