package com.example.mkt.eventing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * The Kafka clients' own metrics on /q/metrics, bound in place of Quarkus' Kafka binder (switched off in this
 * library's microprofile-config.properties) for one reason: how soon a metric that appears after start is exposed.
 * Micrometer lists a client's metrics when it binds and then on a refresh, every 60 s by default, which Quarkus' binder
 * does not let one change. A consumer's per-partition metrics, {@code records-lag} among them (what the consumer-lag
 * alert reads), exist only once partitions are assigned, seconds after the client starts and again after each
 * rebalance: with the default refresh the alert was blind for up to a minute after every start and rebalance. Here the
 * refresh is {@link #REFRESH}; a refresh walks the client's metric map (a few hundred entries), a negligible cost at
 * that pace. All clients share one refresh thread.
 *
 * <p>SmallRye's Kafka connector fires a CDI event with the client when it creates one and again when it closes it,
 * hence the map: a client seen a second time is unbound.
 */
@ApplicationScoped
public class KafkaClientMeters {

    static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(KafkaClientMeters.class);

    private final MeterRegistry registry;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "kafka-client-meters");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Object, KafkaClientMetrics> bound = new HashMap<>();

    public KafkaClientMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    synchronized void consumerCreatedOrClosed(@Observes Consumer<?, ?> consumer) {
        toggle(consumer, () -> new KafkaClientMetrics(consumer, List.of(), refresher, REFRESH));
    }

    synchronized void producerCreatedOrClosed(@Observes Producer<?, ?> producer) {
        toggle(producer, () -> new KafkaClientMetrics(producer, List.of(), refresher, REFRESH));
    }

    private void toggle(Object client, java.util.function.Supplier<KafkaClientMetrics> binder) {
        KafkaClientMetrics previous = bound.remove(client);
        if (previous != null) {
            previous.close();
            return;
        }
        KafkaClientMetrics metrics = binder.get();
        try {
            metrics.bindTo(registry);
            bound.put(client, metrics);
        } catch (RuntimeException e) {
            LOG.warnf(e, "cannot expose the metrics of Kafka client %s", client);
            metrics.close();
        }
    }

    @PreDestroy
    synchronized void close() {
        bound.values().forEach(KafkaClientMetrics::close);
        bound.clear();
        refresher.shutdownNow();
    }
}
