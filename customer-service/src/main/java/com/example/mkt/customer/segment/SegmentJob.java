package com.example.mkt.customer.segment;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Re-evaluates every segment, since tiers, grades and lifecycle move under it (docs/domain.md#segments: "re-evaluated
 * when inputs change"). One transaction per segment under its row lock: replicas cannot double-publish.
 */
@ApplicationScoped
public class SegmentJob {

    private final SegmentEvaluator evaluator;

    public SegmentJob(SegmentEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Scheduled(every = "${customer.jobs.segment-every:15m}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        refreshAll();
    }

    /** @return the membership changes published */
    public int refreshAll() {
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> SegmentEntity.<SegmentEntity>listAll()
                .stream().map(s -> s.id).toList());
        int changes = 0;
        for (String id : ids) {
            changes += QuarkusTransaction.requiringNew().call(() -> evaluator.refresh(id));
        }
        return changes;
    }
}
