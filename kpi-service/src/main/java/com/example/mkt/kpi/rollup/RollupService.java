package com.example.mkt.kpi.rollup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.example.mkt.eventing.consumer.PoisonEventException;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.org.OrgTree;
import com.example.mkt.kpi.org.OrgUnits;
import com.example.mkt.kpi.period.PeriodCalendar;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Applies facts to cells: stores each fact once, merges a batch in memory (each cell touched once), upserts the
 * cells in one statement and publishes the changes, all in the caller's transaction.
 *
 * <p>A fact for an org unit the replica does not know yet is parked, not dead-lettered: the org tree arrives on
 * planning.events and a new branch's first sales may overtake it. Parked facts are retried by
 * {@link ParkedFactsJob} and included by a rebuild once their unit is known.
 */
@ApplicationScoped
public class RollupService {

    private static final Logger LOG = Logger.getLogger(RollupService.class);

    /** Arbitrary but fixed: the advisory lock that lets one replica at a time retry parked facts. */
    private static final long PARKED_LOCK = 0x6b70695f7061726bL;
    private static final int CHUNK = 1000;

    /** What a rebuild did. */
    public record RebuildResult(long facts, long unparked, long stillParked, int cells, int changedCells) {
    }

    private final DataSource dataSource;
    private final Outbox outbox;
    private final KpiEvents events;
    private final KpiCatalogue catalogue;
    private final PeriodCalendar calendar;
    private final RollupPolicy policy;

    public RollupService(DataSource dataSource, Outbox outbox, KpiEvents events, KpiCatalogue catalogue,
            PeriodCalendar calendar, RollupPolicy policy) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.events = events;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.policy = policy;
    }

    /** Applies new facts; a fact seen before (same source id and KPI) has no second effect. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<Fact> facts) throws SQLException {
        if (facts.isEmpty()) {
            return;
        }
        // One business fact twice in a batch (a follow-up reported overdue, then completed): the first one counts,
        // as it would have in two batches.
        Map<String, Fact> unique = new java.util.LinkedHashMap<>();
        for (Fact fact : facts) {
            unique.putIfAbsent(factId(fact), fact);
        }
        facts = List.copyOf(unique.values());
        try (Connection c = dataSource.getConnection()) {
            Rollup rollup = rollup(c);
            List<Fact> ready = new ArrayList<>();
            List<String> parkReasons = new ArrayList<>();
            for (Fact fact : facts) {
                Optional<String> rejection = rollup.rejection(fact.delta());
                if (rejection.isPresent() && !rejection.get().startsWith("unknown org unit")) {
                    throw new PoisonEventException(fact.sourceId() + ": " + rejection.get());
                }
                parkReasons.add(rejection.orElse(null));
            }
            Set<String> inserted = insertFacts(c, facts, parkReasons);
            for (int i = 0; i < facts.size(); i++) {
                Fact fact = facts.get(i);
                if (parkReasons.get(i) == null && inserted.contains(factId(fact))) {
                    ready.add(fact);
                } else if (parkReasons.get(i) != null) {
                    LOG.infof("parked %s: %s", fact.sourceId(), parkReasons.get(i));
                }
            }
            applyToCells(c, rollup, ready);
        }
    }

    /** Applies parked facts whose org unit has arrived since; one replica at a time. Returns how many. */
    @Transactional
    public int retryParked() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, PARKED_LOCK);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return 0;
                    }
                }
            }
            Rollup rollup = rollup(c);
            List<Long> seqs = new ArrayList<>();
            List<Fact> ready = new ArrayList<>();
            // Only facts whose unit has arrived: parked facts of a unit that never comes must not fill every
            // page and starve the others.
            try (PreparedStatement ps = c.prepareStatement(SELECT_FACTS
                    + " WHERE parked AND org_unit IN (SELECT code FROM org_unit_ref)"
                    + " ORDER BY seq LIMIT " + CHUNK + " FOR UPDATE SKIP LOCKED");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Fact fact = fact(rs);
                    if (rollup.rejection(fact.delta()).isEmpty()) {
                        seqs.add(rs.getLong("seq"));
                        ready.add(fact);
                    }
                }
            }
            unpark(c, seqs);
            applyToCells(c, rollup, ready);
            return ready.size();
        }
    }

    /**
     * Recomputes every cell from the stored facts along today's org tree: the repair after a unit moved, a parked
     * unit arrived, or cells were damaged. Concurrent appliers wait for it (table locks), readers do not.
     */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public RebuildResult rebuild() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (Statement st = c.createStatement()) {
                // facts first, then cells: the same order appliers take them in, so no deadlock
                st.execute("LOCK TABLE measure_fact IN SHARE ROW EXCLUSIVE MODE");
                st.execute("LOCK TABLE kpi_cell IN SHARE ROW EXCLUSIVE MODE");
                st.execute("LOCK TABLE kpi_staff_cell IN SHARE ROW EXCLUSIVE MODE");
            }
            Map<CellKey, CellStore.Sums> before = CellStore.all(c);
            Rollup rollup = rollup(c);
            Map<CellKey, BigDecimal[]> sums = new TreeMap<>();
            Map<StaffCellKey, BigDecimal[]> staffSums = new TreeMap<>();
            List<Long> unpark = new ArrayList<>();
            long facts = 0;
            long stillParked = 0;
            long after = 0;
            while (true) {
                List<Fact> chunk = new ArrayList<>(CHUNK);
                long last = after;
                try (PreparedStatement ps = c.prepareStatement(SELECT_FACTS + " WHERE seq > ? ORDER BY seq LIMIT " + CHUNK)) {
                    ps.setLong(1, after);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            last = rs.getLong("seq");
                            Fact fact = fact(rs);
                            boolean parked = rs.getBoolean("parked");
                            if (rollup.rejection(fact.delta()).isPresent()) {
                                stillParked++;
                                continue;
                            }
                            if (parked) {
                                unpark.add(last);
                            }
                            chunk.add(fact);
                            facts++;
                        }
                    }
                }
                if (last == after) {
                    break;
                }
                after = last;
                for (CellDelta d : rollup.merge(chunk.stream().map(Fact::delta).toList())) {
                    BigDecimal[] s = sums.computeIfAbsent(d.key(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    s[0] = s[0].add(d.numerator());
                    s[1] = s[1].add(d.denominator());
                }
                for (StaffCellDelta d : rollup.mergeStaff(chunk)) {
                    BigDecimal[] s = staffSums.computeIfAbsent(d.key(),
                            k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    s[0] = s[0].add(d.numerator());
                    s[1] = s[1].add(d.denominator());
                }
            }
            unpark(c, unpark);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM kpi_cell");
                st.executeUpdate("DELETE FROM kpi_staff_cell");
            }
            List<CellDelta> cells = new ArrayList<>(sums.size());
            sums.forEach((k, s) -> {
                if (s[0].signum() != 0 || s[1].signum() != 0) {
                    cells.add(new CellDelta(k, s[0], s[1]));
                }
            });
            for (int from = 0; from < cells.size(); from += 10_000) {
                CellStore.upsert(c, cells.subList(from, Math.min(cells.size(), from + 10_000)));
            }
            List<StaffCellDelta> staffCells = new ArrayList<>(staffSums.size());
            staffSums.forEach((k, s) -> {
                if (s[0].signum() != 0 || s[1].signum() != 0) {
                    staffCells.add(new StaffCellDelta(k, s[0], s[1]));
                }
            });
            for (int from = 0; from < staffCells.size(); from += 10_000) {
                StaffCellStore.upsert(c, staffCells.subList(from, Math.min(staffCells.size(), from + 10_000)));
            }
            List<CellStore.Changed> changed = diff(before, cells);
            publish(c, changed);
            LOG.infof("rebuild: %d facts, %d unparked, %d still parked, %d cells, %d changed", facts, unpark.size(),
                    stillParked, cells.size(), changed.size());
            return new RebuildResult(facts, unpark.size(), stillParked, cells.size(), changed.size());
        }
    }

    private void applyToCells(Connection c, Rollup rollup, List<Fact> facts) throws SQLException {
        if (facts.isEmpty()) {
            return;
        }
        List<CellDelta> merged = rollup.merge(facts.stream().map(Fact::delta).toList());
        publish(c, CellStore.upsert(c, merged));
        StaffCellStore.upsert(c, rollup.mergeStaff(facts));
    }

    private void publish(Connection c, List<CellStore.Changed> changed) throws SQLException {
        List<OutboundEvent> out = events.forChanges(c, changed);
        if (!out.isEmpty()) {
            outbox.publishAll(out);
        }
    }

    private static List<CellStore.Changed> diff(Map<CellKey, CellStore.Sums> before, List<CellDelta> after) {
        Map<CellKey, CellStore.Sums> remaining = new HashMap<>(before);
        List<CellStore.Changed> changed = new ArrayList<>();
        for (CellDelta d : after) {
            CellStore.Sums now = new CellStore.Sums(d.numerator(), d.denominator());
            CellStore.Sums was = remaining.remove(d.key());
            if (was == null || was.numerator().compareTo(now.numerator()) != 0
                    || was.denominator().compareTo(now.denominator()) != 0) {
                changed.add(new CellStore.Changed(d.key(), was == null ? CellStore.Sums.ZERO : was, now));
            }
        }
        remaining.forEach((key, was) -> {
            if (was.numerator().signum() != 0 || was.denominator().signum() != 0) {
                changed.add(new CellStore.Changed(key, was, CellStore.Sums.ZERO));
            }
        });
        changed.sort((a, b) -> a.key().compareTo(b.key()));
        return changed;
    }

    private Rollup rollup(Connection c) throws SQLException {
        OrgTree tree = OrgUnits.load(c).tree();
        return new Rollup(tree, catalogue, calendar, policy);
    }

    private static final String SELECT_FACTS = "SELECT seq, source_id, source_type, kpi_code, org_unit, staff_id,"
            + " occurred_at, numerator, denominator, parked FROM measure_fact";

    private static Fact fact(ResultSet rs) throws SQLException {
        return new Fact(rs.getString("source_id"), rs.getString("source_type"), rs.getString("kpi_code"),
                rs.getString("org_unit"), rs.getString("staff_id"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getBigDecimal("numerator"), rs.getBigDecimal("denominator"));
    }

    private static void unpark(Connection c, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE measure_fact SET parked = FALSE, park_reason = NULL WHERE seq = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", seqs.toArray(Long[]::new)));
            ps.executeUpdate();
        }
    }

    private static String factId(Fact f) {
        return f.sourceId() + "\u001f" + f.kpiCode();
    }

    /** One multi-row insert; returns the ids of the facts that were new. */
    private static Set<String> insertFacts(Connection c, List<Fact> facts, List<String> parkReasons)
            throws SQLException {
        int n = facts.size();
        String[] id = new String[n], kpi = new String[n], type = new String[n], unit = new String[n],
                staff = new String[n], num = new String[n], den = new String[n], reason = new String[n];
        Timestamp[] at = new Timestamp[n];
        Boolean[] parked = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Fact f = facts.get(i);
            id[i] = f.sourceId();
            kpi[i] = f.kpiCode();
            type[i] = f.sourceType();
            unit[i] = f.orgUnit();
            staff[i] = f.staffId();
            at[i] = Timestamp.from(f.occurredAt());
            num[i] = f.numerator().toPlainString();
            den[i] = f.denominator().toPlainString();
            parked[i] = parkReasons.get(i) != null;
            reason[i] = parkReasons.get(i);
        }
        Set<String> inserted = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO measure_fact (source_id, kpi_code, source_type, org_unit, staff_id, occurred_at,
                                          numerator, denominator, parked, park_reason)
                SELECT i, k, t, u, s, a, n::numeric, d::numeric, p, r
                  FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[],
                              ?::text[], ?::text[], ?::boolean[], ?::text[]) WITH ORDINALITY AS x(i, k, t, u, s, a, n, d, p, r, o)
                 ORDER BY o
                ON CONFLICT (source_id, kpi_code) DO NOTHING
                RETURNING source_id, kpi_code
                """)) {
            ps.setArray(1, c.createArrayOf("text", id));
            ps.setArray(2, c.createArrayOf("text", kpi));
            ps.setArray(3, c.createArrayOf("text", type));
            ps.setArray(4, c.createArrayOf("text", unit));
            ps.setArray(5, c.createArrayOf("text", staff));
            ps.setArray(6, c.createArrayOf("timestamptz", at));
            ps.setArray(7, c.createArrayOf("text", num));
            ps.setArray(8, c.createArrayOf("text", den));
            ps.setArray(9, c.createArrayOf("boolean", parked));
            ps.setArray(10, c.createArrayOf("text", reason));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1) + "\u001f" + rs.getString(2));
                }
            }
        }
        return inserted;
    }
}
