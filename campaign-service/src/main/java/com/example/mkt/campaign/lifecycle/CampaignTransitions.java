package com.example.mkt.campaign.lifecycle;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static com.example.mkt.campaign.lifecycle.CampaignState.ACTIVE;
import static com.example.mkt.campaign.lifecycle.CampaignState.APPROVED;
import static com.example.mkt.campaign.lifecycle.CampaignState.ARCHIVED;
import static com.example.mkt.campaign.lifecycle.CampaignState.CLOSED;
import static com.example.mkt.campaign.lifecycle.CampaignState.DRAFT;
import static com.example.mkt.campaign.lifecycle.CampaignState.IN_REVIEW;
import static com.example.mkt.campaign.lifecycle.CampaignState.PILOT;
import static com.example.mkt.campaign.lifecycle.CampaignState.SUBMITTED;
import static com.example.mkt.campaign.lifecycle.CampaignState.WITHDRAWN;

/**
 * The transition table of the campaign lifecycle (docs/domain.md#campaign-lifecycle).
 *
 * <p>Beyond the documented main line, four returns to DRAFT exist because real campaigns need them: a
 * submitter recalls before review starts (or the keyword gate sends it back), a reviewer rejects, an approved
 * campaign is reopened for changes (which must be approved again), and a pilot report asks for revision.
 * A pilot report may also stop the campaign (PILOT to CLOSED: "确定是否可全面进行推广").
 * APPROVED goes straight to ACTIVE only when the policy does not require a pilot. Withdrawn campaigns can be
 * archived like closed ones; restoring returns to the state archived from.
 */
public final class CampaignTransitions {

    private final Map<CampaignState, Set<CampaignState>> table;

    public CampaignTransitions(LifecyclePolicy policy) {
        Map<CampaignState, Set<CampaignState>> t = new EnumMap<>(CampaignState.class);
        t.put(DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN));
        t.put(SUBMITTED, EnumSet.of(IN_REVIEW, DRAFT, WITHDRAWN));
        t.put(IN_REVIEW, EnumSet.of(APPROVED, DRAFT, WITHDRAWN));
        t.put(APPROVED, policy.pilotRequired()
                ? EnumSet.of(PILOT, DRAFT, WITHDRAWN)
                : EnumSet.of(PILOT, ACTIVE, DRAFT, WITHDRAWN));
        t.put(PILOT, EnumSet.of(ACTIVE, DRAFT, CLOSED, WITHDRAWN));
        t.put(ACTIVE, EnumSet.of(CLOSED, WITHDRAWN));
        t.put(CLOSED, EnumSet.of(ARCHIVED));
        t.put(ARCHIVED, EnumSet.of(CLOSED, WITHDRAWN));
        t.put(WITHDRAWN, EnumSet.of(ARCHIVED));
        t.replaceAll((state, next) -> Collections.unmodifiableSet(next));
        this.table = Collections.unmodifiableMap(t);
    }

    /** Every state reachable in one step from {@code from}, ignoring per-campaign guards. */
    public Set<CampaignState> allowedNext(CampaignState from) {
        return table.get(from);
    }

    public boolean isAllowed(CampaignState from, CampaignState to) {
        return table.get(from).contains(to);
    }
}
