package com.example.mkt.customer.care;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which care tasks a customer should have on a given business-zone day: every occasion whose lead time
 * has begun and which is not yet past ({@code createOn <= today <= occasionDate}). Run daily (or after
 * a grade/tier change); earlier days' tasks come back with the same keys and are ignored on insert.
 * A 29 February birthday is celebrated on 28 February in common years.
 */
public final class CarePlanner {

    public static final String BIRTHDAY = "BIRTHDAY";
    public static final String TRIP = "TRIP";

    private final CarePolicy policy;
    private final FestivalCalendar calendar;

    public CarePlanner(CarePolicy policy, FestivalCalendar calendar) {
        this.policy = policy;
        this.calendar = calendar;
    }

    public List<CareTask> tasksFor(String customerId, CareLevel level, Optional<MonthDay> birthday, LocalDate today) {
        List<CareTask> candidates = new ArrayList<>();
        // an occasion early next year can already be inside its lead time in late December
        for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
            for (Festival festival : policy.festivals()) {
                candidates.add(CareTask.of(customerId, festival.name(), calendar.dateOf(festival, year),
                        policy.leadDays(), policy.festivalActions().get(level)));
            }
            if (birthday.isPresent()) {
                candidates.add(CareTask.of(customerId, BIRTHDAY, birthday.get().atYear(year),
                        policy.leadDays(), policy.birthdayActions().get(level)));
            }
            if (level == CareLevel.A && policy.tripFestival().isPresent()) {
                candidates.add(CareTask.of(customerId, TRIP, calendar.dateOf(policy.tripFestival().get(), year),
                        policy.tripLeadDays(), policy.tripAction()));
            }
        }
        return candidates.stream()
                .filter(t -> !today.isBefore(t.createOn()) && !today.isAfter(t.occasionDate()))
                .sorted(Comparator.comparing(CareTask::occasionDate).thenComparing(CareTask::key))
                .toList();
    }
}
