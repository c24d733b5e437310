package com.example.mkt.gateway.sales;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.example.mkt.gateway.config.GatewayConfig;

import io.quarkus.scheduler.Scheduled;

/**
 * Deletes sales receipts older than {@code gateway.sales.receipt-retention}, hourly. Safe on every replica at once: a
 * second pruner finds the rows gone. Deletes go in chunks of their own transactions, so the first run after a long
 * pause never holds one huge transaction against the ingestion path.
 */
@ApplicationScoped
public class ReceiptPruning {

    private static final Logger LOG = Logger.getLogger(ReceiptPruning.class);

    private final SalesReceipts receipts;
    private final GatewayConfig config;
    private final Clock clock;

    @Inject
    public ReceiptPruning(SalesReceipts receipts, GatewayConfig config) {
        this(receipts, config, Clock.systemUTC());
    }

    ReceiptPruning(SalesReceipts receipts, GatewayConfig config, Clock clock) {
        this.receipts = receipts;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        prune();
    }

    /** @return the receipts deleted */
    public long prune() {
        Instant before = clock.instant().minus(config.sales().receiptRetention());
        long deleted = 0;
        int chunk;
        do {
            chunk = receipts.deleteReceivedBefore(before, SalesReceipts.PRUNE_CHUNK);
            deleted += chunk;
        } while (chunk == SalesReceipts.PRUNE_CHUNK);
        if (deleted > 0) {
            LOG.infof("pruned %d sales receipts received before %s", deleted, before);
        }
        return deleted;
    }
}
