package com.example.mkt.campaign.award;

import com.example.mkt.campaign.campaign.Campaign;
import com.example.mkt.campaign.campaign.CampaignEvents;
import com.example.mkt.campaign.campaign.CampaignStore;
import com.example.mkt.campaign.shared.Api;
import com.example.mkt.campaign.target.ProgressService;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.CurrentUser;
import com.example.mkt.rest.security.OrgScope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Awards from the campaign's rules and its stored contributions. Nothing but the contributions and the rules
 * goes in, so computing again gives the same answer; publishing stores the result and announces it.
 */
@ApplicationScoped
public class AwardService {

    static final List<String> COMPUTABLE = List.of("PILOT", "ACTIVE", "CLOSED", "ARCHIVED");

    private final CampaignStore campaigns;
    private final ProgressService progress;
    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;

    public AwardService(CampaignStore campaigns, ProgressService progress, Outbox outbox, EntityManager em,
                        Clock clock) {
        this.campaigns = campaigns;
        this.progress = progress;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
    }

    public AwardResult compute(Campaign c) {
        return new AwardEngine().compute(campaigns.awardRules(c), progress.progress(c));
    }

    /** Computes, keeps the result and publishes campaign.awards-computed, in one transaction. */
    @Transactional
    public AwardResult publish(String id, CurrentUser user, OrgScope scope) {
        Campaign c = campaigns.visible(id, scope);
        if (!COMPUTABLE.contains(c.state)) {
            throw ApiException.conflict("awards are computed for campaigns that ran (" + COMPUTABLE + "); this one is "
                    + c.state);
        }
        // Serialises computations of one campaign so the stored result and the event agree.
        em.lock(c, LockModeType.PESSIMISTIC_WRITE);
        AwardResult result = compute(c);
        Instant now = clock.instant();
        Map<String, Object> data = eventData(c, result, now);
        em.createNativeQuery("INSERT INTO campaign_award_result (campaign_id, computed_at, computed_by, result)"
                        + " VALUES (?1, ?2, ?3, CAST(?4 AS jsonb)) ON CONFLICT (campaign_id) DO UPDATE SET"
                        + " computed_at = EXCLUDED.computed_at, computed_by = EXCLUDED.computed_by,"
                        + " result = EXCLUDED.result")
                .setParameter(1, c.id).setParameter(2, java.sql.Timestamp.from(now)).setParameter(3, user.staffId())
                .setParameter(4, campaigns.write(data)).executeUpdate();
        outbox.publish(CampaignEvents.of(CampaignEvents.AWARDS_COMPUTED, c.id, data));
        return result;
    }

    /** The campaign.awards-computed data: the same rule set, contributions and instant give the same payload. */
    public static Map<String, Object> eventData(Campaign c, AwardResult r, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("campaignId", c.id);
        data.put("code", c.code);
        data.put("computedAt", Api.time(at));
        data.put("currency", Api.CURRENCY);
        data.put("pool", Api.money(r.pool()));
        data.put("awarded", Api.money(r.awarded()));
        data.put("unawarded", Api.money(r.unawarded()));
        data.put("speed", r.speed().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("branch", s.branch());
            m.put("rule", s.rule().name());
            m.put("place", s.place());
            m.put("tiedWith", s.tiedWith());
            m.put("reachedAt", Api.time(s.reachedAt()));
            m.put("amount", Api.money(s.amount()));
            m.put("shares", shares(s.shares()));
            return m;
        }).toList());
        data.put("individual", r.individual().stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("salesperson", i.salesperson());
            m.put("branch", i.branch());
            m.put("sales", Api.money(i.sales()));
            m.put("place", i.place());
            m.put("tiedWith", i.tiedWith());
            m.put("amount", Api.money(i.amount()));
            return m;
        }).toList());
        data.put("awards", r.awards().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", a.name());
            m.put("subject", a.subject().name());
            m.put("awarded", Api.money(a.awarded()));
            m.put("lines", a.lines().stream().map(l -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("branch", l.branch());
                line.put("salesperson", l.salesperson());
                line.put("rule", l.rule().name());
                line.put("place", l.place());
                line.put("tiedWith", l.tiedWith());
                line.put("score", Api.rate(l.score()));
                line.put("reachedAt", Api.time(l.reachedAt()));
                line.put("sales", Api.money(l.sales()));
                line.put("amount", Api.money(l.amount()));
                line.put("shares", shares(l.shares()));
                return line;
            }).toList());
            return m;
        }).toList());
        return data;
    }

    private static List<Map<String, Object>> shares(List<RecipientShare> shares) {
        return shares.stream().map(x -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("staffId", x.staffId());
            m.put("role", x.role());
            m.put("amount", Api.money(x.amount()));
            return m;
        }).toList();
    }
}
