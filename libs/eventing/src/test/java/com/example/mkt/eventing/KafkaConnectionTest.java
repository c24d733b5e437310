package com.example.mkt.eventing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

    @Test
    void takesTheBrokerAndEverySecuritySettingAndNothingElse() {
        Map<String, Object> kafka = Map.of("bootstrap.servers", "mkt-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.location", "/certs/ca.p12", "group.id", "not-a-connection-setting",
                "max.poll.records", 500);
        assertEquals(Map.of("bootstrap.servers", "mkt-kafka-bootstrap:9093", "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.location", "/certs/ca.p12"), KafkaConnection.of(kafka));
    }

    @Test
    void aLocalBrokerWhenNothingIsConfigured() {
        assertEquals(Map.of("bootstrap.servers", "localhost:9092"), KafkaConnection.of(Map.of()));
    }
}
