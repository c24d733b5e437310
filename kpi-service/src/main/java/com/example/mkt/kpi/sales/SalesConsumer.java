package com.example.mkt.kpi.sales;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.example.mkt.eventing.consumer.EventConsumer;
import com.example.mkt.eventing.consumer.InboundEvent;
import com.example.mkt.kpi.config.KpiConfig;
import com.example.mkt.kpi.rollup.Fact;
import com.example.mkt.kpi.rollup.RollupService;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Rolls up {@code sales.events}. The sale's own eventId is the idempotency key, so a sale resent in a new envelope is
 * counted once; a whole polled batch becomes one upsert of the cells it touches. A batch with refunds costs two
 * statements more: the look-up of their originals and the update of what refunds took back from them
 * ({@link SaleRefunds}).
 */
@ApplicationScoped
public class SalesConsumer {

    static final String CONSUMER = "kpi-service.sales";

    private final EventConsumer consumer;
    private final RollupService rollups;
    private final KpiConfig config;
    private final SaleOriginals originals;

    public SalesConsumer(EventConsumer consumer, RollupService rollups, KpiConfig config, SaleOriginals originals) {
        this.consumer = consumer;
        this.rollups = rollups;
        this.config = config;
        this.originals = originals;
    }

    @Incoming("sales")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        consumer.consumeWithoutInbox(CONSUMER, records, this::idempotencyKey, this::apply);
    }

    /** A sale's eventId, once the record has passed the published contract (else it is dead-lettered here). */
    private String idempotencyKey(InboundEvent event) {
        // Other types on the topic have no eventId; their envelope id keeps them apart.
        if (!SaleFacts.TYPE.equals(event.type())) {
            return event.envelope().id();
        }
        SaleFacts.check(event.envelope(), config.currency());
        return event.envelope().data().get("eventId").textValue();
    }

    private void apply(List<InboundEvent> events) throws Exception {
        List<Fact> facts = new ArrayList<>(events.size());
        Map<Fact, String> refundOf = new IdentityHashMap<>();
        for (InboundEvent event : events) {
            if (!SaleFacts.TYPE.equals(event.type())) {
                continue;
            }
            var data = event.envelope().data();
            SaleFacts.read(data, config.currency()).ifPresent(fact -> {
                facts.add(fact);
                if ("REFUND".equals(data.get("kind").textValue())) {
                    refundOf.put(fact, data.get("refundOf").textValue());
                }
            });
        }
        if (refundOf.isEmpty()) {
            rollups.apply(facts);
            return;
        }
        // one look-up of the originals and of the refunds already stored, one update of what the refunds took back
        Set<String> lookup = new HashSet<>(refundOf.values());
        refundOf.keySet().forEach(f -> lookup.add(f.sourceId()));
        SaleRefunds.Outcome outcome = SaleRefunds.takeBack(facts, refundOf, originals.find(lookup));
        List<Fact> stored = rollups.apply(outcome.facts());
        originals.addRefunded(SaleRefunds.taken(stored, outcome.originalOf()));
    }
}
