package com.example.mkt.planning.approval;

import com.example.mkt.planning.plan.PlanKind;

import java.time.Period;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who decides on plan versions and when drafting may start.
 *
 * <p>The business only says that the boss signs the annual plan off (the general manager, role
 * {@code gm}) and that its drafting starts in October ("从10月开始编制第二年的年度计划"). A
 * team's weekly plan signed by the general manager would be absurd, so the defaults delegate finer plans down
 * the hierarchy. Which units a reviewer may decide for (their org scope) is checked by the caller.
 *
 * @param reviewerRoles      roles (docs/api.md#authentication-and-roles) that may start a review, approve or reject,
 *                           per plan kind
 * @param authorMayDecide    false = four-eyes: the author of a version never reviews it
 * @param rejectionNoteRequired a rejection must tell the author what to change
 * @param draftingLead       how long before its period a plan's drafting window opens; three months before
 *                           1 January is 1 October
 * @param zone               business zone in which "today" is read
 */
public record ApprovalPolicy(Map<PlanKind, Set<String>> reviewerRoles, boolean authorMayDecide,
        boolean rejectionNoteRequired, Map<PlanKind, Period> draftingLead, ZoneId zone) {

    public ApprovalPolicy {
        Objects.requireNonNull(zone, "zone");
        for (PlanKind kind : PlanKind.values()) {
            if (reviewerRoles.getOrDefault(kind, Set.of()).isEmpty()) {
                throw new IllegalArgumentException("no reviewer role for " + kind);
            }
            Period lead = draftingLead.get(kind);
            if (lead == null || lead.isNegative()) {
                throw new IllegalArgumentException("drafting lead for " + kind + " must be zero or positive");
            }
        }
        Map<PlanKind, Set<String>> roles = new EnumMap<>(PlanKind.class);
        reviewerRoles.forEach((k, v) -> roles.put(k, Set.copyOf(v)));
        reviewerRoles = Map.copyOf(roles);
        draftingLead = Map.copyOf(draftingLead);
    }

    public static ApprovalPolicy defaults() {
        Set<String> topOnly = Set.of("gm");
        return new ApprovalPolicy(Map.of(
                PlanKind.STRATEGIC, topOnly,
                PlanKind.ANNUAL, topOnly,
                PlanKind.QUARTERLY, Set.of("gm", "marketing_director"),
                PlanKind.MONTHLY, Set.of("gm", "marketing_director", "manager"),
                PlanKind.WEEKLY, Set.of("gm", "marketing_director", "manager", "supervisor"),
                PlanKind.DAILY, Set.of("gm", "marketing_director", "manager", "supervisor")),
                false, true,
                Map.of(PlanKind.STRATEGIC, Period.ofMonths(3),
                        PlanKind.ANNUAL, Period.ofMonths(3),
                        PlanKind.QUARTERLY, Period.ofMonths(1),
                        PlanKind.MONTHLY, Period.ofDays(15),
                        PlanKind.WEEKLY, Period.ofDays(7),
                        PlanKind.DAILY, Period.ofDays(1)),
                ZoneId.of("Asia/Shanghai"));
    }

    public Set<String> reviewerRoles(PlanKind kind) {
        return reviewerRoles.get(kind);
    }

    public Period draftingLead(PlanKind kind) {
        return draftingLead.get(kind);
    }
}
