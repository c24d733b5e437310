package com.example.mkt.customer.care;

import java.time.LocalDate;

/**
 * A care action to prepare. The key ({@code c-123:CARE:MID_AUTUMN:2026}, {@code c-123:CARE:BIRTHDAY:2026},
 * {@code c-123:CARE:TRIP:2026}) is deterministic so replicas and reruns insert it once.
 *
 * @param occasion a {@link Festival} name, {@code BIRTHDAY} or {@code TRIP}
 * @param createOn the first day the task should exist (occasion minus lead time)
 */
public record CareTask(String key, String customerId, String occasion, LocalDate occasionDate, LocalDate createOn,
                       CareAction action) {

    static CareTask of(String customerId, String occasion, LocalDate date, int leadDays, CareAction action) {
        return new CareTask(customerId + ":CARE:" + occasion + ":" + date.getYear(), customerId, occasion, date,
                date.minusDays(leadDays), action);
    }
}
