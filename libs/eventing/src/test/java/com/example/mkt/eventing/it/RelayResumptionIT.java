package com.example.mkt.eventing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.envelope.EventCodec;
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.eventing.outbox.OutboxRelay;
import com.example.mkt.testinfra.KafkaTestClient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Events committed while no relay runs (a crash, a deploy, a replica without the relay) wait in the
 * outbox and are published later, in order, exactly by the rows that were left.
 */
@QuarkusTest
@TestProfile(RelayResumptionIT.NoRelay.class)
public class RelayResumptionIT {

    public static class NoRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("eventing.outbox.relay-enabled", "false", "eventing.outbox.batch-size", "7");
        }
    }

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    EventCodec codec;

    @Test
    void unpublishedRowsArePublishedInOrderWhenARelayRunsAgain() throws Exception {
        String topic = "eventing.test.resume." + UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            int seq = i;
            QuarkusTransaction.requiringNew().run(() -> outbox.publish(
                    new OutboundEvent(topic, "test.resumed", 1, "agg-" + (seq % 2), Map.of("seq", seq))));
        }
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            assertEquals(0, kafka.readAll(topic, Duration.ofSeconds(1)).size(), "nothing without a relay");

            int total = 0;
            int batch;
            int rounds = 0;
            while ((batch = relay.relayBatch()) > 0) {
                total += batch;
                rounds++;
            }
            assertEquals(20, total);
            assertEquals(3, rounds, "batches of 7: 7 + 7 + 6");
            assertEquals(0, relay.relayBatch(), "published rows are not sent again");

            List<ConsumerRecord<String, String>> records = kafka.readUntil(topic, seen -> seen.size() >= 20,
                    Duration.ofSeconds(60));
            int[] last = {-2, -1};
            for (ConsumerRecord<String, String> record : records) {
                int seq = codec.read(record.value()).data().get("seq").asInt();
                int agg = seq % 2;
                assertEquals(last[agg] + 2, seq, "per-key order kept");
                last[agg] = seq;
            }
            assertEquals(20, records.size());
        }
    }
}
