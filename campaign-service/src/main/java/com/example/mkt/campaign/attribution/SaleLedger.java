package com.example.mkt.campaign.attribution;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.eventing.consumer.PoisonEventException;
import com.example.mkt.eventing.jdbc.FreshRows;
import com.example.mkt.eventing.jdbc.TextArrays;

/**
 * Every sale and refund read, by eventId ({@code campaign_sale}): a sale with its amount and what the refunds applied
 * so far took back from it ({@code refunded}), a refund with its amount and original. What refunds are checked
 * against. One statement per batch to record (it also raises the stored originals' {@code refunded} by the refunds
 * really inserted), one to look up (only with refunds), both by primary key.
 */
@ApplicationScoped
public class SaleLedger {

    /** A recorded row: {@code refundOf} is null for a sale, {@code refunded} zero for a refund. */
    public record Entry(BigDecimal amount, String refundOf, BigDecimal refunded) {

        public boolean isSale() {
            return refundOf == null;
        }
    }

    /** A refund to record: its eventId, amount (without sign) and original. */
    public record Refund(String eventId, BigDecimal amount, String refundOf) {
    }

    private final DataSource dataSource;

    public SaleLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the batch's sales and refunds in the ledger and checks every refund against its original there or in
     * the batch (docs/events.md#salesrecorded-external-contract): a refund of a sale never read here, or of more than
     * its amount less what the refunds before it took back (in earlier batches: the ledger's {@code refunded}; earlier
     * in this one), is poison, dead-lettered with the reason, never silently counted for nothing. A refund already in
     * the ledger is a redelivery: neither checked nor counted again.
     *
     * @param amounts each sale's and refund's amount, without sign
     * @return the originals' amounts by eventId
     */
    public Map<String, BigDecimal> recordAndCheck(List<Sale> sales, Map<String, BigDecimal> amounts)
            throws SQLException {
        Map<String, BigDecimal> batchSales = new LinkedHashMap<>();
        Set<String> lookup = new HashSet<>();
        for (Sale s : sales) {
            if (s.kind() == SaleKind.SALE) {
                batchSales.putIfAbsent(s.eventId(), amounts.get(s.eventId()));
            } else if (s.kind() == SaleKind.REFUND) {
                lookup.add(s.refundOf());
                lookup.add(s.eventId());
            }
        }
        Map<String, Entry> stored = lookup.isEmpty() ? Map.of() : lookup(lookup);
        Map<String, Entry> originals = new HashMap<>();
        batchSales.forEach((id, amount) -> originals.put(id, new Entry(amount, null, BigDecimal.ZERO)));
        stored.forEach((id, entry) -> {
            if (entry.isSale()) {
                originals.put(id, entry);
            }
        });
        Map<String, BigDecimal> refunded = new HashMap<>();
        Map<String, BigDecimal> refundedInBatch = new HashMap<>();
        List<Refund> refunds = new ArrayList<>();
        for (Sale s : sales) {
            if (s.kind() != SaleKind.REFUND || stored.containsKey(s.eventId())) {
                continue;
            }
            BigDecimal amount = amounts.get(s.eventId());
            Entry original = originals.get(s.refundOf());
            BigDecimal before = original == null ? null : refunded.getOrDefault(s.refundOf(), original.refunded());
            checkRefund(s, amount, original, before);
            refunded.put(s.refundOf(), before.add(amount));
            refunds.add(new Refund(s.eventId(), amount, s.refundOf()));
            if (!stored.containsKey(s.refundOf())) {
                refundedInBatch.merge(s.refundOf(), amount, BigDecimal::add);
            }
        }
        record(batchSales, refunds, refundedInBatch);
        Map<String, BigDecimal> out = new HashMap<>();
        originals.forEach((id, entry) -> out.put(id, entry.amount()));
        return out;
    }

    private static void checkRefund(Sale refund, BigDecimal amount, Entry original, BigDecimal before) {
        if (original == null) {
            throw new PoisonEventException("refund " + refund.eventId() + ": its original sale " + refund.refundOf()
                    + " is unknown (not counted here)");
        }
        if (before.add(amount).compareTo(original.amount()) > 0) {
            throw new PoisonEventException("refund " + refund.eventId() + " takes back " + amount.toPlainString()
                    + ", more than its original sale " + refund.refundOf() + " counted ("
                    + original.amount().toPlainString() + ") less what refunds took back before it ("
                    + before.toPlainString() + ")");
        }
    }

    /**
     * Records the batch's sales and refunds; a row already recorded (a redelivery) is left alone. A stored original
     * is raised by its refunds inserted now; an original new in this batch is inserted with {@code refundedInBatch}
     * (the statement's own update cannot see the rows it inserts).
     */
    public void record(Map<String, BigDecimal> sales, List<Refund> refunds, Map<String, BigDecimal> refundedInBatch)
            throws SQLException {
        if (sales.isEmpty() && refunds.isEmpty()) {
            return;
        }
        int n = sales.size() + refunds.size();
        String[] ids = new String[n];
        BigDecimal[] amounts = new BigDecimal[n];
        String[] originals = new String[n];
        BigDecimal[] refunded = new BigDecimal[n];
        int i = 0;
        for (Map.Entry<String, BigDecimal> s : sales.entrySet()) {
            ids[i] = s.getKey();
            amounts[i] = s.getValue();
            refunded[i++] = refundedInBatch.getOrDefault(s.getKey(), BigDecimal.ZERO);
        }
        for (Refund r : refunds) {
            ids[i] = r.eventId();
            amounts[i] = r.amount();
            originals[i] = r.refundOf();
            refunded[i++] = BigDecimal.ZERO;
        }
        try (Connection c = dataSource.getConnection()) {
            FreshRows.insert(c, RECORD, " ON CONFLICT DO NOTHING", ps -> {
                TextArrays.bind(ps, 1, Arrays.asList(ids));
                TextArrays.bind(ps, 2, Arrays.stream(amounts).map(BigDecimal::toPlainString).toList());
                TextArrays.bind(ps, 3, Arrays.asList(originals));
                TextArrays.bind(ps, 4, Arrays.stream(refunded).map(BigDecimal::toPlainString).toList());
                return ps.executeUpdate();
            });
        }
    }

    /** A plain insert first, with ON CONFLICT only if some rows were recorded before ({@link FreshRows}). */
    private static final String RECORD = "WITH ins AS (INSERT INTO campaign_sale (event_id, amount,"
            + " refund_of, refunded) SELECT * FROM unnest(?::text[], ?::numeric[], ?::text[], ?::numeric[])"
            + " ORDER BY 1 ON CONFLICT DO NOTHING RETURNING event_id, amount, refund_of)"
            + " UPDATE campaign_sale s SET refunded = s.refunded + t.total FROM (SELECT refund_of,"
            + " sum(amount) AS total FROM ins WHERE refund_of IS NOT NULL GROUP BY refund_of) t"
            + " WHERE s.event_id = t.refund_of";

    /** The recorded rows among {@code eventIds}: the originals the batch's refunds name, and the refunds themselves. */
    public Map<String, Entry> lookup(Collection<String> eventIds) throws SQLException {
        Map<String, Entry> out = new HashMap<>();
        if (eventIds.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT event_id, amount, refund_of, refunded FROM campaign_sale WHERE event_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Entry(rs.getBigDecimal(2), rs.getString(3), rs.getBigDecimal(4)));
                }
            }
        }
        return out;
    }
}
