package com.example.mkt.gateway.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.example.mkt.eventing.envelope.EventCodec;
import com.example.mkt.eventing.envelope.EventEnvelope;
import com.example.mkt.gateway.config.GatewayConfig;
import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reads kpi-service's {@code kpi.measured} from {@code kpi.events} into this instance's {@link LiveFeed}. Every
 * gateway instance reads the whole topic from its newest records on (a consumer group of its own, channel
 * {@code kpi-live}): each serves its own streams. Nothing is stored or derived here, so there is no inbox and no
 * dead letter: a record that is not a readable kpi.measured is skipped and counted ({@code gateway.live.skipped});
 * kpi-service's cells stay the truth, which a client reloads through the API.
 */
@ApplicationScoped
public class KpiFeedConsumer {

    private static final Logger LOG = Logger.getLogger(KpiFeedConsumer.class);
    static final String TYPE = "kpi.measured";

    private final LiveFeed feed;
    private final EventCodec codec;
    private final Counter skipped;

    public KpiFeedConsumer(LiveFeed feed, EventCodec codec, MeterRegistry registry) {
        this.feed = feed;
        this.codec = codec;
        this.skipped = Counter.builder("gateway.live.skipped")
                .description("Records on kpi.events the live stream could not read as kpi.measured").register(registry);
    }

    @Incoming("kpi-live")
    public void onKpiEvents(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null || !record.value().contains(TYPE)) {
                continue; // another kpi event type, read by nobody here: not parsed at all
            }
            try {
                EventEnvelope envelope = codec.read(record.value());
                JsonNode data = envelope.data();
                if (TYPE.equals(envelope.type()) && data != null && data.path("orgUnit").isTextual()) {
                    feed.append(data.get("orgUnit").asText(), TYPE, data.toString());
                } else if (TYPE.equals(envelope.type())) {
                    skip(record, "no orgUnit in its data");
                }
            } catch (Exception e) {
                skip(record, e.getMessage());
            }
        }
    }

    private void skip(ConsumerRecord<String, String> record, String reason) {
        skipped.increment();
        LOG.warnf("live stream: skipped %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
    }

    /** One feed per instance, sized by gateway.live.buffer; its epoch is new at every start. */
    @Produces
    @Singleton
    static LiveFeed liveFeed(GatewayConfig config) {
        return new LiveFeed(Long.toString(System.currentTimeMillis(), 36)
                + Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 20), 36),
                config.live().buffer());
    }
}
