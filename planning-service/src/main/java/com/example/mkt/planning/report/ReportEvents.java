package com.example.mkt.planning.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import com.example.mkt.eventing.outbox.OutboundEvent;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Events of periodic reports on {@code planning.events}, keyed by report id. {@code report.flagged} is what KPIs
 * count: a report that missed its deadline ({@code final} false while the late window is open, true once it has
 * closed) or a submission that came LATE or OVERDUE (always final).
 */
public final class ReportEvents {

    public static final String TOPIC = "planning.events";
    public static final String SUBMITTED = "report.submitted";
    public static final String FLAGGED = "report.flagged";
    public static final String REMINDED = "report.reminded";

    public record Submitted(String reportId, String staffId, String orgUnit, String kind, String period, String status,
            OffsetDateTime submittedAt, OffsetDateTime dueAt, OffsetDateTime lateUntil, String lateReason) {
    }

    public record Flagged(String reportId, String staffId, String orgUnit, String kind, String period, String status,
            @JsonProperty("final") boolean isFinal, OffsetDateTime dueAt, OffsetDateTime lateUntil,
            OffsetDateTime submittedAt) {
    }

    public record Reminded(String reportId, String staffId, String orgUnit, String kind, String period,
            OffsetDateTime dueAt) {
    }

    private ReportEvents() {
    }

    static OutboundEvent submitted(ReportEntity r, ZoneId zone) {
        return new OutboundEvent(TOPIC, SUBMITTED, 1, r.id, new Submitted(r.id, r.staffId, r.orgUnit, r.kind.name(),
                r.period, r.status.name(), at(r.submittedAt, zone), at(r.dueAt, zone), at(r.lateUntil, zone),
                r.lateReason));
    }

    static OutboundEvent flagged(ReportEntity r, ReportStatus status, boolean isFinal, ZoneId zone) {
        return new OutboundEvent(TOPIC, FLAGGED, 1, r.id, new Flagged(r.id, r.staffId, r.orgUnit, r.kind.name(),
                r.period, status.name(), isFinal, at(r.dueAt, zone), at(r.lateUntil, zone), at(r.submittedAt, zone)));
    }

    static OutboundEvent reminded(ReportEntity r, ZoneId zone) {
        return new OutboundEvent(TOPIC, REMINDED, 1, r.id, new Reminded(r.id, r.staffId, r.orgUnit, r.kind.name(),
                r.period, at(r.dueAt, zone)));
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
