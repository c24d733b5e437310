package com.example.mkt.kpi.report;

import static com.example.mkt.kpi.rollup.FactFields.bool;
import static com.example.mkt.kpi.rollup.FactFields.code;
import static com.example.mkt.kpi.rollup.FactFields.instant;
import static com.example.mkt.kpi.rollup.FactFields.staff;
import static com.example.mkt.kpi.rollup.FactFields.text;

import java.math.BigDecimal;
import java.util.Optional;

import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.rollup.Fact;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads planning-service's report events (v1) into REPORT_ON_TIME_RATE facts: one fact per report (key
 * {@code report:<reportId>}), in the period of its deadline {@code dueAt}, for its author ({@code staffId}) and unit:
 * denominator 1 (the report fell due), numerator 1 only when it was handed in on time. Whatever settles the report
 * first counts, and nothing after it:
 * <ul>
 * <li>{@code report.submitted}: ON_TIME gives 1/1; LATE or OVERDUE 0/1;</li>
 * <li>{@code report.flagged} with {@code final = true} (the late window closed without a report, or the report came
 * late) gives 0/1. A flag that is not final (the deadline passed, the report may still come late) settles
 * nothing.</li>
 * </ul>
 * Weekly and monthly reports count together: a unit's rate for a month is its on-time reports over all its reports
 * due that month, of either kind. Other types on {@code planning.events} are ignored.
 */
public final class ReportFacts {

    public static final String SUBMITTED = "report.submitted";
    public static final String FLAGGED = "report.flagged";

    private ReportFacts() {
    }

    /** The fact of one event, or empty for types and flags that settle no report. Poison for unreadable data. */
    public static Optional<Fact> read(String type, JsonNode data) {
        return switch (type) {
            case SUBMITTED -> Optional.of(fact(type, data, "ON_TIME".equals(text(data, type, "status"))));
            case FLAGGED -> bool(data, type, "final") ? Optional.of(fact(type, data, false)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Fact fact(String type, JsonNode data, boolean onTime) {
        return new Fact("report:" + text(data, type, "reportId"), type, KpiCatalogue.REPORT_ON_TIME_RATE,
                code(data, type, "orgUnit"), staff(data, type, "staffId"), instant(data, type, "dueAt"),
                onTime ? BigDecimal.ONE : BigDecimal.ZERO, BigDecimal.ONE);
    }
}
