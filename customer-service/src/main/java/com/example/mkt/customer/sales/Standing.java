package com.example.mkt.customer.sales;

/** The figures of a customer that are derived from sales, as stored on the customer row. */
public record Standing(String customerId, String orgUnit, String tier, boolean vip, String creditTier,
        String lifecycleStage, int valueScore, boolean vipNominated) {
}
