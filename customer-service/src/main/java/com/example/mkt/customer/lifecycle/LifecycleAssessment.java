package com.example.mkt.customer.lifecycle;

/** A derived stage with its reason; {@code daysSinceLastPurchase} is -1 for a prospect. */
public record LifecycleAssessment(LifecycleStage stage, LifecycleReason reason, long daysSinceLastPurchase) {
}
