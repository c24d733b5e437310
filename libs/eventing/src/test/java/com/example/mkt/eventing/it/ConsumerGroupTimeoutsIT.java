package com.example.mkt.eventing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * Every consumer of a service that uses the backbone leaves a group 10 s after it stops heartbeating (Kafka's default
 * is 45 s), so a replica killed without leaving holds its partitions, and stops the group's next rebalance, for
 * seconds: read from the Kafka consumer the connector built, as the application configured it.
 */
@QuarkusTest
class ConsumerGroupTimeoutsIT {

    @Inject
    KafkaClientService clients;

    @Test
    void aDeadConsumerLeavesItsGroupAfterTenSeconds() {
        Map<String, ?> config = clients.getConsumer("test-in").configuration();
        assertEquals("10000", String.valueOf(config.get("session.timeout.ms")), config.toString());
        assertEquals("3000", String.valueOf(config.get("heartbeat.interval.ms")), config.toString());
    }
}
