package com.example.mkt.customer.complaint;

public enum ComplaintAction {
    ASSIGN,
    START,
    ESCALATE,
    RESOLVE,
    CLOSE,
    REOPEN
}
