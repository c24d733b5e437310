package com.example.mkt.customer.sales;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.customer.config.Policies;
import com.example.mkt.customer.history.StandingHistoryStore;
import com.example.mkt.customer.history.TierChangeSource;
import com.example.mkt.customer.shared.BusinessTime;
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Nightly: time alone moves customers to AT_RISK and CHURNED, lets VIP status lapse and tiers and scores
 * slide as the window rolls; each tier move is kept in the history (source AGING). Safe with two replicas: each
 * page locks its customers' rows, so a second run waits, then finds nothing left to change and publishes nothing.
 */
@ApplicationScoped
public class StandingAgingJob {

    private static final int PAGE = 1000;

    private final DataSource dataSource;
    private final StatsStore store;
    private final StandingRules rules;
    private final Outbox outbox;
    private final Clock clock;
    private final int vipValidityMonths;
    private final StandingHistoryStore tierHistory;

    public StandingAgingJob(DataSource dataSource, StatsStore store, StandingRules rules, Outbox outbox, Clock clock,
            Policies policies, StandingHistoryStore tierHistory) {
        this.dataSource = dataSource;
        this.tierHistory = tierHistory;
        this.store = store;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
        this.vipValidityMonths = policies.vipValidityMonths();
    }

    @Scheduled(cron = "${customer.jobs.lifecycle-cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run(clock.instant());
    }

    /** @return the number of events published */
    public int run(Instant now) {
        int published = 0;
        String after = "";
        while (after != null) {
            String from = after;
            Result r = QuarkusTransaction.requiringNew().call(() -> page(from, now));
            published += r.events();
            after = r.next();
        }
        return published;
    }

    private record Result(int events, String next) {
    }

    private Result page(String after, Instant now) throws Exception {
        List<OutboundEvent> events = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT customer_id FROM customer_stats WHERE customer_id > ? ORDER BY customer_id LIMIT ?")) {
                ps.setString(1, after);
                ps.setInt(2, PAGE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return new Result(0, null);
            }
            Map<String, Standing> before = store.lockStandings(c, ids);
            Map<String, StatsStore.Figures> figures = store.loadFigures(c, ids);
            Instant since = BusinessTime.startOf(
                    YearMonth.from(now.atZone(store.zone())).minusMonths(vipValidityMonths + 1L).atDay(1), store.zone());
            Map<String, List<Sale>> history = store.loadLargeSales(c, ids, since, rules.vipSinglePurchase());
            List<Standing> changed = new ArrayList<>();
            StandingHistoryStore.Changes moves = new StandingHistoryStore.Changes();
            for (String id : ids) {
                Standing b = before.get(id);
                StatsStore.Figures f = figures.get(id);
                StandingRules.Outcome o = rules.evaluate(b, f.stats(), history.get(id), f.fulfilment(), false, now);
                if (o.changed(b)) {
                    changed.add(o.standing());
                }
                o.addTo(moves, TierChangeSource.AGING, now);
                events.addAll(o.events());
            }
            store.saveStandings(c, changed, now);
            tierHistory.record(c, moves);
        }
        outbox.publishAll(events);
        return new Result(events.size(), ids.size() < PAGE ? null : ids.get(ids.size() - 1));
    }
}
