package com.example.mkt.customer.credit;

public enum CreditChangeAction {
    /** Complete the current step: file, verify or approve. */
    APPROVE,
    REJECT,
    /** Hand an overdue step to the level above; once per step. */
    ESCALATE,
    /** Head office takes longer with the marketing director's consent; once. */
    EXTEND,
    WITHDRAW
}
