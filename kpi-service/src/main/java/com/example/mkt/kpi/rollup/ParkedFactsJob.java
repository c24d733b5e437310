package com.example.mkt.kpi.rollup;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Retries facts parked for an org unit the replica did not know yet; safe on every replica (advisory lock). */
@ApplicationScoped
public class ParkedFactsJob {

    private static final Logger LOG = Logger.getLogger(ParkedFactsJob.class);

    private final RollupService rollups;

    public ParkedFactsJob(RollupService rollups) {
        this.rollups = rollups;
    }

    @Scheduled(every = "${kpi.rollup.parked-retry-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() throws Exception {
        int applied = rollups.retryParked();
        if (applied > 0) {
            LOG.infof("applied %d parked facts", applied);
        }
    }
}
