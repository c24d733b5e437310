package com.example.mkt.kpi.rollup;

import java.math.BigDecimal;
import java.sql.Connection;
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
import com.example.mkt.kpi.org.OrgTree;
import com.example.mkt.kpi.org.OrgUnits;
import com.example.mkt.kpi.target.EffectiveTargets;

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

    /** The events of changes, along the org tree read now (a caller outside a rollup batch). */
    public List<OutboundEvent> forChanges(Connection c, List<CellStore.Changed> changes) throws SQLException {
        if (changes.isEmpty()) {
            return List.of();
        }
        return forChanges(c, OrgUnits.load(c).tree(), changes, now());
    }

    /** The events of a batch's changes, along the tree the batch rolled up with (no second read of it). */
    public List<OutboundEvent> forChanges(Connection c, OrgTree tree, List<CellStore.Changed> changes)
            throws SQLException {
        return forChanges(c, tree, changes, now());
    }

    /**
     * The events of changes measured at {@code asOf}: a rebuild hands its changes over in pages, all as of one time.
     * Each carries the cell's effective target (docs/domain.md#targets): set, or derived from the month's weeks or
     * the child units, read in one statement per call ({@link EffectiveTargets}).
     */
    List<OutboundEvent> forChanges(Connection c, OrgTree tree, List<CellStore.Changed> changes, OffsetDateTime asOf)
            throws SQLException {
        if (changes.isEmpty()) {
            return List.of();
        }
        Map<String, BigDecimal> targets = targets(c, tree, changes);
        List<OutboundEvent> events = new ArrayList<>();
        for (CellStore.Changed change : changes) {
            CellKey key = change.key();
            KpiDefinition kpi = catalogue.require(key.kpiCode());
            BigDecimal target = targets.get(CellStore.id(key));
            Optional<BigDecimal> value = Values.value(kpi, change.after());
            String achievement = null;
            if (target != null && target.signum() > 0 && value.isPresent()) {
                // rounded down as in the REST reads (Achievement): 89,999.99 of 90,000 is never announced as 1.0000
                achievement = Values.format(KpiUnit.RATE,
                        value.get().divide(target, KpiUnit.RATE.scale(), java.math.RoundingMode.DOWN));
            }
            events.add(measured(key, kpi, value.orElse(null), change.after(), target, achievement, asOf));
            for (KpiDefinition derived : catalogue.all()) {
                if (kpi.code().equals(derived.achievementOf()) && target != null && target.signum() > 0) {
                    CellKey derivedKey = new CellKey(key.orgUnit(), key.period(), derived.code());
                    events.add(derivedMeasured(derivedKey, derived, new BigDecimal(achievement),
                            change.after().numerator(), target, asOf));
                }
            }
            thresholds(key, kpi, change.before(), change.after(), asOf).forEach(events::add);
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

    /**
     * Crossings judged on the exact values (a rate of 0.90001 is above 0.90 though shown 0.9000) and shown as the cells
     * show them (rounded down).
     */
    private List<OutboundEvent> thresholds(CellKey key, KpiDefinition kpi, CellStore.Sums beforeSums,
            CellStore.Sums afterSums, OffsetDateTime asOf) {
        KpiConfig.Threshold threshold = config.alerts().thresholds().get(kpi.code());
        if (threshold == null) {
            return List.of();
        }
        Optional<BigDecimal> before = kpi.exactValueOf(beforeSums.numerator(), beforeSums.denominator());
        Optional<BigDecimal> after = kpi.exactValueOf(afterSums.numerator(), afterSums.denominator());
        Optional<BigDecimal> beforeShown = Values.value(kpi, beforeSums);
        Optional<BigDecimal> afterShown = Values.value(kpi, afterSums);
        List<OutboundEvent> events = new ArrayList<>();
        threshold.below().ifPresent(t -> crossing(key, kpi, "BELOW", t, before.map(v -> v.compareTo(t) < 0),
                after.map(v -> v.compareTo(t) < 0), beforeShown, afterShown, asOf).ifPresent(events::add));
        threshold.above().ifPresent(t -> crossing(key, kpi, "ABOVE", t, before.map(v -> v.compareTo(t) > 0),
                after.map(v -> v.compareTo(t) > 0), beforeShown, afterShown, asOf).ifPresent(events::add));
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

    private Map<String, BigDecimal> targets(Connection c, OrgTree tree, List<CellStore.Changed> changes)
            throws SQLException {
        List<EffectiveTargets.Cell> cells = new ArrayList<>(changes.size());
        for (CellStore.Changed change : changes) {
            CellKey key = change.key();
            cells.add(new EffectiveTargets.Cell(key.kpiCode(), key.orgUnit(), key.period()));
        }
        Map<String, BigDecimal> out = new HashMap<>();
        EffectiveTargets.of(c, tree, catalogue, cells, null).forEach((cell, target) ->
                out.put(CellStore.id(cell.kpi(), cell.unit(), cell.period().key()), target.value()));
        return out;
    }
}
