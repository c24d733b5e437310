package com.example.mkt.kpi.measurement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import com.example.mkt.kpi.config.KpiConfig;
import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.definition.KpiDefinition;
import com.example.mkt.kpi.org.OrgTree;
import com.example.mkt.kpi.org.OrgUnits;
import com.example.mkt.kpi.period.Period;
import com.example.mkt.kpi.period.PeriodType;
import com.example.mkt.kpi.rollup.RollupService;
import com.example.mkt.kpi.staff.StaffMeasurement;
import com.example.mkt.kpi.staff.StaffRanking;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.problem.FieldError;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;

/** KPI definitions and their figures: time series, a subtree at one period, rankings among siblings. */
@Path("/api/v1/kpis")
@RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST})
public class KpiResource {

    public record KpiView(String code, String name, String unit, String aggregation, String direction,
                          String numerator, String denominator, String achievementOf) {
        static KpiView of(KpiDefinition d) {
            return new KpiView(d.code(), d.name(), d.unit().name(), d.aggregation().name(), d.direction().name(),
                    d.numerator(), d.denominator(), d.achievementOf());
        }
    }

    /** One point of a chart series: the unit's figure in one period, with its target and achievement. */
    public record SeriesPoint(String period, String periodStart, String periodEnd, String value, String target,
                              String targetSource, String achievement, Boolean met) {
        public static SeriesPoint of(Measurement m) {
            return new SeriesPoint(m.period(), m.periodStart(), m.periodEnd(), m.value(), m.target(),
                    m.targetSource(), m.achievement(), m.met());
        }
    }

    /** A KPI's figures for one unit over consecutive periods of one grain, every period a point (empty ones too). */
    public record ChartSeries(String kpi, String orgUnit, String orgUnitName, String grain, String from, String to,
                              String unit, String currency, List<SeriesPoint> points) {
    }

    private final KpiCatalogue catalogue;
    private final Measurements measurements;
    private final OrgScope scope;
    private final OrgDirectory directory;
    private final OrgUnits orgUnits;
    private final RollupService rollups;
    private final KpiConfig config;
    private final StaffRanking staffRanking;

    public KpiResource(KpiCatalogue catalogue, Measurements measurements, OrgScope scope, OrgDirectory directory,
            OrgUnits orgUnits, RollupService rollups, KpiConfig config, StaffRanking staffRanking) {
        this.catalogue = catalogue;
        this.measurements = measurements;
        this.scope = scope;
        this.directory = directory;
        this.orgUnits = orgUnits;
        this.rollups = rollups;
        this.config = config;
        this.staffRanking = staffRanking;
    }

    @GET
    public Page<KpiView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        String after = page.first() ? "" : page.after().get(0);
        List<KpiView> fetched = catalogue.all().stream().map(KpiView::of).filter(k -> k.code().compareTo(after) > 0)
                .sorted(Comparator.comparing(KpiView::code)).limit(page.fetchSize()).toList();
        return Page.of(fetched, page.limit(), k -> PageRequest.cursor(k.code()));
    }

    @GET
    @Path("{code}")
    public KpiView get(@PathParam("code") String code) {
        return KpiView.of(kpi(code));
    }

    /** {@code from}/{@code to} are period keys of one grain ({@code 2026-01}..{@code 2026-12}), both included. */
    @GET
    @Path("{code}/series")
    public Page<Measurement> series(@PathParam("code") String code, @QueryParam("orgUnit") String orgUnit,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        KpiDefinition kpi = kpi(code);
        String unit = visibleUnit("orgUnit", orgUnit);
        Period first = period("from", from);
        Period last = period("to", to);
        if (first.type() != last.type()) {
            throw ApiException.invalid("to", "must be a period of the same type as from (" + first.type() + ")");
        }
        if (last.compareTo(first) < 0) {
            throw ApiException.invalid("to", "must not be before from");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        Period start = first;
        if (!page.first()) {
            start = parseCursorPeriod(page.after().get(0)).next();
        }
        List<Period> periods = new ArrayList<>();
        int max = config.rollup().maxSeriesPeriods();
        int total = 0;
        for (Period p = first; p.compareTo(last) <= 0; p = p.next()) {
            if (++total > max) {
                throw ApiException.invalid("to", "at most " + max + " periods per series");
            }
        }
        for (Period p = start; p.compareTo(last) <= 0 && periods.size() < page.fetchSize(); p = p.next()) {
            periods.add(p);
        }
        return Page.of(measurements.series(kpi, unit, periods), page.limit(), m -> PageRequest.cursor(m.period()));
    }

    /**
     * One unit's figures for a chart: every period of {@code grain} from {@code from} to {@code to}, both included, in
     * one answer (no paging; at most {@code kpi.rollup.max-chart-points}). {@code from}/{@code to} are periods of the
     * grain ({@code 2026-11-30}, {@code 2026-W48}, {@code 2026-11}, {@code 2026-Q4}, {@code 2026}) or days, which stand
     * for the grain's period holding them. Read in a fixed number of statements whatever the number of points.
     */
    @GET
    @Path("{code}/units/{unit}/series")
    public ChartSeries chartSeries(@PathParam("code") String code, @PathParam("unit") String orgUnit,
            @QueryParam("grain") String grain, @QueryParam("from") String from, @QueryParam("to") String to) {
        KpiDefinition kpi = kpi(code);
        String unit = visibleUnit("unit", orgUnit);
        PeriodType type = grain(grain);
        Period first = bound("from", from, type);
        Period last = bound("to", to, type);
        if (last.compareTo(first) < 0) {
            throw ApiException.invalid(List.of(new FieldError("from", "must not be after to"),
                    new FieldError("to", "must not be before from")));
        }
        int max = config.rollup().maxChartPoints();
        List<Period> periods = new ArrayList<>();
        for (Period p = first; p.compareTo(last) <= 0; p = p.next()) {
            if (periods.size() == max) {
                throw ApiException.invalid(List.of(
                        new FieldError("from", "at most " + max + " " + type.name().toLowerCase() + "s to " + to),
                        new FieldError("to", "at most " + max + " " + type.name().toLowerCase() + "s from " + from)));
            }
            periods.add(p);
        }
        List<Measurement> points = measurements.series(kpi, unit, periods);
        Measurement any = points.get(0);
        return new ChartSeries(kpi.code(), unit, any.orgUnitName(), type.name(), first.key(), last.key(), any.unit(),
                any.currency(), points.stream().map(SeriesPoint::of).toList());
    }

    /** The unit and every descendant at one period, by unit code. */
    @GET
    @Path("{code}/subtree")
    public Page<Measurement> subtree(@PathParam("code") String code, @QueryParam("orgUnit") String orgUnit,
            @QueryParam("period") String period, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        KpiDefinition kpi = kpi(code);
        String root = visibleUnit("orgUnit", orgUnit);
        Period p = period("period", period);
        PageRequest page = PageRequest.of(limit, cursor);
        String after = page.first() ? "" : page.after().get(0);
        List<String> units = directory.subtree(root).stream().filter(u -> u.compareTo(after) > 0).sorted()
                .limit(page.fetchSize()).toList();
        return Page.of(measurements.atPeriod(kpi, units, p), page.limit(), m -> PageRequest.cursor(m.orgUnit()));
    }

    /**
     * The children of {@code parent} ranked by the KPI, best first by its direction; ties share a rank. Units without
     * a value (a rate with nothing to measure) are listed after the ranked ones, without a rank.
     */
    @GET
    @Path("{code}/rankings")
    public Page<Measurement> rankings(@PathParam("code") String code, @QueryParam("parent") String parent,
            @QueryParam("period") String period, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        KpiDefinition kpi = kpi(code);
        String unit = visibleUnit("parent", parent);
        Period p = period("period", period);
        PageRequest page = PageRequest.of(limit, cursor);
        OrgTree tree = orgUnits.load().tree();
        List<String> children = tree.contains(unit) ? List.copyOf(tree.children(unit)) : List.of();
        List<Measurement> ordered = Measurements.ranked(kpi, measurements.atPeriod(kpi, children, p));
        // The ranking is computed whole (siblings are few); the cursor is the position's unit, a stable key.
        int from = 0;
        if (!page.first()) {
            String afterUnit = page.after().get(0);
            Optional<Integer> idx = indexOf(ordered, afterUnit);
            from = idx.map(i -> i + 1).orElse(ordered.size());
        }
        List<Measurement> fetched = ordered.subList(Math.min(from, ordered.size()),
                Math.min(ordered.size(), from + page.fetchSize()));
        return Page.of(fetched, page.limit(), m -> PageRequest.cursor(m.orgUnit()));
    }

    /**
     * The staff of {@code orgUnit}'s subtree ranked by the KPI at one period, best first by its direction; ties share
     * a rank. A person's figure sums their facts at every unit of the subtree. People whose rate has no denominator
     * are listed last, without a rank. Only facts that name a staff member count (sales, new customers, follow-ups,
     * surveys).
     */
    @GET
    @Path("{code}/staff")
    public Page<StaffMeasurement> staff(@PathParam("code") String code, @QueryParam("orgUnit") String orgUnit,
            @QueryParam("period") String period, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        KpiDefinition kpi = kpi(code);
        if (kpi.isDerivedFromTarget()) {
            throw ApiException.notFound("staff figures of KPI", code);
        }
        String root = visibleUnit("orgUnit", orgUnit);
        Period p = period("period", period);
        PageRequest page = PageRequest.of(limit, cursor);
        List<StaffMeasurement> ordered = staffRanking.rank(kpi, root, directory.subtree(root), p);
        int from = 0;
        if (!page.first()) {
            String afterStaff = page.after().get(0);
            from = ordered.size();
            for (int i = 0; i < ordered.size(); i++) {
                if (ordered.get(i).staffId().equals(afterStaff)) {
                    from = i + 1;
                    break;
                }
            }
        }
        List<StaffMeasurement> fetched = ordered.subList(Math.min(from, ordered.size()),
                Math.min(ordered.size(), from + page.fetchSize()));
        return Page.of(fetched, page.limit(), m -> PageRequest.cursor(m.staffId()));
    }

    /** Recomputes every cell from the stored facts (operations; the general manager). */
    @POST
    @Path("rebuild")
    @RolesAllowed({Roles.GM, Roles.OPS})
    public RollupService.RebuildResult rebuild() throws Exception {
        return rollups.rebuild();
    }

    private static Optional<Integer> indexOf(List<Measurement> list, String unit) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).orgUnit().equals(unit)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private KpiDefinition kpi(String code) {
        return catalogue.find(code).orElseThrow(() -> ApiException.notFound("KPI", code));
    }

    private String visibleUnit(String field, String code) {
        if (code == null || code.isBlank()) {
            throw ApiException.invalid(field, "is required");
        }
        if (!directory.exists(code)) {
            throw ApiException.notFound("org unit", code);
        }
        scope.requireVisible(code, "org unit", code);
        return code;
    }

    static Period period(String field, String key) {
        if (key == null || key.isBlank()) {
            throw ApiException.invalid(field, "is required");
        }
        try {
            return Period.parse(key);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "must be a period like 2026, 2026-Q2, 2026-05, 2026-W19 or 2026-11-30");
        }
    }

    private static PeriodType grain(String grain) {
        if (grain == null || grain.isBlank()) {
            throw ApiException.invalid("grain", "is required");
        }
        try {
            return PeriodType.valueOf(grain);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("grain", "must be one of DAY, WEEK, MONTH, QUARTER, YEAR");
        }
    }

    /** A period of the grain, or a day standing for the grain's period that holds it. */
    static Period bound(String field, String key, PeriodType grain) {
        Period p = period(field, key);
        if (p.type() == grain) {
            return p;
        }
        if (p.type() == PeriodType.DAY) {
            return Period.containing(p.startDate(), grain);
        }
        throw ApiException.invalid(field, "must be a " + grain.name().toLowerCase() + " like "
                + Period.containing(java.time.LocalDate.of(2026, 11, 30), grain).key() + " or a day like 2026-11-30");
    }

    private static Period parseCursorPeriod(String key) {
        try {
            return Period.parse(key);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("cursor", "not a cursor this API issued");
        }
    }
}
