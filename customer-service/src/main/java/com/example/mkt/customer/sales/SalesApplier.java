package com.example.mkt.customer.sales;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.customer.config.Policies;
import com.example.mkt.customer.customer.CustomerService;
import com.example.mkt.customer.followup.FollowUpPlanner;
import com.example.mkt.customer.followup.FollowUpStore;
import com.example.mkt.customer.followup.FollowUpTask;
import com.example.mkt.customer.history.StandingHistoryStore;
import com.example.mkt.customer.history.TierChangeSource;
import com.example.mkt.customer.sales.StatsStore.Figures;
import com.example.mkt.customer.shared.BusinessTime;
import com.example.mkt.customer.web.CustomerEvents;
import com.example.mkt.customer.web.Times;
import com.example.mkt.eventing.consumer.InboundEvent;
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.jdbc.UnnestColumns;
import com.example.mkt.eventing.outbox.Outbox;

/**
 * Applies a batch of fresh (already deduplicated) sales events inside the consumer's transaction with a
 * fixed number of statements, whatever the batch holds: resolve customers by id and external reference (1), create
 * prospects (1, RETURNING their ids; 1 more only when another replica created some first), lock standings and read
 * figures (2), look up refunded sales and the refunds already stored (1, only with refunds), store the sales and raise
 * what their originals have had refunded (1, RETURNING which were new), read the VIP window's large
 * purchases (1), write figures and standings (2), the tier and credit history (1, only when a tier moved),
 * follow-ups (1) and the events (1). Figures are running aggregates
 * changed by the batch's deltas; nothing reads a customer's purchase history (see {@link StatsStore}).
 */
@ApplicationScoped
public class SalesApplier {

    private final DataSource dataSource;
    private final StatsStore store;
    private final StandingRules rules;
    private final Outbox outbox;
    private final Clock clock;
    private final int vipValidityMonths;
    private final FollowUpPlanner planner;
    private final FollowUpStore followUps;
    private final StandingHistoryStore tierHistory;

    public SalesApplier(DataSource dataSource, StatsStore store, StandingRules rules, Outbox outbox, Clock clock,
            Policies policies, FollowUpPlanner planner, FollowUpStore followUps, StandingHistoryStore tierHistory) {
        this.planner = planner;
        this.tierHistory = tierHistory;
        this.followUps = followUps;
        this.dataSource = dataSource;
        this.store = store;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
        this.vipValidityMonths = policies.vipValidityMonths();
    }

    public void apply(List<InboundEvent> events) throws SQLException {
        List<SalesRecord> sales = salesOf(events);
        if (sales.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<OutboundEvent> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            Map<SalesRecord, String> customerOf = resolveCustomers(c, sales, now, out);
            Set<String> ids = new LinkedHashSet<>(customerOf.values());
            Map<String, Standing> before = store.lockStandings(c, ids);
            Map<String, Figures> figures = store.loadFigures(c, ids);
            Map<String, Instant> lastPurchase = new HashMap<>();
            figures.forEach((id, f) -> f.stats().lastPurchaseAt().ifPresent(t -> lastPurchase.put(id, t)));

            RefundCheck.Outcome refunds = checkRefunds(c, sales);
            Map<String, Instant> saleTimes = refunds.originalTimes();

            List<SalesRecord> purchases = sales.stream().filter(s -> !s.isContract()).toList();
            // the stored rows decide what counts: a sale seen before (its inbox entry since pruned) adds nothing
            Set<String> stored = store.insertSales(c, purchases, customerOf, refunds.refundedInBatch());

            Set<String> contracting = new HashSet<>();
            for (SalesRecord s : sales) {
                String id = customerOf.get(s);
                Figures f = figures.get(id);
                if (s.isContract()) {
                    figures.put(id, new Figures(f.stats(), f.fulfilment().record(s.fulfilled(), s.amount())));
                    contracting.add(id);
                } else if (stored.contains(s.eventId())) {
                    figures.put(id, new Figures(f.stats().apply(toSale(s, saleTimes)), f.fulfilment()));
                }
            }

            Instant since = BusinessTime.startOf(
                    YearMonth.from(now.atZone(store.zone())).minusMonths(vipValidityMonths + 1L).atDay(1), store.zone());
            Map<String, List<Sale>> history = store.loadLargeSales(c, ids, since, rules.vipSinglePurchase());

            List<Standing> changed = new ArrayList<>();
            StandingHistoryStore.Changes moves = new StandingHistoryStore.Changes();
            for (String id : ids) {
                Standing b = before.get(id);
                Figures f = figures.get(id);
                StandingRules.Outcome outcome = rules.evaluate(b, f.stats(), history.get(id), f.fulfilment(),
                        contracting.contains(id), now);
                if (outcome.changed(b)) {
                    changed.add(outcome.standing());
                }
                outcome.addTo(moves, TierChangeSource.SALES, now);
                out.addAll(outcome.events());
            }
            store.saveFigures(c, figures, now);
            store.saveStandings(c, changed, now);
            tierHistory.record(c, moves); // one statement, and only when some tier moved
            followUps.insertIfAbsent(c, callbacks(purchases.stream().filter(s -> stored.contains(s.eventId())).toList(),
                    customerOf, before, lastPurchase, now), now);
        }
        outbox.publishAll(out);
    }

    private static List<SalesRecord> salesOf(List<InboundEvent> events) {
        List<SalesRecord> sales = new ArrayList<>();
        for (InboundEvent e : events) {
            if (SalesRecord.TYPE.equals(e.type())) {
                sales.add(SalesRecord.read(e.envelope().data()));
            }
        }
        return sales;
    }

    /**
     * Checks the batch's refunds against their originals ({@link RefundCheck}), from this batch or stored: one
     * statement reads the originals and the refunds already stored, by primary key. A refund whose original this
     * service has not counted, or that takes back more than the original has left, is poison; its reason goes to the
     * dead-letter topic and it can be replayed once the sale is in.
     */
    private RefundCheck.Outcome checkRefunds(Connection c, List<SalesRecord> sales) throws SQLException {
        Set<String> lookup = new HashSet<>();
        for (SalesRecord s : sales) {
            if ("REFUND".equals(s.kind())) {
                lookup.add(s.refundOf());
                lookup.add(s.eventId());
            }
        }
        if (lookup.isEmpty()) {
            return new RefundCheck.Outcome(Map.of(), Map.of());
        }
        return RefundCheck.check(sales, store.stored(c, lookup));
    }

    /**
     * An after-sales callback per customer and purchase day (the first salesperson of the day is asked to call);
     * a sale reported after its callback window has passed gets none. A customer whose last purchase before this
     * batch was on the same day already had that day's callback planned with it, so it is not offered to the
     * database again: a customer buying several times a day made one insert attempt per batch that only conflicted
     * (a tenth of customer-service's statement time under the benchmark). A late sale of an earlier day is still
     * offered.
     */
    private List<FollowUpStore.Planned> callbacks(List<SalesRecord> sales, Map<SalesRecord, String> customerOf,
            Map<String, Standing> standings, Map<String, Instant> lastPurchase, Instant now) {
        Map<String, FollowUpStore.Planned> byKey = new LinkedHashMap<>();
        for (SalesRecord s : sales) {
            if (!"SALE".equals(s.kind())) {
                continue;
            }
            String id = customerOf.get(s);
            FollowUpTask task = planner.afterSalesCallback(id, s.occurredAt());
            Instant last = lastPurchase.get(id);
            if (last != null && planner.afterSalesCallback(id, last).key().equals(task.key())) {
                continue;
            }
            if (task.dueBy().isAfter(now)) {
                byKey.putIfAbsent(task.key(), new FollowUpStore.Planned(task, standings.get(id).orgUnit(),
                        s.salesperson()));
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static Sale toSale(SalesRecord s, Map<String, Instant> saleTimes) {
        if ("SALE".equals(s.kind())) {
            return Sale.sale(s.eventId(), s.occurredAt(), s.amount());
        }
        Instant original = s.refundOf() == null ? null : saleTimes.get(s.refundOf());
        return new Sale(s.eventId(), SaleKind.REFUND, s.occurredAt(), s.amount().abs(),
                original == null ? null : s.refundOf(), original);
    }

    /**
     * A customer named by an id this service has not registered, or by an unknown external reference, becomes a
     * prospect in the sale's org unit on its first sale, so that the sale counts here as it does in kpi-service and
     * campaign-service (docs/events.md#salesrecorded-external-contract): the id is kept as the prospect's id (the other
     * services know the customer by it), the reference as its external_ref. Created once even when two replicas see
     * it at the same time (primary key and unique external_ref, ON CONFLICT DO NOTHING).
     */
    private Map<SalesRecord, String> resolveCustomers(Connection c, List<SalesRecord> sales, Instant now,
            List<OutboundEvent> out) throws SQLException {
        Map<SalesRecord, String> customerOf = new IdentityHashMap<>();
        Map<String, SalesRecord> ids = new LinkedHashMap<>();
        Map<String, SalesRecord> refs = new LinkedHashMap<>();
        for (SalesRecord s : sales) {
            if (s.customerId() != null) {
                ids.putIfAbsent(s.customerId(), s);
            } else {
                refs.putIfAbsent(s.externalRef(), s);
            }
        }
        Set<String> known = new HashSet<>();
        Map<String, String> byRef = new HashMap<>();
        // one query for both ways of naming a customer
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, external_ref FROM customer WHERE id = ANY(?) OR external_ref = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", ids.keySet().toArray()));
            ps.setArray(2, c.createArrayOf("text", refs.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                    if (rs.getString(2) != null) {
                        byRef.put(rs.getString(2), rs.getString(1));
                    }
                }
            }
        }
        Map<String, SalesRecord> missingRefs = new TreeMap<>();
        refs.forEach((ref, s) -> {
            if (!byRef.containsKey(ref)) {
                missingRefs.put(ref, s);
            }
        });
        Map<String, SalesRecord> missingIds = new TreeMap<>(ids);
        missingIds.keySet().removeAll(known);
        if (!missingRefs.isEmpty() || !missingIds.isEmpty()) {
            byRef.putAll(createProspects(c, missingIds, missingRefs, now, out));
            if (!byRef.keySet().containsAll(missingRefs.keySet())) {
                // another replica created some of them first: read its ids (a race, so rarely a statement)
                byRef.putAll(findByRef(c, missingRefs.keySet()));
            }
        }
        for (SalesRecord s : sales) {
            customerOf.put(s, s.customerId() != null ? s.customerId() : byRef.get(s.externalRef()));
        }
        return customerOf;
    }

    private static Map<String, String> findByRef(Connection c, Set<String> refs) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT external_ref, id FROM customer WHERE external_ref = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", refs.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /**
     * One statement; RETURNING tells which prospects this batch created (another replica may have been first, and then
     * publishes its own registration). A customer named by id keeps that id and has no external reference; one named
     * by reference gets a new id.
     *
     * @return the created customers' ids by external reference
     */
    private static Map<String, String> createProspects(Connection c, Map<String, SalesRecord> missingIds,
            Map<String, SalesRecord> missingRefs, Instant now, List<OutboundEvent> out) throws SQLException {
        Map<String, CustomerService.Registered> candidates = new LinkedHashMap<>();
        UnnestColumns cols = new UnnestColumns(7);
        missingIds.forEach((id, s) -> candidate(cols, candidates, id, null, s, now));
        missingRefs.forEach((ref, s) -> candidate(cols, candidates, UUID.randomUUID().toString(), ref, s, now));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO customer (id, type, name, name_key, status, "
                + "org_unit, salesperson, phone, external_ref, search_phones, created_at, updated_at) "
                + "SELECT u.id, 'INDIVIDUAL', u.n, customer_search_key(u.n), 'PROSPECT', u.o, u.p, u.ph, u.r, u.sp, "
                + "?::timestamptz, ?::timestamptz FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                + "?::text[], ?::text[]) AS u(id, n, o, p, ph, r, sp) ORDER BY u.r, u.id "
                + "ON CONFLICT DO NOTHING RETURNING id, external_ref")) {
            ps.setString(1, now.toString());
            ps.setString(2, now.toString());
            cols.bind(ps, 3);
            Map<String, String> created = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CustomerService.Registered r = candidates.get(rs.getString(1));
                    out.add(CustomerEvents.of("customer.registered", r.customerId(), r));
                    if (rs.getString(2) != null) {
                        created.put(rs.getString(2), rs.getString(1));
                    }
                }
            }
            return created;
        }
    }

    /** One prospect to create, named after the sale's customer (else its reference or id). */
    private static void candidate(UnnestColumns cols, Map<String, CustomerService.Registered> candidates, String id,
            String ref, SalesRecord s, Instant now) {
        String name = s.customerName() != null ? s.customerName() : ref != null ? ref : id;
        cols.add(id, name, s.orgUnit(), s.salesperson(), s.customerPhone(), ref,
                s.customerPhone() == null ? "" : s.customerPhone().replaceAll("[^0-9]", ""));
        candidates.put(id, new CustomerService.Registered(id, "INDIVIDUAL", name, "PROSPECT", s.orgUnit(),
                s.salesperson(), null, ref, "SALES", Times.out(now).toString()));
    }
}
