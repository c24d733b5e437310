package com.example.mkt.kpi.target;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.example.mkt.kpi.config.KpiConfig;
import com.example.mkt.kpi.definition.Aggregation;
import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.definition.KpiDefinition;
import com.example.mkt.kpi.definition.KpiUnit;
import com.example.mkt.kpi.period.Period;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.CurrentUser;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;

import io.quarkus.panache.common.Parameters;

/** Targets per KPI, org unit and period; breakdown to child units; the sum check; the suggested annual target. */
@Path("/api/v1/targets")
@RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST})
public class TargetResource {

    static final String VALUE = "^[0-9]{1,13}(\\.[0-9]{1,4})?$";
    static final String VALUE_MESSAGE = "must be a non-negative decimal string";

    public record NewTarget(@NotBlank String kpi, @NotBlank String orgUnit, @NotBlank String period,
                            @NotNull @Pattern(regexp = VALUE, message = VALUE_MESSAGE) String value) {
    }

    public record TargetUpdate(@NotNull @Pattern(regexp = VALUE, message = VALUE_MESSAGE) String value) {
    }

    public record BreakdownRequest(@NotNull TargetService.Method method) {
    }

    public record TargetView(String id, String kpi, String orgUnit, String period, String periodType, String value,
                             String unit, String currency, long version, String updatedAt, String updatedBy) {
    }

    public record Suggestion(String kpi, String orgUnit, int year, String value, String currency, String base,
                             List<String> growthRates, String averageGrowth, String appliedGrowth) {
    }

    private final TargetService targets;
    private final KpiCatalogue catalogue;
    private final OrgScope scope;
    private final CurrentUser user;
    private final KpiConfig config;

    public TargetResource(TargetService targets, KpiCatalogue catalogue, OrgScope scope, CurrentUser user,
            KpiConfig config) {
        this.targets = targets;
        this.catalogue = catalogue;
        this.scope = scope;
        this.user = user;
        this.config = config;
    }

    @APIResponse(responseCode = "201",
            description = "Created: Location names the new resource")
    @POST
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER})
    public Response create(@Valid @NotNull NewTarget body) {
        Period period = period("period", body.period());
        KpiDefinition kpi = targets.targetable(body.kpi());
        java.math.BigDecimal value = TargetService.value(kpi, body.value());
        scope.requireAssignable("orgUnit", body.orgUnit());
        // a request creating the same target between the service's check and its insert loses on the unique key:
        // 409 from libs/rest
        TargetEntity t = targets.create(kpi, body.orgUnit(), period, value, user.staffId());
        return Response.created(URI.create("/api/v1/targets/" + t.id)).header("ETag", ETags.of(t.version))
                .entity(view(t)).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        TargetEntity t = visible(id);
        return Response.ok(view(t)).header("ETag", ETags.of(t.version)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER})
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull TargetUpdate body) {
        TargetEntity current = visible(id);
        KpiDefinition kpi = catalogue.require(current.kpiCode);
        TargetEntity t = targets.update(id, ifMatch, TargetService.value(kpi, body.value()), user.staffId());
        return Response.ok(view(t)).header("ETag", ETags.of(t.version)).build();
    }

    /** Lists targets in the caller's scope, by id, optionally for one KPI, unit or period. */
    @GET
    public Page<TargetView> list(@QueryParam("kpi") String kpi, @QueryParam("orgUnit") String orgUnit,
            @QueryParam("period") String period, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder q = new StringBuilder("id > :after");
        Parameters p = Parameters.with("after", page.first() ? "" : page.after().get(0));
        if (kpi != null) {
            q.append(" and kpiCode = :kpi");
            p.and("kpi", kpi);
        }
        if (orgUnit != null) {
            q.append(" and orgUnit = :unit");
            p.and("unit", orgUnit);
        }
        if (period != null) {
            q.append(" and periodKey = :period");
            p.and("period", period("period", period).key());
        }
        Optional<Set<String>> visible = scope.visibleUnits();
        if (visible.isPresent()) {
            if (visible.get().isEmpty()) {
                return new Page<>(List.of(), null);
            }
            q.append(" and orgUnit in :visible");
            p.and("visible", visible.get());
        }
        q.append(" order by id");
        List<TargetEntity> fetched = TargetEntity.<TargetEntity>find(q.toString(), p).page(0, page.fetchSize()).list();
        return Page.of(fetched.stream().map(this::view).toList(), page.limit(), v -> PageRequest.cursor(v.id()));
    }

    /** Sets the direct child units' targets for the same KPI and period from this one. */
    @POST
    @Path("{id}/breakdown")
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER})
    public Page<TargetView> breakdown(@PathParam("id") String id, @Valid @NotNull BreakdownRequest body) {
        TargetEntity parent = visible(id);
        scope.requireAssignable("orgUnit", parent.orgUnit);
        List<TargetView> children = new ArrayList<>();
        for (TargetEntity t : targets.breakDown(parent, body.method(), user.staffId())) {
            children.add(view(t));
        }
        return new Page<>(children, null);
    }

    /** Whether the child units' targets add up to this one (additive KPIs only). */
    @GET
    @Path("{id}/check")
    public TargetService.Check check(@PathParam("id") String id) {
        return targets.check(visible(id));
    }

    /** The suggested annual target: last year's actual grown by the average growth of the last years plus an uplift. */
    @GET
    @Path("suggestion")
    public Suggestion suggestion(@QueryParam("kpi") String kpiCode, @QueryParam("orgUnit") String orgUnit,
            @QueryParam("year") Integer year) {
        if (kpiCode == null || kpiCode.isBlank()) {
            throw ApiException.invalid("kpi", "is required");
        }
        if (orgUnit == null || orgUnit.isBlank()) {
            throw ApiException.invalid("orgUnit", "is required");
        }
        if (year == null || year < 1001 || year > 9999) {
            throw ApiException.invalid("year", "must be a four-digit year");
        }
        KpiDefinition kpi = targets.targetable(kpiCode);
        if (kpi.aggregation() != Aggregation.SUM) {
            throw ApiException.unprocessable("kpi", kpiCode + " is a rate; growth suggestions apply to amounts and counts");
        }
        scope.requireVisible(orgUnit, "org unit", orgUnit);
        SuggestedTarget s = targets.suggest(kpi, orgUnit, year, config.targets().suggestionLookbackYears())
                .orElseThrow(() -> ApiException.unprocessable("year",
                        "no positive actual in " + (year - 1) + " to grow from; set the target by hand"));
        return new Suggestion(kpi.code(), orgUnit, year, TargetService.format(kpi, s.value()),
                kpi.unit() == KpiUnit.MONEY ? config.currency() : null, TargetService.format(kpi, s.base()),
                s.growthRates().stream().map(r -> r.toPlainString()).toList(), s.averageGrowth().toPlainString(),
                s.appliedGrowth().toPlainString());
    }

    private TargetEntity visible(String id) {
        TargetEntity t = TargetEntity.findById(id);
        if (t == null) {
            throw ApiException.notFound("target", id);
        }
        scope.requireVisible(t.orgUnit, "target", id);
        return t;
    }

    private TargetView view(TargetEntity t) {
        KpiDefinition kpi = catalogue.require(t.kpiCode);
        return new TargetView(t.id, t.kpiCode, t.orgUnit, t.periodKey, t.periodType, TargetService.format(kpi, t.value),
                kpi.unit().name(), kpi.unit() == KpiUnit.MONEY ? config.currency() : null, t.version,
                t.updatedAt.toString(), t.updatedBy);
    }

    private static Period period(String field, String key) {
        try {
            return Period.parse(key);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "must be a period like 2026, 2026-Q2, 2026-05, 2026-W19 or 2026-11-30");
        }
    }

}
