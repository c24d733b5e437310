package com.example.mkt.eventing.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.example.mkt.eventing.EventingConfig;

/**
 * Fault-injection points of the relay, for tests that crash it where it hurts; all off unless configured
 * ({@code eventing.outbox.fault.*}).
 */
@ApplicationScoped
public class OutboxFaults {

    /** The exit status of a halt at a fault point, so a test can tell it from any other death. */
    public static final int HALT_STATUS = 86;
    private static final Logger LOG = Logger.getLogger(OutboxFaults.class);

    private final boolean haltAfterSend;

    public OutboxFaults(EventingConfig config) {
        this.haltAfterSend = config.outbox().fault().haltAfterSend();
    }

    /** Kafka has acknowledged the round's records and the "published" mark has not committed yet. */
    void afterAcknowledged(int records) {
        if (haltAfterSend && records > 0) {
            LOG.errorf("fault injection: halting after Kafka acknowledged %d outbox records, before marking them", records);
            System.out.flush();
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
