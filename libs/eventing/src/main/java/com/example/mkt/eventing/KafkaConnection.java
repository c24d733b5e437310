package com.example.mkt.eventing;

import java.util.HashMap;
import java.util.Map;

/**
 * How this service reaches the broker, for the clients it builds itself (the outbox relay's producer, the dead-letter
 * producer, the broker health probe), taken from the same {@code kafka.*} configuration the channels use: the bootstrap
 * servers and every security setting ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}). A cluster with a user
 * per service (SCRAM, TLS) needs them on every client; with bootstrap servers alone the relay could not log in.
 */
public final class KafkaConnection {

    private KafkaConnection() {
    }

    /** The connection settings of {@code kafkaConfig} (the connector's default-kafka-broker map). */
    public static Map<String, Object> of(Map<String, Object> kafkaConfig) {
        Map<String, Object> connection = new HashMap<>();
        connection.put("bootstrap.servers", kafkaConfig.getOrDefault("bootstrap.servers", "localhost:9092"));
        kafkaConfig.forEach((key, value) -> {
            if (key.equals("security.protocol") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                connection.put(key, value);
            }
        });
        return connection;
    }
}
