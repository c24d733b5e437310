package com.example.mkt.campaign.lifecycle;

public enum ApprovalVerdict {
    APPROVE,
    REJECT
}
