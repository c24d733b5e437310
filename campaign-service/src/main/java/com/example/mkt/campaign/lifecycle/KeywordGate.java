package com.example.mkt.campaign.lifecycle;

/** What keyword hits do to a campaign entering review. */
public enum KeywordGate {
    /** Hits are shown to the reviewers, who decide (the filter "helps the review"). */
    FLAG,
    /** Any hit sends the campaign back to DRAFT before a reviewer sees it. */
    BLOCK
}
