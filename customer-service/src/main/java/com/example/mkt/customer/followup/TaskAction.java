package com.example.mkt.customer.followup;

public enum TaskAction {
    COMPLETE,
    MARK_OVERDUE,
    CANCEL
}
