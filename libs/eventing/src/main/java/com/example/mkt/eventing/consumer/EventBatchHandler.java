package com.example.mkt.eventing.consumer;

import java.util.List;

/**
 * Applies a batch of events that this consumer has not processed before. Runs inside the transaction
 * that also records their ids, so an effect and its "processed" mark commit together. Must ignore event
 * types it does not know. Throw {@link PoisonEventException} for an event that can never succeed.
 */
@FunctionalInterface
public interface EventBatchHandler {

    void handle(List<InboundEvent> events) throws Exception;
}
