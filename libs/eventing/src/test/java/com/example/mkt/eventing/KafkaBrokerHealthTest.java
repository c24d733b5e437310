package com.example.mkt.eventing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import com.example.mkt.infra.Processes;
import com.example.mkt.testinfra.SharedInfra;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The broker probe against the build's real broker, and against a port where nothing listens. */
class KafkaBrokerHealthTest {

    @Test
    void aReachableBrokerIsUp() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KafkaBrokerHealth health = new KafkaBrokerHealth(
                Map.of("bootstrap.servers", SharedInfra.get().bootstrapServers()), registry);
        try {
            health.probe();
            assertEquals(HealthCheckResponse.Status.UP, health.call().getStatus());
            assertEquals(1.0, registry.get("eventing.kafka.broker.up").gauge().value());
        } finally {
            health.close();
        }
    }

    @Test
    void anUnreachableBrokerIsDownWithAReasonAndTheProbeEnds() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KafkaBrokerHealth health = new KafkaBrokerHealth(
                Map.of("bootstrap.servers", "127.0.0.1:" + Processes.freePort()), registry);
        try {
            health.probe(); // bounded by its own deadline: returns instead of waiting for the broker
            HealthCheckResponse response = health.call();
            assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
            assertTrue(response.getData().orElseThrow().containsKey("reason"), response.toString());
            assertEquals(0.0, registry.get("eventing.kafka.broker.up").gauge().value());
        } finally {
            health.close();
        }
    }
}
