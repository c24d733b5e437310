package com.example.mkt.campaign.campaign;

import com.example.mkt.eventing.outbox.OutboundEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/** The events this service publishes on campaign.events, keyed by campaign id (docs: schemas/campaign.*.v1.json). */
public final class CampaignEvents {

    public static final String TOPIC = "campaign.events";

    public static final String CREATED = "campaign.created";
    public static final String UPDATED = "campaign.updated";
    public static final String TARGETS_ALLOCATED = "campaign.targets-allocated";
    public static final String SUBMITTED = "campaign.submitted";
    public static final String LEVEL_APPROVED = "campaign.level-approved";
    public static final String APPROVED = "campaign.approved";
    public static final String REJECTED = "campaign.rejected";
    public static final String REOPENED = "campaign.reopened";
    public static final String PILOT_STARTED = "campaign.pilot-started";
    public static final String PILOT_CONCLUDED = "campaign.pilot-concluded";
    public static final String PILOT_OVERDUE = "campaign.pilot-overdue";
    public static final String ACTIVATED = "campaign.activated";
    public static final String CLOSED = "campaign.closed";
    public static final String EVALUATED = "campaign.evaluated";
    public static final String WITHDRAWN = "campaign.withdrawn";
    public static final String ARCHIVED = "campaign.archived";
    public static final String RESTORED = "campaign.restored";
    public static final String PROGRESS_CHANGED = "campaign.progress-changed";
    public static final String TARGET_REACHED = "campaign.target-reached";
    public static final String AWARDS_COMPUTED = "campaign.awards-computed";

    private CampaignEvents() {
    }

    public static OutboundEvent of(String type, String campaignId, Object data) {
        return new OutboundEvent(TOPIC, type, 1, campaignId, data);
    }

    /** The common data of every lifecycle event; {@code extra} adds the move's own facts. */
    public static OutboundEvent lifecycle(String type, Campaign c, String previousState, String actor, String at,
                                          Map<String, Object> extra) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("campaignId", c.id);
        data.put("code", c.code);
        data.put("orgUnit", c.orgUnit);
        data.put("state", c.state);
        data.put("previousState", previousState);
        data.put("actor", actor);
        data.put("occurredAt", at);
        data.putAll(extra);
        return of(type, c.id, data);
    }
}
