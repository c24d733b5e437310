package com.example.mkt.campaign.attribution;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A named span of business-zone wall-clock time, start inclusive and end exclusive, e.g. the campaign period
 * 2018-05-01 to 2018-10-31 or its summer-autumn sub-window June to October.
 * Wall-clock rather than instants, because campaigns are announced in local days.
 */
public record SalesWindow(String name, LocalDateTime start, LocalDateTime end) {

    public SalesWindow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("window " + name + " must start before it ends");
        }
    }

    /** Whole days as announced, "2018年5月1日-2018年10月31日": the last day counts to its midnight. */
    public static SalesWindow ofDays(String name, LocalDate firstDay, LocalDate lastDay) {
        return new SalesWindow(name, firstDay.atStartOfDay(), lastDay.plusDays(1).atStartOfDay());
    }

    public boolean contains(Instant at, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        return !local.isBefore(start) && local.isBefore(end);
    }

    public boolean covers(SalesWindow other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public Instant startInstant(ZoneId zone) {
        return start.atZone(zone).toInstant();
    }

    public Instant endInstant(ZoneId zone) {
        return end.atZone(zone).toInstant();
    }
}
