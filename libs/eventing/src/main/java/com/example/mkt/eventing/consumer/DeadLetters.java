package com.example.mkt.eventing.consumer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import com.example.mkt.eventing.EventingConfig;
import com.example.mkt.eventing.KafkaPublisher;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends a record that cannot be processed to {@code <topic>.dlq}, unchanged, with the reason in its
 * headers. The send is confirmed before the consumer moves on, so a dead letter is never lost.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final KafkaPublisher publisher;
    private final String suffix;
    private final MeterRegistry registry;

    public DeadLetters(KafkaPublisher publisher, EventingConfig config, MeterRegistry registry) {
        this.publisher = publisher;
        this.suffix = config.consumer().deadLetterSuffix();
        this.registry = registry;
    }

    public String topicFor(String topic) {
        return topic + suffix;
    }

    public void send(String consumer, ConsumerRecord<String, String> original, String reason, Throwable error) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(topicFor(original.topic()), null, original.key(),
                original.value());
        for (Header h : original.headers()) {
            dead.headers().add(h);
        }
        header(dead, "dlq-reason", reason);
        header(dead, "dlq-consumer", consumer);
        header(dead, "dlq-original-topic", original.topic());
        header(dead, "dlq-original-partition", Integer.toString(original.partition()));
        header(dead, "dlq-original-offset", Long.toString(original.offset()));
        header(dead, "dlq-failed-at", Instant.now().toString());
        if (error != null) {
            header(dead, "dlq-exception", error.getClass().getName());
            header(dead, "dlq-stacktrace", stackTrace(error));
        }
        try {
            publisher.producer().send(dead).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            // Not acknowledging the original is the only way not to lose it.
            throw new IllegalStateException("cannot write dead letter to " + dead.topic(), e);
        }
        registry.counter("eventing.consumer.dead_lettered", "consumer", consumer, "topic", original.topic()).increment();
        LOG.warnf("dead-lettered %s-%d@%d for %s: %s", original.topic(), original.partition(), original.offset(),
                consumer, reason);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().remove(name);
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        String text = out.toString();
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
