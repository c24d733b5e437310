package com.example.mkt.kpi.rollup;

import com.example.mkt.kpi.period.Period;
import java.util.Comparator;
import java.util.Objects;

/**
 * One stored aggregate: a KPI's sums for an org unit in a period.
 *
 * <p>Ordered by KPI, org unit, then period, so that every writer upserts cells in the same order and concurrent
 * batches cannot deadlock on each other's row locks.
 */
public record CellKey(String orgUnit, Period period, String kpiCode) implements Comparable<CellKey> {

    private static final Comparator<CellKey> ORDER = Comparator.comparing(CellKey::kpiCode)
            .thenComparing(CellKey::orgUnit)
            .thenComparing(CellKey::period);

    public CellKey {
        Objects.requireNonNull(orgUnit, "orgUnit");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(kpiCode, "kpiCode");
    }

    @Override
    public int compareTo(CellKey other) {
        return ORDER.compare(this, other);
    }
}
