package com.example.mkt.eventing.outbox;

/**
 * An event a service is about to publish.
 *
 * @param topic the topic, e.g. {@code customer.events}
 * @param type  {@code <aggregate>.<past-tense-verb>}, e.g. {@code customer.tier-changed}
 * @param dataVersion the schema version of {@code data}
 * @param subject the aggregate id: the record key, so one aggregate's events stay in order
 * @param data a record or map serialised as the event's {@code data}
 */
public record OutboundEvent(String topic, String type, int dataVersion, String subject, Object data) {

    public OutboundEvent {
        if (topic == null || type == null || subject == null || data == null) {
            throw new IllegalArgumentException("topic, type, subject and data are required");
        }
    }
}
