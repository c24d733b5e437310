package com.example.mkt.campaign.lifecycle;

import com.example.mkt.campaign.campaign.Campaign;
import com.example.mkt.campaign.campaign.CampaignEvents;
import com.example.mkt.campaign.campaign.CampaignStore;
import com.example.mkt.campaign.shared.Api;
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;

import io.quarkus.scheduler.Scheduled;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pilot runs at most the configured duration ("不超过3个月"). The pilot report decides what
 * follows, so nothing is moved automatically; an overdue pilot is announced once (campaign.pilot-overdue) for the
 * people who must write the report. Safe with several replicas: the notice row's key admits one insert.
 */
@ApplicationScoped
public class PilotWatch {

    private final EntityManager em;
    private final CampaignStore campaigns;
    private final CampaignWorkflow workflow;
    private final Outbox outbox;
    private final Clock clock;

    public PilotWatch(EntityManager em, CampaignStore campaigns, CampaignWorkflow workflow, Outbox outbox,
                      Clock clock) {
        this.em = em;
        this.campaigns = campaigns;
        this.workflow = workflow;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(every = "${campaign.lifecycle.pilot-check-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        check(clock.instant());
    }

    /** Announces the pilots overdue at {@code now} that were not announced yet; returns how many. */
    @Transactional
    public int check(Instant now) {
        List<OutboundEvent> events = new ArrayList<>();
        for (Campaign c : em.createQuery("from Campaign where state = 'PILOT' order by id", Campaign.class)
                .getResultList()) {
            CampaignLifecycle l = campaigns.lifecycle(c);
            PilotStatus status = workflow.pilotStatus(l, now).orElse(null);
            if (status == null || !status.overdue()) {
                continue;
            }
            int inserted = em.createNativeQuery("INSERT INTO campaign_pilot_overdue (campaign_id, pilot_started_at,"
                            + " noticed_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                    .setParameter(1, c.id).setParameter(2, Timestamp.from(l.pilotStartedAt()))
                    .setParameter(3, Timestamp.from(now)).executeUpdate();
            if (inserted == 1) {
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("pilotStartedAt", Api.time(l.pilotStartedAt()));
                extra.put("deadline", Api.time(status.deadline()));
                events.add(CampaignEvents.lifecycle(CampaignEvents.PILOT_OVERDUE, c, c.state, "system",
                        Api.time(now), extra));
            }
        }
        outbox.publishAll(events);
        return events.size();
    }
}
