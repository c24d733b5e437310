package com.example.mkt.eventing;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the event backbone: outbox relay, consumers, dead letters. */
@ConfigMapping(prefix = "eventing")
public interface EventingConfig {

    /** CloudEvents source of this service, e.g. {@code /customer-service}; defaults to the application name. */
    Optional<String> source();

    Outbox outbox();

    Consumer consumer();

    interface Outbox {
        /** Rows published per relay round trip. */
        @WithDefault("500")
        int batchSize();

        /**
         * Fallback poll: commits in this instance wake the relay at once; this only catches rows written by
         * other replicas or left by a crash.
         */
        @WithDefault("1s")
        Duration pollInterval();

        /** How long published rows are kept for audit before they are pruned. */
        @WithDefault("P7D")
        Duration retention();

        /** Turns the relay thread off (e.g. a replica that must not publish). */
        @WithDefault("true")
        boolean relayEnabled();

        /**
         * Attempts of a row Kafka refuses permanently (record too large, topic missing, invalid or not allowed,
         * serialisation) before it is parked. Failures while the broker is unreachable, and other retriable ones,
         * never count: those rows wait for the broker as long as it takes.
         */
        @WithDefault("5")
        int maxAttempts();

        /** Wait after a round in which a row failed; doubled on every such round in a row, up to maxBackoff. */
        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration maxBackoff();

        Fault fault();
    }

    /** Fault injection for tests; every point is off unless configured. */
    interface Fault {
        /**
         * Halts the JVM (Runtime.halt, no shutdown hooks) after Kafka acknowledged a batch and before the
         * "published" mark commits: the crash the relay's at-least-once delivery must survive.
         */
        @WithDefault("false")
        boolean haltAfterSend();
    }

    interface Consumer {
        /** Attempts of a whole batch before its events are tried one by one. */
        @WithDefault("3")
        int batchAttempts();

        /** Attempts of a single event before it goes to the dead-letter topic. */
        @WithDefault("2")
        int eventAttempts();

        @WithDefault("100ms")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration maxBackoff();

        /** Suffix of the dead-letter topic: {@code <topic><suffix>}. */
        @WithDefault(".dlq")
        String deadLetterSuffix();

        /** How long processed event ids are kept: the window in which a redelivery is recognised. */
        @WithDefault("P400D")
        Duration inboxRetention();
    }
}
