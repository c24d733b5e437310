package com.example.mkt.kpi.customer;

import static com.example.mkt.kpi.rollup.FactFields.bool;
import static com.example.mkt.kpi.rollup.FactFields.code;
import static com.example.mkt.kpi.rollup.FactFields.instant;
import static com.example.mkt.kpi.rollup.FactFields.staff;
import static com.example.mkt.kpi.rollup.FactFields.text;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.rollup.Fact;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads customer-service's events (v1) into facts. Only the fields the KPIs need are read; other types on
 * {@code customer.events} and unknown fields are ignored. Each fact's source id is a business key, so the same
 * business fact arriving in another envelope (or twice, for follow-ups and complaints) is counted once:
 *
 * <ul>
 * <li>{@code customer.registered} → NEW_CUSTOMERS +1 at {@code registeredAt} (every new customer file, prospects from
 * sales included); key {@code customer:<customerId>}; staff: {@code salesperson}.</li>
 * <li>{@code follow-up.completed} / {@code follow-up.overdue} → FOLLOW_UP_COMPLETION_RATE, one fact per follow-up
 * task (key {@code follow-up:<taskKey>}) in the period of its deadline {@code dueBy}: denominator 1 (the task fell
 * due), numerator 1 only when completed on time ({@code late = false}). A task reported overdue and completed later
 * is the first fact only: due, not done on time, never twice in the denominator. Staff: {@code salesperson}.</li>
 * <li>{@code complaint.resolved} / {@code complaint.closed} → COMPLAINT_ON_TIME_RATE, one fact per complaint (key
 * {@code complaint:<complaintId>}, the first of the two that arrives: a reopened and re-resolved complaint keeps its
 * first outcome) at {@code at}: numerator {@code slaMet ? 1 : 0}, denominator 1. Staff: {@code assignee} (absent or
 * null for an unassigned complaint, which counts for its unit only).</li>
 * <li>{@code survey.answered} → SATISFACTION_RATE at {@code answeredAt}: numerator {@code satisfied ? 1 : 0},
 * denominator 1; key {@code survey:<answerId>}; staff: {@code salesperson}.</li>
 * <li>{@code customer.lifecycle-changed} → CHURN_RATE at {@code changedAt}, of the customers whose fate was decided
 * in the period: a move to CHURNED adds 1/1 (lost), a move from AT_RISK to any other stage adds 0/1 (kept). Key
 * {@code lifecycle:<customerId>:<changedAt>}. Other moves do not change churn.</li>
 * </ul>
 */
public final class CustomerFacts {

    public static final String REGISTERED = "customer.registered";
    public static final String LIFECYCLE_CHANGED = "customer.lifecycle-changed";
    public static final String FOLLOW_UP_COMPLETED = "follow-up.completed";
    public static final String FOLLOW_UP_OVERDUE = "follow-up.overdue";
    public static final String COMPLAINT_RESOLVED = "complaint.resolved";
    public static final String COMPLAINT_CLOSED = "complaint.closed";
    public static final String SURVEY_ANSWERED = "survey.answered";

    private CustomerFacts() {
    }

    /** The fact of one event, or empty for types and changes that move no KPI. Poison for unreadable data. */
    public static Optional<Fact> read(String type, JsonNode data) {
        return switch (type) {
            case REGISTERED -> Optional.of(fact("customer:" + text(data, type, "customerId"), type,
                    KpiCatalogue.NEW_CUSTOMERS, data, staff(data, type, "salesperson"),
                    instant(data, type, "registeredAt"), BigDecimal.ONE, BigDecimal.ZERO));
            case FOLLOW_UP_COMPLETED -> Optional.of(fact("follow-up:" + text(data, type, "taskKey"), type,
                    KpiCatalogue.FOLLOW_UP_COMPLETION_RATE, data, staff(data, type, "salesperson"),
                    instant(data, type, "dueBy"), bool(data, type, "late") ? BigDecimal.ZERO : BigDecimal.ONE,
                    BigDecimal.ONE));
            case FOLLOW_UP_OVERDUE -> Optional.of(fact("follow-up:" + text(data, type, "taskKey"), type,
                    KpiCatalogue.FOLLOW_UP_COMPLETION_RATE, data, staff(data, type, "salesperson"),
                    instant(data, type, "dueBy"), BigDecimal.ZERO, BigDecimal.ONE));
            case COMPLAINT_RESOLVED, COMPLAINT_CLOSED -> Optional.of(fact("complaint:" + text(data, type, "complaintId"),
                    type, KpiCatalogue.COMPLAINT_ON_TIME_RATE, data, staff(data, type, "assignee"),
                    instant(data, type, "at"),
                    bool(data, type, "slaMet") ? BigDecimal.ONE : BigDecimal.ZERO, BigDecimal.ONE));
            case SURVEY_ANSWERED -> Optional.of(fact("survey:" + text(data, type, "answerId"), type,
                    KpiCatalogue.SATISFACTION_RATE, data, staff(data, type, "salesperson"),
                    instant(data, type, "answeredAt"), bool(data, type, "satisfied") ? BigDecimal.ONE : BigDecimal.ZERO,
                    BigDecimal.ONE));
            case LIFECYCLE_CHANGED -> churn(data);
            default -> Optional.empty();
        };
    }

    private static Optional<Fact> churn(JsonNode data) {
        String type = LIFECYCLE_CHANGED;
        String from = text(data, type, "from");
        String to = text(data, type, "to");
        BigDecimal lost;
        if ("CHURNED".equals(to) && !"CHURNED".equals(from)) {
            lost = BigDecimal.ONE;
        } else if ("AT_RISK".equals(from) && !"AT_RISK".equals(to)) {
            lost = BigDecimal.ZERO;
        } else {
            return Optional.empty();
        }
        Instant at = instant(data, type, "changedAt");
        return Optional.of(fact("lifecycle:" + text(data, type, "customerId") + ":" + at, type, KpiCatalogue.CHURN_RATE,
                data, null, at, lost, BigDecimal.ONE));
    }

    private static Fact fact(String sourceId, String type, String kpi, JsonNode data, String staff, Instant at,
            BigDecimal numerator, BigDecimal denominator) {
        return new Fact(sourceId, type, kpi, code(data, type, "orgUnit"), staff, at, numerator, denominator);
    }
}
