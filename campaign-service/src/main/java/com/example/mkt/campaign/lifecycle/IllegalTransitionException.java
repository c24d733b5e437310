package com.example.mkt.campaign.lifecycle;

import java.util.Set;

/**
 * A move the lifecycle does not allow from the campaign's current state. The REST layer answers 409 with
 * {@link #allowed()}.
 */
public final class IllegalTransitionException extends RuntimeException {

    private final CampaignState current;
    private final CampaignState attempted;
    private final Set<CampaignState> allowed;

    public IllegalTransitionException(CampaignState current, CampaignState attempted, Set<CampaignState> allowed,
                                      String detail) {
        super("cannot go from " + current + " to " + attempted + " (allowed: " + allowed + ")"
                + (detail == null ? "" : ": " + detail));
        this.current = current;
        this.attempted = attempted;
        this.allowed = Set.copyOf(allowed);
    }

    public CampaignState current() {
        return current;
    }

    public CampaignState attempted() {
        return attempted;
    }

    public Set<CampaignState> allowed() {
        return allowed;
    }
}
