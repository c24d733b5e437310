package com.example.mkt.kpi.alert;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.example.mkt.eventing.jdbc.UnnestColumns;
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.definition.KpiDefinition;
import com.example.mkt.kpi.org.OrgTree;
import com.example.mkt.kpi.org.OrgUnits;
import com.example.mkt.kpi.period.Period;
import com.example.mkt.kpi.period.PeriodType;
import com.example.mkt.kpi.target.EffectiveTargets;
import com.example.mkt.kpi.target.TargetRollup;
import com.example.mkt.kpi.period.PeriodCalendar;
import com.example.mkt.kpi.rollup.KpiEvents;

import io.quarkus.scheduler.Scheduled;

/**
 * Evaluates every closed period that has a target (set or derived, docs/domain.md#targets) and publishes "target missed N periods running" alerts
 * ({@code kpi-alert.opened}, {@code kpi-alert.closed}).
 *
 * <p>Each run replays each (KPI, unit, grain) history from the stored cells, so a late sale that changes an old
 * period's result is taken into account; transitions already recorded are skipped by their unique key, which also
 * makes two replicas (and the advisory lock's rare overlap) harmless.
 */
@ApplicationScoped
public class MissStreakJob {

    private static final Logger LOG = Logger.getLogger(MissStreakJob.class);
    private static final long LOCK = 0x6b70695f616c7274L;

    public static final String OPENED = "kpi-alert.opened";
    public static final String CLOSED = "kpi-alert.closed";

    public record AlertData(String alertId, String kpi, String orgUnit, String periodType, String period,
                            String streakStart, int missesRunning, int periodsRunning, OffsetDateTime at) {
    }

    private final DataSource dataSource;
    private final Outbox outbox;
    private final KpiCatalogue catalogue;
    private final PeriodCalendar calendar;
    private final MissStreakDetector detector;
    private final com.example.mkt.kpi.config.KpiConfig config;

    public MissStreakJob(DataSource dataSource, Outbox outbox, KpiCatalogue catalogue, PeriodCalendar calendar,
            MissStreakDetector detector, com.example.mkt.kpi.config.KpiConfig config) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.detector = detector;
        this.config = config;
    }

    @Scheduled(every = "${kpi.alerts.evaluate-every:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() throws SQLException {
        int published = evaluate();
        if (published > 0) {
            LOG.infof("published %d miss-streak alert transitions", published);
        }
    }

    /** Returns the number of transitions published by this run; -1 when another run (or replica) holds the lock. */
    @Transactional
    public int evaluate() throws SQLException {
        LocalDate today = calendar.dayOf(java.time.Instant.now());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return -1;
                    }
                }
            }
            Map<String, List<PeriodResult>> series = results(c, today);
            List<Pending> transitions = new ArrayList<>();
            for (Map.Entry<String, List<PeriodResult>> e : series.entrySet()) {
                String[] k = e.getKey().split("\u001f");
                for (AlertTransition t : detector.replay(e.getValue()).transitions()) {
                    transitions.add(new Pending(UUID.randomUUID().toString(), k[0], k[1], k[2], t));
                }
            }
            List<OutboundEvent> events = record(c, transitions, OffsetDateTime.now(ZoneOffset.UTC));
            if (!events.isEmpty()) {
                outbox.publishAll(events);
            }
            return events.size();
        }
    }

    /**
     * Series key → results of every closed period with a target: set targets (one query with their cells), then the
     * derived ones (docs/domain.md#targets) of the units above them and of the months of their weeks, resolved in one
     * more query, with their cells in a third. A unit measured against its branches' sum is alerted like one with a
     * set target.
     */
    private Map<String, List<PeriodResult>> results(Connection c, LocalDate today) throws SQLException {
        Map<String, List<PeriodResult>> series = new TreeMap<>();
        Set<EffectiveTargets.Cell> set = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT t.kpi_code, t.org_unit, t.period_type, t.period_key, t.value, c.numerator, c.denominator
                  FROM kpi_target t
                  LEFT JOIN kpi_cell c ON c.kpi_code = t.kpi_code AND c.org_unit = t.org_unit
                                      AND c.period_key = t.period_key
                 WHERE t.period_end <= ?
                """)) {
            ps.setObject(1, today);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Optional<KpiDefinition> kpi = catalogue.find(rs.getString(1));
                    if (kpi.isEmpty()) {
                        continue;
                    }
                    Period period = Period.parse(rs.getString(4));
                    set.add(new EffectiveTargets.Cell(kpi.get().code(), rs.getString(2), period));
                    add(series, kpi.get(), rs.getString(2), period, rs.getBigDecimal(5), rs.getBigDecimal(6),
                            rs.getBigDecimal(7));
                }
            }
        }
        derived(c, today, set, series);
        return series;
    }

    private void derived(Connection c, LocalDate today, Set<EffectiveTargets.Cell> set,
            Map<String, List<PeriodResult>> series) throws SQLException {
        OrgTree tree = OrgUnits.load(c).tree();
        Set<EffectiveTargets.Cell> candidates = new LinkedHashSet<>();
        for (EffectiveTargets.Cell cell : set) {
            KpiDefinition kpi = catalogue.require(cell.kpi());
            if (!TargetRollup.derives(kpi) || !tree.contains(cell.unit())) {
                continue;
            }
            List<Period> periods = new ArrayList<>(List.of(cell.period()));
            if (cell.period().type() == PeriodType.WEEK) {
                cell.period().parent().filter(m -> !m.endDateExclusive().isAfter(today)).ifPresent(periods::add);
            }
            for (Period p : periods) {
                for (String unit : tree.selfAndAncestors(cell.unit())) {
                    EffectiveTargets.Cell candidate = new EffectiveTargets.Cell(cell.kpi(), unit, p);
                    if (!set.contains(candidate)) {
                        candidates.add(candidate);
                    }
                }
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        Map<EffectiveTargets.Cell, TargetRollup.Effective> targets = EffectiveTargets.of(c, tree, catalogue,
                candidates, null);
        if (targets.isEmpty()) {
            return;
        }
        UnnestColumns keys = new UnnestColumns(3);
        targets.keySet().forEach(t -> keys.add(t.kpi(), t.unit(), t.period().key()));
        Map<EffectiveTargets.Cell, BigDecimal[]> cells = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT c.kpi_code, c.org_unit, c.period_key, c.numerator, c.denominator
                  FROM kpi_cell c JOIN unnest(?::text[], ?::text[], ?::text[]) AS x(k, u, p)
                    ON c.kpi_code = x.k AND c.org_unit = x.u AND c.period_key = x.p
                """)) {
            keys.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cells.put(new EffectiveTargets.Cell(rs.getString(1), rs.getString(2), Period.parse(rs.getString(3))),
                            new BigDecimal[] {rs.getBigDecimal(4), rs.getBigDecimal(5)});
                }
            }
        }
        targets.forEach((cell, target) -> {
            BigDecimal[] sums = cells.getOrDefault(cell, new BigDecimal[2]);
            add(series, catalogue.require(cell.kpi()), cell.unit(), cell.period(), target.value(), sums[0], sums[1]);
        });
    }

    private static void add(Map<String, List<PeriodResult>> series, KpiDefinition kpi, String unit, Period period,
            BigDecimal target, BigDecimal num, BigDecimal den) {
        // exact, not as shown: a rate rounded down to 4 places could meet a "lower is better" target it misses
        Optional<BigDecimal> actual = kpi.exactValueOf(num == null ? BigDecimal.ZERO : num,
                den == null ? BigDecimal.ZERO : den);
        if (actual.isEmpty()) {
            return; // a rate with nothing measured is neither met nor missed
        }
        boolean met = kpi.direction().meets(actual.get(), target);
        series.computeIfAbsent(kpi.code() + "\u001f" + unit + "\u001f" + period.type().name(),
                k -> new ArrayList<>()).add(new PeriodResult(period, met));
    }

    /** A transition the replay found, with the id it gets if it is new. */
    private record Pending(String id, String kpi, String unit, String periodType, AlertTransition transition) {
    }

    // Every transition of the run in one statement; the unique key drops those recorded by earlier runs, and RETURNING
    // names the new ones, which alone are published.
    private static final String RECORD = """
            INSERT INTO kpi_alert (id, kpi_code, org_unit, period_type, kind, streak_start, period_key, misses)
            SELECT i, k, u, t, kind, s, p, m::integer
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                   AS x(i, k, u, t, kind, s, p, m)
            ON CONFLICT DO NOTHING
            RETURNING id
            """;

    private List<OutboundEvent> record(Connection c, List<Pending> transitions, OffsetDateTime now)
            throws SQLException {
        if (transitions.isEmpty()) {
            return List.of();
        }
        UnnestColumns rows = new UnnestColumns(8);
        for (Pending p : transitions) {
            AlertTransition t = p.transition();
            rows.add(p.id(), p.kpi(), p.unit(), p.periodType(), t.kind().name(), t.streakStart().key(),
                    t.period().key(), Integer.toString(t.missesRunning()));
        }
        java.util.Set<String> inserted = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(RECORD)) {
            rows.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1));
                }
            }
        }
        List<OutboundEvent> events = new ArrayList<>(inserted.size());
        for (Pending p : transitions) {
            if (inserted.contains(p.id())) {
                events.add(event(p, now));
            }
        }
        return events;
    }

    private OutboundEvent event(Pending p, OffsetDateTime now) {
        AlertTransition t = p.transition();
        String subject = p.kpi() + ":" + p.unit() + ":" + p.periodType();
        AlertData data = new AlertData(p.id(), p.kpi(), p.unit(), p.periodType(), t.period().key(),
                t.streakStart().key(), t.missesRunning(), config.alerts().missStreakPeriods(), now);
        return new OutboundEvent(KpiEvents.TOPIC, t.kind() == AlertTransition.Kind.OPENED ? OPENED : CLOSED, 1,
                subject, data);
    }
}
