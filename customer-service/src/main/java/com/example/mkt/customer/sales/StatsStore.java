package com.example.mkt.customer.sales;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.example.mkt.customer.config.Policies;
import com.example.mkt.customer.credit.FulfilmentRecord;
import com.example.mkt.customer.score.PurchaseStats;
import com.example.mkt.customer.tier.VipRule;
import com.example.mkt.eventing.jdbc.FreshRows;
import com.example.mkt.eventing.jdbc.UnnestColumns;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

/**
 * JDBC access for the sales path: every method is one statement for a whole set of customers (writes as
 * {@code unnest} of parallel arrays), so a batch of events costs a fixed number of round trips whatever its size.
 */
@ApplicationScoped
public class StatsStore {

    /** Per-month figures older than this are dropped: the longest window (lifecycle comparison, 12-month tier) fits. */
    static final int MONTHS_KEPT = 25;

    public record Figures(PurchaseStats stats, FulfilmentRecord fulfilment) {
    }

    private final ObjectMapper mapper;
    private final ZoneId zone;
    private final BigDecimal singlePurchase;

    public StatsStore(ObjectMapper mapper, Policies policies, VipRule vipRule) {
        this.mapper = mapper;
        this.zone = policies.zone();
        this.singlePurchase = vipRule.singlePurchase();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The least single-purchase VIP amount customer_sale_vip holds purchases for (migration V11). */
    static final BigDecimal VIP_INDEX_FLOOR = new BigDecimal("10000.00");

    void refuseAVipAmountNoIndexServes(@Observes StartupEvent start) {
        vipIndexServes(singlePurchase);
    }

    /**
     * Refuses a single-purchase VIP amount below the index's floor: the VIP look-up would scan every purchase of the
     * batch's customers instead (migration V17 says why no index by customer alone is kept).
     */
    static void vipIndexServes(BigDecimal singlePurchase) {
        if (singlePurchase.compareTo(VIP_INDEX_FLOOR) < 0) {
            throw new IllegalStateException("customer.vip.single-purchase is " + singlePurchase.toPlainString()
                    + ": it must be at least " + VIP_INDEX_FLOOR.toPlainString() + ", the least amount the index of"
                    + " large purchases (customer_sale_vip) holds (docs/domain.md#vip-and-membership-tiers)");
        }
    }

    /** Locks the customers' rows (in id order, so concurrent batches cannot deadlock) and reads their standing. */
    public Map<String, Standing> lockStandings(Connection c, Collection<String> ids) throws SQLException {
        Map<String, Standing> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, org_unit, tier, vip, credit_tier, lifecycle_stage, "
                + "value_score, vip_nominated FROM customer WHERE id = ANY(?) ORDER BY id FOR UPDATE")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Standing(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getBoolean(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getBoolean(8)));
                }
            }
        }
        return out;
    }

    public Map<String, Figures> loadFigures(Connection c, Collection<String> ids) throws SQLException {
        Map<String, Figures> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT customer_id, first_purchase_at, last_purchase_at, "
                + "prior_purchase_at, order_count, refund_count, lifetime_spend, spend_by_month::text, "
                + "orders_by_month::text, contracts_fulfilled, contracts_defaulted, contracts_fulfilled_amount, "
                + "contracts_defaulted_amount FROM customer_stats "
                + "WHERE customer_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<YearMonth, BigDecimal> spend = new TreeMap<>();
                    Map<YearMonth, Integer> orders = new TreeMap<>();
                    MonthFigures.read(rs.getString(8), mapper, (k, v) -> spend.put(month(k), new BigDecimal(v)));
                    MonthFigures.read(rs.getString(9), mapper, (k, v) -> orders.put(month(k), Integer.valueOf(v)));
                    PurchaseStats stats = PurchaseStats.restore(zone, instant(rs.getTimestamp(2)),
                            instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)), rs.getLong(5), rs.getLong(6),
                            rs.getBigDecimal(7), spend, orders);
                    out.put(rs.getString(1), new Figures(stats, new FulfilmentRecord(rs.getLong(10), rs.getLong(11),
                            rs.getBigDecimal(12), rs.getBigDecimal(13))));
                }
            }
        }
        for (String id : ids) {
            out.computeIfAbsent(id, k -> new Figures(PurchaseStats.empty(zone), FulfilmentRecord.NONE));
        }
        return out;
    }

    private static final String FIGURES = "unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
            + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
            + "AS u(id, f, l, p, o, r, s, sm, om, cf, cd, cfa, cda)";
    private static final String UPDATE_FIGURES = "UPDATE customer_stats AS t SET first_purchase_at = u.f::timestamptz, "
            + "last_purchase_at = u.l::timestamptz, prior_purchase_at = u.p::timestamptz, order_count = u.o::bigint, "
            + "refund_count = u.r::bigint, lifetime_spend = u.s::numeric, spend_by_month = u.sm::jsonb, "
            + "orders_by_month = u.om::jsonb, contracts_fulfilled = u.cf::bigint, contracts_defaulted = u.cd::bigint, "
            + "contracts_fulfilled_amount = u.cfa::numeric, contracts_defaulted_amount = u.cda::numeric, "
            + "updated_at = ?::timestamptz FROM " + FIGURES + " WHERE t.customer_id = u.id RETURNING t.customer_id";
    private static final String INSERT_FIGURES = "INSERT INTO customer_stats (customer_id, first_purchase_at, "
            + "last_purchase_at, prior_purchase_at, order_count, refund_count, lifetime_spend, spend_by_month, "
            + "orders_by_month, contracts_fulfilled, contracts_defaulted, contracts_fulfilled_amount, "
            + "contracts_defaulted_amount, updated_at) "
            + "SELECT u.id, u.f::timestamptz, u.l::timestamptz, u.p::timestamptz, u.o::bigint, u.r::bigint, "
            + "u.s::numeric, u.sm::jsonb, u.om::jsonb, u.cf::bigint, u.cd::bigint, u.cfa::numeric, "
            + "u.cda::numeric, ?::timestamptz FROM " + FIGURES + " "
            + "ON CONFLICT (customer_id) DO UPDATE SET "
            + "first_purchase_at = EXCLUDED.first_purchase_at, last_purchase_at = EXCLUDED.last_purchase_at, "
            + "prior_purchase_at = EXCLUDED.prior_purchase_at, order_count = EXCLUDED.order_count, "
            + "refund_count = EXCLUDED.refund_count, lifetime_spend = EXCLUDED.lifetime_spend, "
            + "spend_by_month = EXCLUDED.spend_by_month, orders_by_month = EXCLUDED.orders_by_month, "
            + "contracts_fulfilled = EXCLUDED.contracts_fulfilled, "
            + "contracts_defaulted = EXCLUDED.contracts_defaulted, "
            + "contracts_fulfilled_amount = EXCLUDED.contracts_fulfilled_amount, "
            + "contracts_defaulted_amount = EXCLUDED.contracts_defaulted_amount, updated_at = EXCLUDED.updated_at";

    /**
     * The batch's customers' figures: an update of the rows there are, then an insert of the rest (a customer's first
     * purchase), one statement each. Not one {@code INSERT ... ON CONFLICT DO UPDATE}: for every row that exists,
     * which is nearly every row, that searches the key first and logs a row lock before the update (two WAL records a
     * customer instead of one). The insert keeps its {@code ON CONFLICT} for a row written since the update.
     */
    public void saveFigures(Connection c, Map<String, Figures> figures, Instant now) throws SQLException {
        if (figures.isEmpty()) {
            return;
        }
        YearMonth oldestKept = YearMonth.from(now.atZone(zone)).minusMonths(MONTHS_KEPT - 1L);
        Map<String, String[]> rows = new TreeMap<>();
        figures.forEach((id, f) -> rows.put(id, figuresRow(id, f, oldestKept)));
        try (PreparedStatement ps = c.prepareStatement(UPDATE_FIGURES)) {
            bindFigures(ps, rows.values(), now);
            rows.keySet().removeAll(FreshRows.returnedKeys(ps));
        }
        if (!rows.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_FIGURES)) {
                bindFigures(ps, rows.values(), now);
                ps.executeUpdate();
            }
        }
    }

    private static String[] figuresRow(String id, Figures figures, YearMonth oldestKept) {
        PurchaseStats s = figures.stats().retainFrom(oldestKept);
        FulfilmentRecord record = figures.fulfilment();
        return new String[] {id, text(s.firstPurchaseAt().orElse(null)), text(s.lastPurchaseAt().orElse(null)),
            text(s.priorPurchaseAt().orElse(null)), Long.toString(s.orderCount()), Long.toString(s.refundCount()),
            s.lifetimeSpend().toPlainString(), MonthFigures.write(s.spendByMonth()),
            MonthFigures.write(s.ordersByMonth()), Long.toString(record.fulfilled()), Long.toString(record.defaulted()),
            record.fulfilledAmount().toPlainString(), record.defaultedAmount().toPlainString()};
    }

    /** The time first (the statements' first parameter), then the thirteen columns. */
    private static void bindFigures(PreparedStatement ps, Collection<String[]> rows, Instant now) throws SQLException {
        UnnestColumns cols = new UnnestColumns(13);
        rows.forEach(cols::add);
        ps.setString(1, now.toString());
        cols.bind(ps, 2);
    }

    /**
     * The customers' purchases of at least {@code atLeast} since {@code since}, and the refunds of them: all the VIP
     * rule needs one by one (its monthly totals are in the running figures). Bounded by the VIP window, not by
     * history: the partial index customer_sale_vip holds only purchases of at least {@link #VIP_INDEX_FLOOR}, by
     * (customer, time), so older large purchases are never visited. The amount is written into the statement (a
     * number from the configuration, not input) because the planner can use a partial index only when it sees the
     * literal. No index serves a lower amount (V17), so the service does not start with one ({@link #vipIndexServes}).
     */
    public Map<String, List<Sale>> loadLargeSales(Connection c, Collection<String> ids, Instant since,
            BigDecimal atLeast) throws SQLException {
        Map<String, List<Sale>> out = new HashMap<>();
        ids.forEach(id -> out.put(id, new ArrayList<>()));
        String amount = atLeast.toPlainString();
        try (PreparedStatement ps = c.prepareStatement("WITH large AS (SELECT customer_id, event_id, kind, occurred_at,"
                + " amount, refund_of FROM customer_sale WHERE customer_id = ANY(?) AND kind = 'SALE' AND amount >= "
                + amount + " AND occurred_at >= ?) SELECT * FROM large UNION ALL SELECT r.customer_id, r.event_id,"
                + " r.kind, r.occurred_at, r.amount, r.refund_of FROM customer_sale r JOIN large l"
                + " ON r.refund_of = l.event_id AND r.kind = 'REFUND'")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            ps.setTimestamp(2, ts(since));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SaleKind kind = SaleKind.valueOf(rs.getString(3));
                    out.get(rs.getString(1)).add(new Sale(rs.getString(2), kind, instant(rs.getTimestamp(4)),
                            rs.getBigDecimal(5), kind == SaleKind.REFUND ? rs.getString(6) : null, null));
                }
            }
        }
        return out;
    }

    /**
     * A stored sale or refund, as a refund of the batch needs it: when it counted, how much, and (for a sale) what the
     * refunds applied so far took back from it.
     */
    public record Stored(SaleKind kind, Instant occurredAt, BigDecimal amount, BigDecimal refunded) {
    }

    /**
     * The stored rows among {@code eventIds} (the originals the batch's refunds name, and the refunds themselves, so
     * that a redelivered refund is known as applied), in one statement by primary key.
     */
    public Map<String, Stored> stored(Connection c, Collection<String> eventIds) throws SQLException {
        Map<String, Stored> out = new HashMap<>();
        if (eventIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT event_id, kind, occurred_at, amount, refunded"
                + " FROM customer_sale WHERE event_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Stored(SaleKind.valueOf(rs.getString(2)),
                            instant(rs.getTimestamp(3)), rs.getBigDecimal(4), rs.getBigDecimal(5)));
                }
            }
        }
        return out;
    }

    /**
     * Stores the sales and refunds in one statement, which also raises what each stored original has had refunded by
     * the refunds really inserted (a redelivered one adds nothing). An original new in this batch is inserted with
     * {@code refundedInBatch}: the statement's own update cannot see rows it inserts. A plain insert first, with ON
     * CONFLICT only if some were stored before ({@link FreshRows}).
     *
     * @return the event ids stored now; one already stored is left out, so its figures are not counted twice
     */
    public Set<String> insertSales(Connection c, List<SalesRecord> sales, Map<SalesRecord, String> customerOf,
            Map<String, BigDecimal> refundedInBatch) throws SQLException {
        if (sales.isEmpty()) {
            return new HashSet<>();
        }
        UnnestColumns cols = new UnnestColumns(9);
        for (SalesRecord s : sales) {
            cols.add(s.eventId(), customerOf.get(s), s.kind(), s.occurredAt().toString(),
                    s.amount().abs().toPlainString(), s.refundOf(), s.salesperson(), s.orgUnit(),
                    refundedInBatch.getOrDefault(s.eventId(), BigDecimal.ZERO).toPlainString());
        }
        return FreshRows.insert(c, INSERT_SALES, " ON CONFLICT (event_id) DO NOTHING", ps -> {
            cols.bind(ps, 1);
            return FreshRows.returnedKeys(ps);
        });
    }

    private static final String INSERT_SALES = "WITH ins AS (INSERT INTO customer_sale (event_id, customer_id,"
            + " kind, occurred_at, amount, refund_of, salesperson, org_unit, refunded) SELECT u.e, u.c, u.k,"
            + " u.at::timestamptz, u.a::numeric, u.r, u.p, u.o, u.f::numeric FROM unnest(?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " AS u(e, c, k, at, a, r, p, o, f) ON CONFLICT (event_id) DO NOTHING"
            + " RETURNING event_id, kind, amount, refund_of),"
            + " taken AS (UPDATE customer_sale s SET refunded = s.refunded + t.total FROM (SELECT refund_of,"
            + " sum(amount) AS total FROM ins WHERE kind = 'REFUND' GROUP BY refund_of) t"
            + " WHERE s.event_id = t.refund_of AND s.kind = 'SALE')"
            + " SELECT event_id FROM ins";

    /** One statement for every changed standing. */
    public void saveStandings(Connection c, Collection<Standing> standings, Instant now) throws SQLException {
        if (standings.isEmpty()) {
            return;
        }
        UnnestColumns cols = new UnnestColumns(6);
        for (Standing s : standings) {
            cols.add(s.customerId(), s.tier(), Boolean.toString(s.vip()), s.creditTier(), s.lifecycleStage(),
                    Integer.toString(s.valueScore()));
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE customer c SET tier = u.t, vip = u.v::boolean, "
                + "credit_tier = u.ct, lifecycle_stage = u.ls, value_score = u.vs::int, updated_at = ?::timestamptz, "
                + "version = c.version + 1 FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                + "?::text[]) AS u(id, t, v, ct, ls, vs) WHERE c.id = u.id")) {
            ps.setString(1, now.toString());
            cols.bind(ps, 2);
            ps.executeUpdate();
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /**
     * A month key as saveFigures writes it ({@code 2026-11}). Read by hand: YearMonth.parse goes through a
     * DateTimeFormatter, 2 % of the sales consumer's CPU for the 25 months of every customer of every batch.
     */
    static YearMonth month(String key) {
        if (key.length() == 7 && key.charAt(4) == '-') {
            return YearMonth.of(Integer.parseInt(key, 0, 4, 10), Integer.parseInt(key, 5, 7, 10));
        }
        return YearMonth.parse(key);
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
