package com.example.mkt.planning.report;

import java.util.Objects;

/**
 * The deterministic identity of one report obligation, {@code staffId:KIND:period} (e.g.
 * {@code s-042:WEEKLY:2026-W19}). Two replicas generating obligations for the same week derive the same key, so
 * a unique constraint on it makes generation idempotent. Staff ids are opaque and may contain ':'; the key is
 * therefore parsed from the right.
 */
public record ReportKey(String staffId, ReportPeriod period) {

    public ReportKey {
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(period, "period");
    }

    public String value() {
        return staffId + ':' + period.kind() + ':' + period.label();
    }

    public static ReportKey parse(String value) {
        int labelSep = value.lastIndexOf(':');
        int kindSep = labelSep <= 0 ? -1 : value.lastIndexOf(':', labelSep - 1);
        if (kindSep <= 0) {
            throw new IllegalArgumentException("not a report key: " + value);
        }
        ReportKind kind;
        try {
            kind = ReportKind.valueOf(value.substring(kindSep + 1, labelSep));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a report key: " + value, e);
        }
        ReportPeriod period;
        try {
            period = ReportPeriod.parse(kind, value.substring(labelSep + 1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a report key: " + value, e);
        }
        return new ReportKey(value.substring(0, kindSep), period);
    }

    @Override
    public String toString() {
        return value();
    }
}
