package com.example.mkt.customer.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The business calendar the rules are written in: days, months and weeks are those of
 * Asia/Shanghai (docs/domain.md#business-locale), so 2026-01-31T16:00Z already belongs to February.
 */
public final class BusinessTime {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private BusinessTime() {
    }

    public static LocalDate dateOf(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }

    public static YearMonth monthOf(Instant instant, ZoneId zone) {
        return YearMonth.from(instant.atZone(zone));
    }

    /** The first instant of {@code date} in {@code zone}; deadlines "by the end of day D" are {@code startOf(D + 1)}, exclusive. */
    public static Instant startOf(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }
}
