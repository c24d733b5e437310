package com.example.mkt.kpi.rollup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.kpi.config.KpiConfig;
import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.definition.KpiDefinition;
import com.example.mkt.kpi.definition.KpiUnit;

/**
 * Turns changed cells into {@code kpi.events}: one {@code kpi.measured} per changed cell (coalesced per batch, never
 * one per sale), a second one for the derived achievement KPI where a target exists, and {@code kpi-threshold.crossed}
 * where a configured threshold was crossed.
 */
@ApplicationScoped
public class KpiEvents {

    public static final String TOPIC = "kpi.events";
    public static final String MEASURED = "kpi.measured";
    public static final String THRESHOLD_CROSSED = "kpi-threshold.crossed";

    public record Measured(String kpi, String orgUnit, String period, String periodType, String value,
                           String numerator, String denominator, String unit, String currency, String target,
                           String achievement, OffsetDateTime asOf) {
    }

    public record ThresholdCrossed(String kpi, String orgUnit, String period, String periodType, String bound,
                                   String threshold, String state, String previousValue, String value,
                                   OffsetDateTime asOf) {
    }

    private final KpiCatalogue catalogue;
    private final KpiConfig config;

    public KpiEvents(KpiCatalogue catalogue, KpiConfig config) {
        this.catalogue = catalogue;
        this.config = config;
    }

    public List<OutboundEvent> forChanges(Connection c, List<CellStore.Changed> changes) throws SQLException {
        return forChanges(c, changes, now());
    }

    /** The events of changes measured at {@code asOf}: a rebuild hands its changes over in pages, all as of one time. */
    List<OutboundEvent> forChanges(Connection c, List<CellStore.Changed> changes, OffsetDateTime asOf)
            throws SQLException {
        if (changes.isEmpty()) {
            return List.of();
        }
        Map<String, BigDecimal> targets = targets(c, changes);
        List<OutboundEvent> events = new ArrayList<>();
        for (CellStore.Changed change : changes) {
            CellKey key = change.key();
            KpiDefinition kpi = catalogue.require(key.kpiCode());
            BigDecimal target = targets.get(CellStore.id(key));
            Optional<BigDecimal> value = Values.value(kpi, change.after());
            String achievement = null;
            if (target != null && target.signum() > 0 && value.isPresent()) {
                achievement = Values.format(KpiUnit.RATE, value.get().divide(target, 10, java.math.RoundingMode.HALF_UP));
            }
            events.add(measured(key, kpi, value.orElse(null), change.after(), target, achievement, asOf));
            for (KpiDefinition derived : catalogue.all()) {
                if (kpi.code().equals(derived.achievementOf()) && target != null && target.signum() > 0) {
                    CellKey derivedKey = new CellKey(key.orgUnit(), key.period(), derived.code());
                    events.add(derivedMeasured(derivedKey, derived, new BigDecimal(achievement),
                            change.after().numerator(), target, asOf));
                }
            }
            thresholds(key, kpi, Values.value(kpi, change.before()), value, asOf).forEach(events::add);
        }
        return events;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
    }

    private OutboundEvent measured(CellKey key, KpiDefinition kpi, BigDecimal value, CellStore.Sums sums,
            BigDecimal target, String achievement, OffsetDateTime asOf) {
        boolean ratio = kpi.denominator() != null;
        Measured data = new Measured(kpi.code(), key.orgUnit(), key.period().key(), key.period().type().name(),
                Values.format(kpi.unit(), value), Values.plain(sums.numerator()),
                ratio ? Values.plain(sums.denominator()) : null, kpi.unit().name(),
                kpi.unit() == KpiUnit.MONEY ? config.currency() : null,
                target == null ? null : Values.format(kpi.unit(), target), achievement, asOf);
        return new OutboundEvent(TOPIC, MEASURED, 1, CellStore.id(key), data);
    }

    /** The achievement KPI's cell: actual ÷ target, where numerator and denominator are the base KPI's. */
    private OutboundEvent derivedMeasured(CellKey key, KpiDefinition kpi, BigDecimal value, BigDecimal actual,
            BigDecimal target, OffsetDateTime asOf) {
        Measured data = new Measured(kpi.code(), key.orgUnit(), key.period().key(), key.period().type().name(),
                Values.format(kpi.unit(), value), Values.plain(actual), Values.plain(target), kpi.unit().name(),
                null, null, null, asOf);
        return new OutboundEvent(TOPIC, MEASURED, 1, CellStore.id(key), data);
    }

    private List<OutboundEvent> thresholds(CellKey key, KpiDefinition kpi, Optional<BigDecimal> before,
            Optional<BigDecimal> after, OffsetDateTime asOf) {
        KpiConfig.Threshold threshold = config.alerts().thresholds().get(kpi.code());
        if (threshold == null) {
            return List.of();
        }
        List<OutboundEvent> events = new ArrayList<>();
        threshold.below().ifPresent(t -> crossing(key, kpi, "BELOW", t, before.map(v -> v.compareTo(t) < 0),
                after.map(v -> v.compareTo(t) < 0), before, after, asOf).ifPresent(events::add));
        threshold.above().ifPresent(t -> crossing(key, kpi, "ABOVE", t, before.map(v -> v.compareTo(t) > 0),
                after.map(v -> v.compareTo(t) > 0), before, after, asOf).ifPresent(events::add));
        return events;
    }

    private Optional<OutboundEvent> crossing(CellKey key, KpiDefinition kpi, String bound, BigDecimal threshold,
            Optional<Boolean> wasIn, Optional<Boolean> isIn, Optional<BigDecimal> before, Optional<BigDecimal> after,
            OffsetDateTime asOf) {
        // A rate without a denominator has no side of the threshold yet: no crossing from or to "unknown".
        if (wasIn.isEmpty() || isIn.isEmpty() || wasIn.get().equals(isIn.get())) {
            return Optional.empty();
        }
        ThresholdCrossed data = new ThresholdCrossed(kpi.code(), key.orgUnit(), key.period().key(),
                key.period().type().name(), bound, Values.format(kpi.unit(), threshold),
                isIn.get() ? "ENTERED" : "LEFT", Values.format(kpi.unit(), before.get()),
                Values.format(kpi.unit(), after.get()), asOf);
        return Optional.of(new OutboundEvent(TOPIC, THRESHOLD_CROSSED, 1, CellStore.id(key), data));
    }

    private static Map<String, BigDecimal> targets(Connection c, List<CellStore.Changed> changes) throws SQLException {
        int n = changes.size();
        String[] k = new String[n], u = new String[n], p = new String[n];
        for (int i = 0; i < n; i++) {
            CellKey key = changes.get(i).key();
            k[i] = key.kpiCode();
            u[i] = key.orgUnit();
            p[i] = key.period().key();
        }
        Map<String, BigDecimal> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.kpi_code, t.org_unit, t.period_key, t.value"
                + " FROM kpi_target t JOIN unnest(?::text[], ?::text[], ?::text[]) AS x(k, u, p)"
                + " ON t.kpi_code = x.k AND t.org_unit = x.u AND t.period_key = x.p")) {
            ps.setArray(1, c.createArrayOf("text", k));
            ps.setArray(2, c.createArrayOf("text", u));
            ps.setArray(3, c.createArrayOf("text", p));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(CellStore.id(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getBigDecimal(4));
                }
            }
        }
        return out;
    }
}
