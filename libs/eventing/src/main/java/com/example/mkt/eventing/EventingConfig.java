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
