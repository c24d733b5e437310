package com.example.mkt.customer.grade;

import com.example.mkt.customer.shared.BusinessWeek;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One grade change with its reason (docs/domain.md#grades: "every change keeps history with reason and shows in
 * the weekly report"). The caller keeps the history.
 *
 * @param from empty for the first grade given to a customer
 */
public record GradeChange(String customerId, Optional<CustomerGrade> from, CustomerGrade to, String reason,
                          String changedBy, Instant changedAt) {

    public GradeChange {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a grade change needs a reason");
        }
        if (from.isPresent() && from.get() == to) {
            throw new IllegalArgumentException("grade is already " + to);
        }
    }

    public boolean isUpgrade() {
        return from.map(f -> to.ordinal() < f.ordinal()).orElse(false);
    }

    public BusinessWeek week(ZoneId zone) {
        return BusinessWeek.of(changedAt.atZone(zone).toLocalDate());
    }

    /** The changes for one weekly report, oldest first. */
    public static List<GradeChange> inWeek(Collection<GradeChange> changes, BusinessWeek week, ZoneId zone) {
        return changes.stream()
                .filter(c -> c.week(zone).equals(week))
                .sorted(Comparator.comparing(GradeChange::changedAt).thenComparing(GradeChange::customerId))
                .toList();
    }
}
