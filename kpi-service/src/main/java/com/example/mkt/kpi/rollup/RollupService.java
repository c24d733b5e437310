package com.example.mkt.kpi.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.example.mkt.eventing.consumer.InboundEvent;
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

    /**
     * Applies the facts a consumed batch of events makes (none, one or more per event; {@code facts} reads them) as
     * one batch: the shape every feed of this service shares.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyEvents(List<InboundEvent> events, Function<InboundEvent, Stream<Fact>> facts) throws SQLException {
        apply(events.stream().flatMap(facts).toList());
    }

    /**
     * Applies new facts; a fact seen before (same source id and KPI) has no second effect.
     *
     * @return the facts stored now (applied or parked), so that a caller keeping a figure of its own beside them (the
     *         sales consumer's refunded amounts) moves it by exactly these
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Fact> apply(List<Fact> facts) throws SQLException {
        if (facts.isEmpty()) {
            return List.of();
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
            Set<String> inserted = FactStore.insertFacts(c, facts, parkReasons);
            List<Fact> stored = new ArrayList<>();
            for (int i = 0; i < facts.size(); i++) {
                if (inserted.contains(factId(facts.get(i)))) {
                    stored.add(facts.get(i));
                }
                Fact fact = facts.get(i);
                if (parkReasons.get(i) == null && inserted.contains(factId(fact))) {
                    ready.add(fact);
                } else if (parkReasons.get(i) != null) {
                    LOG.infof("parked %s: %s", fact.sourceId(), parkReasons.get(i));
                }
            }
            applyToCells(c, rollup, ready);
            return stored;
        }
    }

    /**
     * Applies parked facts whose org unit has arrived since; one replica at a time. Returns how many.
     *
     * <p>The candidates are found by a plain read; only when some are ready are the fact and cell tables locked, as a
     * rebuild locks them and before any row is touched, and the facts still parked then are unparked and applied.
     * Locking the rows first ({@code FOR UPDATE}, which a rebuild's table lock lets through) deadlocked with a
     * running rebuild: its unparking waited for those rows, and the retry's update for its table lock.
     */
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
            // Only facts whose unit has arrived: parked facts of a unit that never comes must not fill every
            // page and starve the others.
            try (PreparedStatement ps = c.prepareStatement(FactStore.SELECT_FACTS
                    + " WHERE parked AND org_unit IN (SELECT code FROM org_unit_ref) ORDER BY seq LIMIT " + CHUNK);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rollup.rejection(FactStore.fact(rs).delta()).isEmpty()) {
                        seqs.add(rs.getLong("seq"));
                    }
                }
            }
            if (seqs.isEmpty()) {
                return 0;
            }
            CellRebuild.lock(c);
            List<Fact> ready = FactStore.unpark(c, seqs);
            applyToCells(c, rollup, ready);
            return ready.size();
        }
    }

    /**
     * Recomputes every cell from the stored facts along today's org tree: the repair after a unit moved, a parked
     * unit arrived, or cells were damaged. Concurrent appliers wait for it (table locks), readers do not. The steps
     * are {@link CellRebuild}'s; no more than a chunk of facts and a page of changed cells is held in memory.
     */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public RebuildResult rebuild() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            CellRebuild.lock(c);
            Rollup rollup = rollup(c);
            CellRebuild rebuild = new CellRebuild(c, rollup);
            rebuild.setOldCellsAside();
            rebuild.recompute();
            // one asOf for every event of the rebuild, as when they were published at once
            OffsetDateTime asOf = KpiEvents.now();
            int changed = rebuild.compare(page -> publishEvents(events.forChanges(c, rollup.orgTree(), page, asOf)));
            RebuildResult result = new RebuildResult(rebuild.facts(), rebuild.unparked(), rebuild.stillParked(),
                    rebuild.cells(), changed);
            LOG.infof("rebuild: %d facts, %d unparked, %d still parked, %d cells, %d changed", result.facts(),
                    result.unparked(), result.stillParked(), result.cells(), result.changedCells());
            return result;
        }
    }

    private void applyToCells(Connection c, Rollup rollup, List<Fact> facts) throws SQLException {
        if (facts.isEmpty()) {
            return;
        }
        List<CellDelta> merged = rollup.merge(facts.stream().map(Fact::delta).toList());
        publish(c, rollup.orgTree(), CellStore.upsert(c, merged));
        StaffCellStore.upsert(c, rollup.mergeStaff(facts));
    }

    private void publish(Connection c, OrgTree tree, List<CellStore.Changed> changed) throws SQLException {
        publishEvents(events.forChanges(c, tree, changed));
    }

    private void publishEvents(List<OutboundEvent> out) {
        if (!out.isEmpty()) {
            outbox.publishAll(out);
        }
    }

    private Rollup rollup(Connection c) throws SQLException {
        OrgTree tree = OrgUnits.load(c).tree();
        return new Rollup(tree, catalogue, calendar, policy);
    }

    private static String factId(Fact f) {
        return f.sourceId() + "\u001f" + f.kpiCode();
    }
}
