package com.example.mkt.customer.tier;

public enum NominationAction {
    APPROVE,
    REJECT
}
