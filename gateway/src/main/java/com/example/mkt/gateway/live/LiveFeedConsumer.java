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
 * Reads what the live streams carry into this instance's {@link LiveFeed}: kpi-service's {@code kpi.measured} from
 * {@code kpi.events} (channel {@code kpi-live}, the unit in {@code orgUnit}) and campaign-service's
 * {@code campaign.progress-changed} from {@code campaign.events} (channel {@code campaign-live}, the unit in
 * {@code branch}). Every gateway instance reads both topics whole from their newest records on (consumer groups of
 * its own): each serves its own streams. Nothing is stored or derived here, so there is no inbox and no dead letter:
 * a record of these types that cannot be read is skipped and counted ({@code gateway.live.skipped}); the services'
 * figures stay the truth, which a client reloads through the API.
 */
@ApplicationScoped
public class LiveFeedConsumer {

    private static final Logger LOG = Logger.getLogger(LiveFeedConsumer.class);
    static final String KPI_MEASURED = "kpi.measured";
    static final String PROGRESS_CHANGED = "campaign.progress-changed";

    private final LiveFeed feed;
    private final EventCodec codec;
    private final Counter skipped;

    public LiveFeedConsumer(LiveFeed feed, EventCodec codec, MeterRegistry registry) {
        this.feed = feed;
        this.codec = codec;
        this.skipped = Counter.builder("gateway.live.skipped")
                .description("Records of a live stream's event types that could not be read").register(registry);
    }

    @Incoming("kpi-live")
    public void onKpiEvents(ConsumerRecords<String, String> records) {
        read(records, KPI_MEASURED, "orgUnit");
    }

    @Incoming("campaign-live")
    public void onCampaignEvents(ConsumerRecords<String, String> records) {
        read(records, PROGRESS_CHANGED, "branch");
    }

    private void read(ConsumerRecords<String, String> records, String type, String unitField) {
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null || !record.value().contains(type)) {
                continue; // another event type, read by nobody here: not parsed at all
            }
            try {
                EventEnvelope envelope = codec.read(record.value());
                JsonNode data = envelope.data();
                if (type.equals(envelope.type()) && data != null && data.path(unitField).isTextual()) {
                    feed.append(data.get(unitField).asText(), type, data.toString());
                } else if (type.equals(envelope.type())) {
                    skip(record, "no " + unitField + " in its data");
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
