package com.example.mkt.kpi.rollup;

import com.example.mkt.kpi.period.Period;
import java.util.Comparator;
import java.util.Objects;

/**
 * One staff member's sums of a KPI at the org unit the facts named, in a period. Ordered like {@link CellKey} so that
 * writers lock rows in one order.
 */
public record StaffCellKey(String kpiCode, String staffId, String orgUnit, Period period)
        implements Comparable<StaffCellKey> {

    private static final Comparator<StaffCellKey> ORDER = Comparator.comparing(StaffCellKey::kpiCode)
            .thenComparing(StaffCellKey::staffId)
            .thenComparing(StaffCellKey::orgUnit)
            .thenComparing(StaffCellKey::period);

    public StaffCellKey {
        Objects.requireNonNull(kpiCode, "kpiCode");
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(orgUnit, "orgUnit");
        Objects.requireNonNull(period, "period");
    }

    @Override
    public int compareTo(StaffCellKey other) {
        return ORDER.compare(this, other);
    }
}
