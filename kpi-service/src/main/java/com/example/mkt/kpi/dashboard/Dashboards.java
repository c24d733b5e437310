package com.example.mkt.kpi.dashboard;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.kpi.config.KpiConfig;
import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.definition.KpiDefinition;
import com.example.mkt.kpi.measurement.KpiResource.SeriesPoint;
import com.example.mkt.kpi.measurement.Measurement;
import com.example.mkt.kpi.measurement.Measurements;
import com.example.mkt.kpi.org.OrgUnits;
import com.example.mkt.kpi.period.Period;
import com.example.mkt.kpi.period.PeriodCalendar;
import com.example.mkt.kpi.period.PeriodType;
import com.example.mkt.kpi.staff.StaffMeasurement;
import com.example.mkt.kpi.staff.StaffRanking;
import com.example.mkt.rest.security.OrgDirectory;

/**
 * Assembles a {@link Dashboard}. The front end would otherwise make one request per KPI, grain and ranking (dozens);
 * here every read shares one connection and one org snapshot, and the number of statements depends only on the
 * configured tiles (about 8 per tile), never on the data stored.
 */
@ApplicationScoped
public class Dashboards {

    private final DataSource dataSource;
    private final KpiCatalogue catalogue;
    private final Measurements measurements;
    private final StaffRanking staffRanking;
    private final OrgDirectory directory;
    private final PeriodCalendar calendar;
    private final Clock clock;
    private final KpiConfig.Dashboard config;

    public Dashboards(DataSource dataSource, KpiCatalogue catalogue, Measurements measurements,
            StaffRanking staffRanking, OrgDirectory directory, PeriodCalendar calendar, Clock clock, KpiConfig config) {
        this.dataSource = dataSource;
        this.catalogue = catalogue;
        this.measurements = measurements;
        this.staffRanking = staffRanking;
        this.directory = directory;
        this.calendar = calendar;
        this.clock = clock;
        this.config = config.dashboard();
        for (String code : this.config.kpis()) {
            catalogue.find(code).orElseThrow(() -> new IllegalStateException(
                    "kpi.dashboard.kpis names " + code + ", which is not a KPI of the catalogue"));
        }
    }

    /** The business day of now, in the service's zone: what a dashboard without a date shows. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(calendar.zone()));
    }

    /**
     * @param visible the units the caller may see, empty for the whole company: the path up stops where it ends
     */
    public Dashboard of(String unit, LocalDate date, Optional<Set<String>> visible) {
        try (Connection c = dataSource.getConnection()) {
            OrgUnits.Snapshot org = OrgUnits.load(c);
            List<String> children = org.tree().contains(unit)
                    ? org.tree().children(unit).stream().sorted().toList() : List.of();
            List<Dashboard.Tile> tiles = new ArrayList<>();
            for (String code : config.kpis()) {
                tiles.add(tile(c, org, catalogue.require(code), unit, children, date));
            }
            return new Dashboard(unit, org.name(unit), path(org, unit, visible), refs(org, children),
                    date.toString(), calendar.zone().getId(), Period.containing(date, PeriodType.DAY).key(),
                    Period.containing(date, PeriodType.WEEK).key(), Period.containing(date, PeriodType.MONTH).key(),
                    tiles);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Dashboard.Tile tile(Connection c, OrgUnits.Snapshot org, KpiDefinition kpi, String unit,
            List<String> children, LocalDate date) throws SQLException {
        List<Measurement> days = measurements.series(c, org, kpi, unit, periods(date, PeriodType.DAY, config.trendDays()));
        List<Measurement> weeks = measurements.series(c, org, kpi, unit,
                periods(date, PeriodType.WEEK, config.trendWeeks()));
        List<Measurement> months = measurements.series(c, org, kpi, unit,
                periods(date, PeriodType.MONTH, config.trendMonths()));
        Period month = Period.containing(date, PeriodType.MONTH);
        List<Measurement> ranking = Measurements.ranked(kpi, measurements.atPeriod(c, org, kpi, children, month));
        List<StaffMeasurement> staff = children.isEmpty() && !kpi.isDerivedFromTarget()
                ? staffRanking.rank(c, kpi, unit, directory.subtree(unit), month) : null;
        return new Dashboard.Tile(kpi.code(), kpi.name(), kpi.unit().name(), kpi.direction().name(), last(days),
                last(weeks), last(months), points(days), points(weeks), points(months), ranking, staff);
    }

    /** {@code count} consecutive periods of {@code type}, the one holding {@code date} the last. */
    static List<Period> periods(LocalDate date, PeriodType type, int count) {
        Period first = Period.containing(date, type);
        for (int i = 1; i < count; i++) {
            first = first.previous();
        }
        List<Period> out = new ArrayList<>(count);
        for (Period p = first; out.size() < count; p = p.next()) {
            out.add(p);
        }
        return out;
    }

    private static List<Dashboard.UnitRef> path(OrgUnits.Snapshot org, String unit, Optional<Set<String>> visible) {
        if (!org.tree().contains(unit)) {
            return List.of();
        }
        List<String> up = new ArrayList<>(org.tree().selfAndAncestors(unit));
        up.remove(unit);
        List<Dashboard.UnitRef> out = new ArrayList<>();
        for (int i = up.size() - 1; i >= 0; i--) {
            String ancestor = up.get(i);
            if (visible.isEmpty() || visible.get().contains(ancestor)) {
                out.add(new Dashboard.UnitRef(ancestor, org.name(ancestor)));
            }
        }
        return out;
    }

    private static List<Dashboard.UnitRef> refs(OrgUnits.Snapshot org, List<String> units) {
        return units.stream().map(u -> new Dashboard.UnitRef(u, org.name(u))).toList();
    }

    private static Measurement last(List<Measurement> series) {
        return series.get(series.size() - 1);
    }

    private static List<SeriesPoint> points(List<Measurement> series) {
        return series.stream().map(SeriesPoint::of).toList();
    }
}
