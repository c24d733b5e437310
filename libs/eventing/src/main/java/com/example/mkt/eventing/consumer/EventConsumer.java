package com.example.mkt.eventing.consumer;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.example.mkt.eventing.EventingConfig;
import com.example.mkt.eventing.envelope.EventCodec;
import com.example.mkt.eventing.envelope.EventEnvelope;
import com.example.mkt.eventing.trace.ConsumerTracing;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs a consumer's handler over a polled batch with the platform's delivery rules:
 * <ul>
 * <li>records that are not CloudEvents JSON go to the dead-letter topic at once;</li>
 * <li>the batch is applied in one transaction together with its inbox entries, so a redelivered event
 * has no second effect;</li>
 * <li>a failing batch is retried with backoff, then applied event by event so that one bad event cannot
 * hold back the others; an event that still fails goes to the dead-letter topic;</li>
 * <li>infrastructure outages (database unreachable, deadlocks, serialisation failures) are retried until
 * they pass: they say nothing about the event, and dead-lettering a whole stream would lose its order.</li>
 * </ul>
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final EventCodec codec;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final EventingConfig.Consumer config;
    private final MeterRegistry registry;
    private final ConsumerTracing tracing;

    public EventConsumer(EventCodec codec, Inbox inbox, DeadLetters deadLetters, EventingConfig config,
            MeterRegistry registry, ConsumerTracing tracing) {
        this.tracing = tracing;
        this.codec = codec;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.config = config.consumer();
        this.registry = registry;
    }

    /**
     * Set when the application begins to stop. A batch that fails from then on failed because the persistence layer
     * is closing under it ("EntityManagerFactory is closed"), not because of its events: it is left unapplied and
     * uncommitted, to be redelivered after the restart, instead of being retried one by one into the dead-letter
     * topic. (120 valid sales once went to the DLQ during a ./platform down with a backlog.)
     */
    private volatile boolean stopping;

    void onShutdown(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    /** For tests: behave as during shutdown. */
    void stopping(boolean value) {
        stopping = value;
    }

    /** Thrown out of {@link #consume} while stopping: the connector must not commit the batch. */
    public static final class StoppingException extends IllegalStateException {
        StoppingException(String consumer, Throwable cause) {
            super(consumer + ": the application is stopping; the batch is left for redelivery", cause);
        }
    }

    /**
     * Thrown out of {@link #consume} when the batch failed with an error of the runtime itself (a class missing from
     * the deployment, memory exhausted): no event is at fault, so none is dead-lettered and the batch is not
     * committed; the channel fails, and the events are redelivered to a repaired or restarted instance. (A jar built
     * against a stale library once sent 1,213 valid sales to the dead-letter topic with NoClassDefFoundError.)
     */
    public static final class BrokenRuntimeException extends IllegalStateException {
        BrokenRuntimeException(String consumer, Throwable cause) {
            super(consumer + ": the runtime is broken (" + cause + "); the batch is left for redelivery", cause);
        }
    }

    /** Consumes a batch, recognising repeats by the envelope id. */
    public void consume(String consumer, Iterable<ConsumerRecord<String, String>> records, EventBatchHandler handler) {
        consume(consumer, records, event -> event.envelope().id(), handler);
    }

    /**
     * Consumes a batch, recognising repeats by {@code idempotencyKey}: e.g. a sale's own eventId, which a
     * resending system keeps while the envelope id may change. The key function sees each record once, before any
     * handler or transaction: one that throws {@link PoisonEventException} (a record breaking its published schema)
     * sends the record to the dead-letter topic with the exception's message as {@code dlq-reason}, and the batch
     * goes on without it, never retried one by one.
     */
    public void consume(String consumer, Iterable<ConsumerRecord<String, String>> records,
            Function<InboundEvent, String> idempotencyKey, EventBatchHandler handler) {
        consumeBatch(consumer, records, idempotencyKey, handler, event -> true);
    }

    /**
     * Consumes a batch whose handler records what it processed itself: every effect follows from rows keyed by
     * {@code idempotencyKey} that the handler inserts with {@code ON CONFLICT DO NOTHING RETURNING}, in the batch's
     * transaction, and only the rows really inserted count (a sale's fact, contribution or purchase row). Those rows
     * are the processed-event record, kept for good where inbox entries are pruned, so a second ledger would only
     * cost one more insert and index entry per event (a tenth of a sales consumer's database time). Repeats inside
     * the batch are still dropped here.
     */
    public void consumeWithoutInbox(String consumer, Iterable<ConsumerRecord<String, String>> records,
            Function<InboundEvent, String> idempotencyKey, EventBatchHandler handler) {
        consumeBatch(consumer, records, idempotencyKey, handler, event -> false);
    }

    /**
     * Consumes a batch of which only some events need an inbox entry: those for which {@code inboxed} is true. The
     * others are recorded by rows the handler inserts, as in {@link #consumeWithoutInbox} (customer-service's sales:
     * a purchase is its customer_sale row, while a contract report changes a running figure and leaves no row).
     */
    public void consume(String consumer, Iterable<ConsumerRecord<String, String>> records,
            Function<InboundEvent, String> idempotencyKey, Predicate<InboundEvent> inboxed,
            EventBatchHandler handler) {
        consumeBatch(consumer, records, idempotencyKey, handler, inboxed);
    }

    private void consumeBatch(String consumer, Iterable<ConsumerRecord<String, String>> records,
            Function<InboundEvent, String> idempotencyKey, EventBatchHandler handler,
            Predicate<InboundEvent> inboxed) {
        if (stopping) {
            throw new StoppingException(consumer, null);
        }
        Map<String, Delivery> batch = new LinkedHashMap<>();
        int duplicatesInBatch = 0;
        for (ConsumerRecord<String, String> record : records) {
            InboundEvent event = parse(consumer, record);
            if (event == null) {
                continue;
            }
            String key;
            boolean needsInbox;
            try {
                key = idempotencyKey.apply(event);
                needsInbox = inboxed.test(event);
            } catch (PoisonEventException e) {
                // the key function refused the record (it breaks its contract): dead-lettered before any handler runs
                deadLetters.send(consumer, record, e.getMessage(), e);
                continue;
            } catch (RuntimeException e) {
                deadLetters.send(consumer, record, "no idempotency key: " + e.getMessage(), e);
                continue;
            }
            if (key == null || key.isBlank()) {
                deadLetters.send(consumer, record, "no idempotency key", null);
                continue;
            }
            if (batch.putIfAbsent(key, new Delivery(key, needsInbox, event, record)) != null) {
                duplicatesInBatch++;
            }
        }
        if (duplicatesInBatch > 0) {
            count("duplicates", consumer, duplicatesInBatch);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<Delivery> deliveries = new ArrayList<>(batch.values());
        if (!applyWithRetries(consumer, deliveries, handler, config.batchAttempts())) {
            for (Delivery delivery : deliveries) {
                if (!applyWithRetries(consumer, List.of(delivery), handler, config.eventAttempts())) {
                    deadLetters.send(consumer, delivery.record(), describe(delivery.lastError()), delivery.lastError());
                }
            }
        }
    }

    private InboundEvent parse(String consumer, ConsumerRecord<String, String> record) {
        EventEnvelope envelope;
        try {
            envelope = codec.read(record.value());
        } catch (IOException e) {
            deadLetters.send(consumer, record, "not a CloudEvents JSON envelope: " + e.getMessage(), e);
            return null;
        }
        String problem = envelope.problem();
        if (problem != null) {
            deadLetters.send(consumer, record, "invalid envelope: " + problem, null);
            return null;
        }
        return new InboundEvent(envelope, record.topic(), record.partition(), record.offset(), record.key(),
                record.headers());
    }

    /** True when applied (or already applied); false when the attempts ran out or the event is poison. */
    private boolean applyWithRetries(String consumer, List<Delivery> deliveries, EventBatchHandler handler,
            int attempts) {
        long backoff = config.initialBackoff().toMillis();
        int failures = 0;
        while (true) {
            try {
                apply(consumer, deliveries, handler);
                return true;
            } catch (Exception | LinkageError | VirtualMachineError e) {
                Throwable error = unwrap(e);
                if (stopping) {
                    throw new StoppingException(consumer, error);
                }
                if (error instanceof LinkageError || error instanceof VirtualMachineError) {
                    throw new BrokenRuntimeException(consumer, error);
                }
                deliveries.forEach(d -> d.lastError(error));
                if (isTransient(error)) {
                    LOG.warnf("%s: infrastructure failure, retrying in %d ms: %s", consumer, backoff, error);
                } else {
                    failures++;
                    if (error instanceof PoisonEventException || failures >= attempts) {
                        if (deliveries.size() > 1) {
                            LOG.warnf("%s: batch of %d failed (%s); applying one by one", consumer, deliveries.size(),
                                    error);
                        }
                        return false;
                    }
                }
                sleep(backoff);
                backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
            }
        }
    }

    /**
     * Applies the deliveries in one transaction under their process span (ConsumerTracing): the handler runs with it
     * current, so the outbox rows it writes carry the records' trace on to the next topic.
     */
    private void apply(String consumer, List<Delivery> deliveries, EventBatchHandler handler) throws Exception {
        Span span = tracing.startBatch(consumer, deliveries.size(), i -> deliveries.get(i).record());
        try (Scope scope = span.makeCurrent()) {
            applyInTransaction(consumer, deliveries, handler);
        } catch (Exception | Error e) {
            if (span.isRecording()) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR);
            }
            throw e;
        } finally {
            span.end();
        }
    }

    private void applyInTransaction(String consumer, List<Delivery> deliveries, EventBatchHandler handler)
            throws Exception {
        QuarkusTransaction.requiringNew().timeout(300).call(() -> {
            List<String> claims = deliveries.stream().filter(Delivery::inboxed).map(Delivery::key).toList();
            Set<String> fresh = claims.isEmpty() ? Set.of() : inbox.claim(consumer, claims);
            List<InboundEvent> todo = deliveries.stream().filter(d -> !d.inboxed() || fresh.contains(d.key()))
                    .map(Delivery::event).toList();
            if (!todo.isEmpty()) {
                handler.handle(todo);
            }
            count("processed", consumer, todo.size());
            count("duplicates", consumer, deliveries.size() - todo.size());
            return null;
        });
    }

    private void count(String what, String consumer, int n) {
        if (n > 0) {
            registry.counter("eventing.consumer." + what, "consumer", consumer).increment(n);
        }
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.lang.reflect.UndeclaredThrowableException || t.getClass() == RuntimeException.class
                || t instanceof jakarta.transaction.RollbackException
                || t instanceof io.quarkus.narayana.jta.QuarkusTransactionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Errors of the database or the network, not of the event. */
    static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PoisonEventException) {
                return false;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof java.net.ConnectException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof jakarta.persistence.PessimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08 connection, 40 serialisation failure or deadlock, 53 out of resources, 57P server shutdown
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57P")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String describe(Throwable error) {
        if (error == null) {
            return "failed";
        }
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }

    /** One event of a batch, with what went wrong with it last. */
    private static final class Delivery {
        private final String key;
        private final boolean inboxed;
        private final InboundEvent event;
        private final ConsumerRecord<String, String> record;
        private Throwable lastError;

        Delivery(String key, boolean inboxed, InboundEvent event, ConsumerRecord<String, String> record) {
            this.key = key;
            this.inboxed = inboxed;
            this.event = event;
            this.record = record;
        }

        String key() {
            return key;
        }

        boolean inboxed() {
            return inboxed;
        }

        InboundEvent event() {
            return event;
        }

        ConsumerRecord<String, String> record() {
            return record;
        }

        Throwable lastError() {
            return lastError;
        }

        void lastError(Throwable error) {
            this.lastError = error;
        }
    }
}
