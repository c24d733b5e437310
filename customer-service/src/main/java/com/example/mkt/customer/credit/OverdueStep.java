package com.example.mkt.customer.credit;

import java.time.Duration;
import java.time.Instant;

/**
 * A credit-change step past its deadline.
 *
 * @param escalateTo    the level that takes over (the owner of the step above)
 * @param alreadyEscalated true once {@link CreditChangeAction#ESCALATE} was applied to this step
 */
public record OverdueStep(String requestId, String customerId, CreditChangeState step, ApprovalLevel owner,
                          ApprovalLevel escalateTo, Instant dueAt, Duration overdueBy, boolean alreadyEscalated) {
}
