package com.example.mkt.eventing.outbox;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.example.mkt.eventing.EventingConfig;
import com.example.mkt.eventing.KafkaBrokerHealth;
import com.example.mkt.eventing.KafkaPublisher;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The relay alone in its own JVM, with {@code eventing.outbox.fault.halt-after-send=true}: one round against the given
 * PostgreSQL and Kafka, which halts the JVM after Kafka acknowledged the batch and before the mark commits. Started by
 * {@code HaltAfterSendIT}; args: JDBC URL, user, password, bootstrap servers.
 */
public final class HaltingRelay {

    private HaltingRelay() {
    }

    public static void main(String[] args) throws Exception {
        EventingConfig config = config();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Map<String, Object> kafka = Map.of("bootstrap.servers", args[3], "client.id", "halting-relay");
        OutboxRelay relay = new OutboxRelay(null, new KafkaPublisher(kafka), new OutboxSignal(), config,
                new ObjectMapper(), registry, new OutboxParking(config, new KafkaBrokerHealth(kafka, registry), registry),
                new OutboxFaults(config));
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
            connection.setAutoCommit(false);
            int rows = relay.relay(connection);
            connection.commit();
            System.out.println("relayed " + rows + " rows without halting");
        }
        System.exit(0);
    }

    private static EventingConfig config() {
        Object fault = proxy(EventingConfig.Fault.class, Map.of("haltAfterSend", true));
        Object outbox = proxy(EventingConfig.Outbox.class, Map.of("batchSize", 500, "pollInterval", Duration.ofSeconds(1),
                "retention", Duration.ofDays(7), "relayEnabled", true, "maxAttempts", 5,
                "initialBackoff", Duration.ofMillis(500), "maxBackoff", Duration.ofSeconds(10), "fault", fault));
        return proxy(EventingConfig.class, Map.of("source", Optional.empty(), "outbox", outbox));
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, a) -> {
            if (!values.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            return values.get(method.getName());
        });
    }
}
