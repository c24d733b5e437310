package com.example.mkt.kpi.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Places periods on the time line of the business zone (Asia/Shanghai by default, docs/domain.md#business-locale).
 *
 * <p>Boundaries are half-open: {@code [start, end)}. 2026-01-31T16:00Z is already 2026-02-01 in Shanghai and so falls
 * in February.
 */
public final class PeriodCalendar {

    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private final ZoneId zone;

    public PeriodCalendar(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public static PeriodCalendar business() {
        return new PeriodCalendar(BUSINESS_ZONE);
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public Period containing(Instant instant, PeriodType type) {
        return Period.containing(dayOf(instant), type);
    }

    /** One period of each type that contains the instant. */
    public Map<PeriodType, Period> allContaining(Instant instant) {
        LocalDate day = dayOf(instant);
        Map<PeriodType, Period> periods = new EnumMap<>(PeriodType.class);
        for (PeriodType type : PeriodType.values()) {
            periods.put(type, Period.containing(day, type));
        }
        return periods;
    }

    public Instant start(Period period) {
        return period.startDate().atStartOfDay(zone).toInstant();
    }

    /** Exclusive end: the start of the next period. */
    public Instant end(Period period) {
        return period.endDateExclusive().atStartOfDay(zone).toInstant();
    }

    public boolean contains(Period period, Instant instant) {
        return !instant.isBefore(start(period)) && instant.isBefore(end(period));
    }
}
