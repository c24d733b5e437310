package com.example.mkt.customer.web;

import com.example.mkt.eventing.outbox.OutboundEvent;

/** This service's topic and the event envelope rules (docs/events.md): key = aggregate id, dataVersion 1. */
public final class CustomerEvents {

    public static final String TOPIC = "customer.events";

    private CustomerEvents() {
    }

    public static OutboundEvent of(String type, String subject, Object data) {
        return new OutboundEvent(TOPIC, type, 1, subject, data);
    }
}
