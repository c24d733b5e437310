package com.example.mkt.campaign.lifecycle;

/** What the pilot report decides ("确定是否可全面进行推广"). */
public enum PilotOutcome {
    /** Roll out: the campaign becomes ACTIVE. */
    PROCEED,
    /** Change the campaign first: back to DRAFT and through approval again. */
    REVISE,
    /** Do not roll out: the campaign is CLOSED and evaluated. */
    STOP
}
