package com.example.mkt.planning.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.example.mkt.rest.problem.ApiException;

/**
 * A plan version's budget as read: every line with its computed amount and the total, money as strings with 2
 * decimals (docs/api.md#money-numbers-and-time). A single-amount or single-share budget reads as one line.
 */
public record BudgetView(String currency, List<Line> lines, String total) {

    public record Line(String id, String item, String amount, String percent, String salesTarget, String baseGoalId,
            String computedAmount) {
    }

    /** Null when the content has no budget (or one that cannot be read as a budget). */
    public static BudgetView of(Plan plan) {
        Budget budget = plan.budget();
        if (budget == null) {
            return null;
        }
        List<Line> lines = new ArrayList<>();
        if (budget instanceof Budget.Fixed fixed) {
            lines.add(new Line(null, null, money(fixed.amount()), null, null, null, money(fixed.amount())));
        } else if (budget instanceof Budget.ShareOfSalesTarget share) {
            lines.add(new Line(null, null, null, plain(share.percent()), money(share.salesTarget()), null,
                    money(share.amount())));
        } else if (budget instanceof Budget.Lines many) {
            for (BudgetLine l : many.lines()) {
                if (l != null) {
                    lines.add(new Line(l.id(), l.item(), money(l.amount()), plain(l.percent()), money(l.base()),
                            l.baseGoalId(), money(l.computedAmount())));
                }
            }
        }
        return new BudgetView("CNY", lines, money(budget.amount()));
    }

    /** The budget of stored content; null when there is none. */
    public static BudgetView of(PlanContent content, PlanKind kind, String ownerOrgUnit) {
        try {
            return of(content.toDomain(null, kind, ownerOrgUnit));
        } catch (ApiException e) {
            return null; // stored content was valid when saved; a rule tightened since must not break reading it
        }
    }

    private static String money(BigDecimal value) {
        return value == null ? null : value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
