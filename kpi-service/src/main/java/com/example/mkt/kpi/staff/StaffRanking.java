package com.example.mkt.kpi.staff;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.kpi.config.KpiConfig;
import com.example.mkt.kpi.definition.KpiDefinition;
import com.example.mkt.kpi.definition.KpiUnit;
import com.example.mkt.kpi.period.Period;
import com.example.mkt.kpi.ranking.Ranked;
import com.example.mkt.kpi.ranking.Ranking;
import com.example.mkt.kpi.rollup.CellStore;
import com.example.mkt.kpi.rollup.StaffCellStore;
import com.example.mkt.kpi.rollup.Values;

/** Staff of a subtree ranked by a KPI at one period, from the staff cells, in one query. */
@ApplicationScoped
public class StaffRanking {

    private final DataSource dataSource;
    private final KpiConfig config;

    public StaffRanking(DataSource dataSource, KpiConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Best first by the KPI's direction, ties share a rank; people without a value last, by staff id. */
    public List<StaffMeasurement> rank(KpiDefinition kpi, String root, Collection<String> units, Period period) {
        try (Connection c = dataSource.getConnection()) {
            return rank(c, kpi, root, units, period);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As {@link #rank(KpiDefinition, String, Collection, Period)}, on a connection the caller holds. */
    public List<StaffMeasurement> rank(Connection c, KpiDefinition kpi, String root, Collection<String> units,
            Period period) throws SQLException {
        Map<String, CellStore.Sums> sums = StaffCellStore.byStaff(c, kpi.code(), period, units);
        Map<String, BigDecimal> values = new TreeMap<>();
        sums.forEach((staff, s) -> kpi.exactValueOf(s.numerator(), s.denominator()).ifPresent(v -> values.put(staff, v)));
        List<StaffMeasurement> out = new ArrayList<>(sums.size());
        for (Ranked<String> r : Ranking.rank(values, kpi.direction())) {
            out.add(view(kpi, r.subject(), root, period, sums.get(r.subject()), Values.value(kpi, sums.get(r.subject())),
                    r.rank()));
        }
        sums.forEach((staff, s) -> {
            if (!values.containsKey(staff)) {
                out.add(view(kpi, staff, root, period, s, Optional.empty(), null));
            }
        });
        return out;
    }

    private StaffMeasurement view(KpiDefinition kpi, String staff, String root, Period period, CellStore.Sums sums,
            Optional<BigDecimal> value, Integer rank) {
        boolean ratio = kpi.denominator() != null;
        return new StaffMeasurement(kpi.code(), staff, root, period.key(), period.type().name(),
                value.map(v -> Values.format(kpi.unit(), v)).orElse(null), Values.plain(sums.numerator()),
                ratio ? Values.plain(sums.denominator()) : null, kpi.unit().name(),
                kpi.unit() == KpiUnit.MONEY ? config.currency() : null, rank);
    }
}
