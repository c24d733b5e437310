package com.example.mkt.customer.followup;

import com.example.mkt.customer.grade.CustomerGrade;
import com.example.mkt.customer.shared.BusinessTime;
import com.example.mkt.customer.shared.BusinessWeek;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Generates the next due follow-ups of a customer from its grade and last completed contacts
 * ({@link ContactCadencePolicy}). Calls are planned in ISO weeks, visits in calendar months of the
 * business zone: the next slot is the last contact's week (month) plus the interval, or the current one
 * when there has been no contact. A slot already in the past is kept, not moved to today, so a missed
 * contact stays one overdue task instead of a new task every run; completing a contact moves the next
 * slot on.
 */
public final class FollowUpPlanner {

    private final ContactCadencePolicy policy;

    public FollowUpPlanner(ContactCadencePolicy policy) {
        this.policy = policy;
    }

    /** The next call and visit due for the customer; none for a grade without cadence. */
    public List<FollowUpTask> nextTasks(String customerId, CustomerGrade grade, Optional<Instant> lastCall,
                                        Optional<Instant> lastVisit, Instant now) {
        Optional<Cadence> cadence = policy.cadenceFor(grade);
        if (cadence.isEmpty()) {
            return List.of();
        }
        LocalDate today = date(now);
        Optional<Instant> lastSpoken = lastCall;
        if (policy.visitCountsAsCall() && lastVisit.isPresent()
                && (lastCall.isEmpty() || lastVisit.get().isAfter(lastCall.get()))) {
            lastSpoken = lastVisit;
        }
        BusinessWeek callWeek = lastSpoken
                .map(t -> BusinessWeek.of(date(t)).plusWeeks(cadence.get().callEveryWeeks()))
                .orElse(BusinessWeek.of(today));
        YearMonth visitMonth = lastVisit
                .map(t -> YearMonth.from(date(t)).plusMonths(cadence.get().visitEveryMonths()))
                .orElse(YearMonth.from(today));

        List<FollowUpTask> tasks = new ArrayList<>(2);
        tasks.add(FollowUpTask.open(customerId, ContactKind.CALL, callWeek.toString(),
                BusinessTime.startOf(callWeek.sunday().plusDays(1), policy.zone()), Optional.empty()));
        tasks.add(FollowUpTask.open(customerId, ContactKind.VISIT, visitMonth.toString(),
                BusinessTime.startOf(visitMonth.plusMonths(1).atDay(1), policy.zone()),
                Optional.of(cadence.get().visitAudience())));
        return tasks;
    }

    /**
     * A callback by the end of the N-th day after the sale, one per customer and purchase day (Shanghai): one call
     * covers every purchase of that day, where a callback per sale would ring a customer who bought five things
     * five times (and wrote a task per sale). Keyed by the day, so a resent or late sale of the same day adds
     * nothing.
     */
    public FollowUpTask afterSalesCallback(String customerId, Instant saleAt) {
        LocalDate saleDay = date(saleAt);
        LocalDate lastDay = saleDay.plusDays(policy.afterSalesCallbackDays());
        return FollowUpTask.open(customerId, ContactKind.AFTER_SALES_CALLBACK, saleDay.toString(),
                BusinessTime.startOf(lastDay.plusDays(1), policy.zone()), Optional.empty());
    }

    private LocalDate date(Instant instant) {
        return instant.atZone(policy.zone()).toLocalDate();
    }
}
