package com.example.mkt.customer.complaint;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Complaint deadlines (docs/domain.md#complaints: first response 24h by default, resolution by
 * severity). The business gives no resolution times; defaults: LOW 7 days, MEDIUM 3 days, HIGH 2 days,
 * SERIOUS 1 day, all elapsed time from receipt (a hotline runs around the clock). A
 * closed complaint can be reopened within 30 days of closing; later the customer files a new one.
 */
public record ComplaintSlaPolicy(Map<ComplaintSeverity, Duration> firstResponse,
                                 Map<ComplaintSeverity, Duration> resolution, Duration reopenWindow) {

    public ComplaintSlaPolicy {
        firstResponse = complete(firstResponse, "firstResponse");
        resolution = complete(resolution, "resolution");
        if (Objects.requireNonNull(reopenWindow, "reopenWindow").isNegative()) {
            throw new IllegalArgumentException("reopenWindow must not be negative");
        }
    }

    public static ComplaintSlaPolicy defaults() {
        Map<ComplaintSeverity, Duration> response = new EnumMap<>(ComplaintSeverity.class);
        for (ComplaintSeverity s : ComplaintSeverity.values()) {
            response.put(s, Duration.ofHours(24));
        }
        return new ComplaintSlaPolicy(response, Map.of(
                ComplaintSeverity.LOW, Duration.ofDays(7),
                ComplaintSeverity.MEDIUM, Duration.ofDays(3),
                ComplaintSeverity.HIGH, Duration.ofDays(2),
                ComplaintSeverity.SERIOUS, Duration.ofDays(1)), Duration.ofDays(30));
    }

    public Duration firstResponseFor(ComplaintSeverity severity) {
        return firstResponse.get(severity);
    }

    public Duration resolutionFor(ComplaintSeverity severity) {
        return resolution.get(severity);
    }

    private static Map<ComplaintSeverity, Duration> complete(Map<ComplaintSeverity, Duration> given, String what) {
        EnumMap<ComplaintSeverity, Duration> copy = new EnumMap<>(ComplaintSeverity.class);
        copy.putAll(given);
        for (ComplaintSeverity s : ComplaintSeverity.values()) {
            Duration d = copy.get(s);
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " needs a positive duration for " + s);
            }
        }
        return Map.copyOf(copy);
    }
}
