package com.example.mkt.planning.plan;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.planning.approval.ApprovalAction;
import com.example.mkt.planning.approval.ApprovalStep;

/**
 * One {@code plan.*} event per recorded approval step, keyed by plan id, so consumers (KPIs, dashboards) follow a
 * plan's life without reading its content.
 */
public final class PlanEvents {

    public static final String TOPIC = "planning.events";

    /** The event type of each step: {@code plan.<past tense of the action>}. */
    public static final Map<ApprovalAction, String> TYPES = Map.ofEntries(
            Map.entry(ApprovalAction.CREATE, "plan.created"),
            Map.entry(ApprovalAction.SUBMIT, "plan.submitted"),
            Map.entry(ApprovalAction.WITHDRAW, "plan.withdrawn"),
            Map.entry(ApprovalAction.START_REVIEW, "plan.review-started"),
            Map.entry(ApprovalAction.APPROVE, "plan.approved"),
            Map.entry(ApprovalAction.REJECT, "plan.rejected"),
            Map.entry(ApprovalAction.REVISE, "plan.revised"),
            Map.entry(ApprovalAction.DISCARD, "plan.discarded"),
            Map.entry(ApprovalAction.AMEND, "plan.amended"),
            Map.entry(ApprovalAction.SUPERSEDE, "plan.superseded"));

    public record StepData(String planId, String kind, String ownerOrgUnit, String title, int version, String action,
            String from, String to, String actorId, OffsetDateTime at, String note) {
    }

    private PlanEvents() {
    }

    static OutboundEvent of(PlanEntity plan, ApprovalStep step, ZoneId zone) {
        return new OutboundEvent(TOPIC, TYPES.get(step.action()), 1, plan.id, new StepData(plan.id, plan.kind.name(),
                plan.ownerOrgUnit, plan.title, step.version(), step.action().name(),
                step.from() == null ? null : step.from().name(), step.to().name(), step.actorId(),
                step.at().atZone(zone).toOffsetDateTime(), step.note()));
    }
}
