package com.example.mkt.campaign.target;

import com.example.mkt.campaign.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks an allocation before it is saved (docs/domain.md#campaign-template-and-targets): every target is a
 * positive CNY amount with at most 2 decimals, the budget target is at least the starting target, no branch
 * appears twice, and the sums equal the campaign totals when the campaign states them. A starting target of
 * zero is refused because it would make the branch "reach" it without selling, which qualifies its people for
 * the individual award.
 */
public final class TargetAllocationValidator {

    public List<TargetViolation> validate(TargetAllocation allocation) {
        List<TargetViolation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        BigDecimal startingSum = BigDecimal.ZERO;
        BigDecimal budgetSum = BigDecimal.ZERO;
        for (int i = 0; i < allocation.branches().size(); i++) {
            BranchTarget t = allocation.branches().get(i);
            String at = "branches[" + i + "]";
            if (t.branch().isBlank()) {
                violations.add(new TargetViolation(at + ".branch", "a branch is required"));
            } else if (!seen.add(t.branch())) {
                violations.add(new TargetViolation(at + ".branch", "branch " + t.branch() + " appears more than once"));
            }
            checkAmount(violations, at + ".starting", t.starting());
            checkAmount(violations, at + ".budget", t.budget());
            if (t.budget().compareTo(t.starting()) < 0) {
                violations.add(new TargetViolation(at + ".budget",
                        "budget target " + t.budget() + " is below the starting target " + t.starting()));
            }
            startingSum = startingSum.add(t.starting());
            budgetSum = budgetSum.add(t.budget());
        }
        checkTotal(violations, "startingTotal", allocation.startingTotal(), startingSum);
        checkTotal(violations, "budgetTotal", allocation.budgetTotal(), budgetSum);
        if (allocation.startingTotal() != null && allocation.budgetTotal() != null
                && allocation.budgetTotal().compareTo(allocation.startingTotal()) < 0) {
            violations.add(new TargetViolation("budgetTotal", "the budget total is below the starting total"));
        }
        return violations;
    }

    private static void checkAmount(List<TargetViolation> violations, String field, BigDecimal amount) {
        if (amount.signum() <= 0) {
            violations.add(new TargetViolation(field, "must be positive, was " + amount));
        }
        if (amount.stripTrailingZeros().scale() > Money.SCALE) {
            violations.add(new TargetViolation(field, "at most 2 decimals, was " + amount));
        }
    }

    private static void checkTotal(List<TargetViolation> violations, String field, BigDecimal total, BigDecimal sum) {
        if (total != null && total.compareTo(sum) != 0) {
            violations.add(new TargetViolation(field,
                    "the branch targets add up to " + Money.of(sum) + ", not " + Money.of(total)));
        }
    }
}
