package com.example.mkt.planning.approval;

import com.example.mkt.planning.plan.PlanKind;
import com.example.mkt.planning.plan.PlanPeriod;
import com.example.mkt.planning.validation.FieldError;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * When a plan may be drafted or amended: from {@link ApprovalPolicy#draftingLead} before its period starts (for
 * a calendar-year annual plan, 1 October of the year before; docs/domain.md#plan-approval-and-versions) until its
 * period ends. A plan for a period that is over is history and is not reworked; drafting long before the window would
 * plan on stale data.
 */
public final class DraftingWindow {

    private final ApprovalPolicy policy;

    public DraftingWindow(ApprovalPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public LocalDate opensOn(PlanKind kind, PlanPeriod period) {
        return period.start().minus(policy.draftingLead(kind));
    }

    public boolean isOpen(PlanKind kind, PlanPeriod period, Instant now) {
        return check(kind, period, now).isEmpty();
    }

    /** Empty when a version of this plan may be started or amended at {@code now}; otherwise a {@code period} error. */
    public List<FieldError> check(PlanKind kind, PlanPeriod period, Instant now) {
        LocalDate today = now.atZone(policy.zone()).toLocalDate();
        LocalDate opens = opensOn(kind, period);
        if (today.isBefore(opens)) {
            return List.of(new FieldError("period", "drafting of this " + kind + " plan opens on " + opens));
        }
        if (today.isAfter(period.end())) {
            return List.of(new FieldError("period", "the plan period ended on " + period.end()));
        }
        return List.of();
    }
}
