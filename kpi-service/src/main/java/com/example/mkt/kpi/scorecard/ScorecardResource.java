package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.kpi.config.KpiConfig;
import com.example.mkt.kpi.rollup.KpiEvents;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Parameters;

/**
 * Monthly staff scorecards from manual inputs (spot checks, complaints, follow-ups, surveys, notices, reviews);
 * frozen once published; the rolling top 3 with their awards and the month's bottom 3 with their corrective-plan
 * deadline.
 */
@Path("/api/v1/scorecards")
@RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.ANALYST})
public class ScorecardResource {

    static final String POINTS = "^[0-9]{1,3}(\\.[0-9]{1,2})?$";

    public record Inputs(
            @NotNull @Min(0) Integer failedSpotChecks,
            @NotNull @Min(0) Integer complaintsReceived,
            @NotNull @Min(0) Integer complaintsResolved,
            @NotNull @Min(0) Integer followUpsDone,
            @NotNull @Min(0) Integer daysOnDuty,
            @NotNull @Min(0) Integer scheduledDays,
            @NotNull @Min(0) Integer falseFollowUps,
            @NotNull @Min(0) Integer surveyed,
            @NotNull @Min(0) Integer satisfied,
            @NotNull @Min(0) Integer falseReports,
            List<@NotNull @Pattern(regexp = POINTS, message = "must be a decimal string") String> auditDeductions,
            List<@NotNull Commendation> commendations,
            List<@NotNull Criticism> criticisms) {
    }

    /** Each reviewer's total for the month; peers count as one reviewer with their mean. */
    public record ReviewScores(
            @Pattern(regexp = POINTS, message = "must be a decimal string") String self,
            @Pattern(regexp = POINTS, message = "must be a decimal string") String manager,
            List<@NotNull @Pattern(regexp = POINTS, message = "must be a decimal string") String> peers) {
    }

    public record NewScorecard(@NotBlank String staffId, @NotBlank String orgUnit,
                               @NotNull @Pattern(regexp = "^[0-9]{4}-[0-9]{2}$", message = "must be a month like 2026-05") String month,
                               @Valid @NotNull Inputs inputs, @Valid ReviewScores reviews) {
    }

    public record ScorecardUpdate(@Valid @NotNull Inputs inputs, @Valid ReviewScores reviews) {
    }

    public record Stored(Inputs inputs, ReviewScores reviews) {
    }

    /**
     * One line of the sheet. {@code measured} false: the item had nothing to measure (no complaints, no follow-ups
     * expected, no surveys) and {@code treatment} says what it counted for; {@code score} is null for an item left
     * out of the total. Both are null on cards computed before they existed.
     */
    public record ItemView(String weight, String deductions, String score, Boolean measured, String treatment) {
    }

    /** {@code countedWeight}: the weights in the items total; below the maximum, the total was re-weighted to it. */
    public record Sheet(Map<String, ItemView> items, String followUpsExpected, String countedWeight, String bonus,
                        String penalty, String total) {
    }

    public record ScorecardView(String id, String staffId, String orgUnit, String month, String status, Inputs inputs,
                                ReviewScores reviews, Sheet sheet, String finalScore, long version,
                                String publishedAt) {
    }

    public record AwardView(String staffId, int rank, String averageScore, String amount, String currency) {
    }

    public record CorrectivePlanView(String staffId, String orgUnit, int rankFromBottom, String score, String dueDate,
                                     String dueBefore) {
    }

    public record Published(String scorecardId, String staffId, String orgUnit, String month, String sheetTotal,
                            String finalScore, OffsetDateTime publishedAt) {
    }

    public record RunRequest(@NotNull @Pattern(regexp = "^[0-9]{4}-[0-9]{2}$", message = "must be a month like 2026-05") String month) {
    }

    public static final String PUBLISHED_EVENT = "scorecard.published";

    private final ScorecardSheets sheets;
    private final ScorecardRun run;
    private final Awards awards;
    private final CorrectivePlans correctivePlans;
    private final OrgScope scope;
    private final OrgDirectory directory;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final KpiConfig config;

    public ScorecardResource(ScorecardSheets sheets, ScorecardRun run, Awards awards, CorrectivePlans correctivePlans, OrgScope scope,
            OrgDirectory directory, Outbox outbox, ObjectMapper json, KpiConfig config) {
        this.sheets = sheets;
        this.run = run;
        this.awards = awards;
        this.correctivePlans = correctivePlans;
        this.scope = scope;
        this.directory = directory;
        this.outbox = outbox;
        this.json = json;
        this.config = config;
    }

    @APIResponse(responseCode = "201",
            description = "Created: Location names the new resource")
    @POST
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR})
    @Transactional
    public Response create(@Valid @NotNull NewScorecard body) {
        YearMonth month = month("month", body.month());
        scope.requireAssignable("orgUnit", body.orgUnit());
        if (ScorecardEntity.count("staffId = ?1 and month = ?2", body.staffId(), month.toString()) > 0) {
            throw ApiException.conflict("a scorecard for " + body.staffId() + " in " + month + " exists");
        }
        ScorecardEntity s = new ScorecardEntity();
        s.id = UUID.randomUUID().toString();
        s.staffId = body.staffId();
        s.orgUnit = body.orgUnit();
        s.month = month.toString();
        s.status = ScorecardEntity.DRAFT;
        s.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        sheets.compute(s, body.inputs(), body.reviews());
        // a request creating the same staff member's month between our check and our insert loses on the unique
        // key when this flushes: 409 from libs/rest
        s.persist();
        ScorecardEntity.getEntityManager().flush();
        return Response.created(URI.create("/api/v1/scorecards/" + s.id)).header("ETag", ETags.of(s.version))
                .entity(view(s)).build();
    }

    /**
     * Runs a month's scorecards now, as the daily job does inside the run window: creates or refreshes the drafts of
     * everyone with measurements in the month; published ones are left alone (operations; the general manager).
     */
    @POST
    @Path("runs")
    @RolesAllowed({Roles.GM, Roles.OPS})
    public ScorecardRun.Result runNow(@Valid @NotNull RunRequest body) throws Exception {
        return run.run(month("month", body.month()));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        ScorecardEntity s = visible(id, false);
        return Response.ok(view(s)).header("ETag", ETags.of(s.version)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR})
    @Transactional
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ScorecardUpdate body) {
        ScorecardEntity s = visible(id, true);
        ETags.requireMatch(ifMatch, s.version);
        if (!ScorecardEntity.DRAFT.equals(s.status)) {
            throw ApiException.illegalTransition("the scorecard is published and frozen", List.of());
        }
        sheets.compute(s, body.inputs(), body.reviews());
        ScorecardEntity.getEntityManager().flush();
        return Response.ok(view(s)).header("ETag", ETags.of(s.version)).build();
    }

    /** Freezes the scorecard and announces its final score. */
    @POST
    @Path("{id}/publish")
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER})
    @Transactional
    public Response publish(@PathParam("id") String id) {
        ScorecardEntity s = visible(id, true);
        if (!ScorecardEntity.DRAFT.equals(s.status)) {
            throw ApiException.illegalTransition("the scorecard is already published", List.of());
        }
        s.status = ScorecardEntity.PUBLISHED;
        s.publishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        s.updatedAt = s.publishedAt;
        ScorecardEntity.getEntityManager().flush();
        outbox.publish(new OutboundEvent(KpiEvents.TOPIC, PUBLISHED_EVENT, 1, s.id, new Published(s.id, s.staffId,
                s.orgUnit, s.month, points(s.sheetTotal), points(s.finalScore), s.publishedAt)));
        return Response.ok(view(s)).header("ETag", ETags.of(s.version)).build();
    }

    @GET
    public Page<ScorecardView> list(@QueryParam("month") String month, @QueryParam("orgUnit") String orgUnit,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder q = new StringBuilder("id > :after");
        Parameters p = Parameters.with("after", page.first() ? "" : page.after().get(0));
        if (month != null) {
            q.append(" and month = :month");
            p.and("month", month("month", month).toString());
        }
        if (orgUnit != null) {
            q.append(" and orgUnit = :unit");
            p.and("unit", orgUnit);
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
        List<ScorecardEntity> rows = ScorecardEntity.<ScorecardEntity>find(q.toString(), p).page(0, page.fetchSize())
                .list();
        return Page.of(rows.stream().map(this::view).toList(), page.limit(), v -> PageRequest.cursor(v.id()));
    }

    /** The best average final scores over the rolling window ending with {@code month}, with their awards. */
    @GET
    @Path("awards")
    public Page<AwardView> awards(@QueryParam("month") String month, @QueryParam("orgUnit") String orgUnit) {
        YearMonth last = month("month", month);
        Optional<Set<String>> units = units(orgUnit);
        List<String> months = new ArrayList<>();
        for (int back = 0; back < config.scorecard().awardMonths(); back++) {
            months.add(last.minusMonths(back).toString());
        }
        Map<YearMonth, Map<String, BigDecimal>> scores = new HashMap<>();
        for (ScorecardEntity s : published(months, units)) {
            scores.computeIfAbsent(YearMonth.parse(s.month), m -> new HashMap<>()).put(s.staffId, s.finalScore);
        }
        List<AwardView> out = awards.award(last, scores).stream().map(a -> new AwardView(a.staffId(), a.rank(),
                a.averageScore().toPlainString(), a.amount().toPlainString(), config.currency())).toList();
        return new Page<>(out, null);
    }

    /** The month's bottom scorers and the day their corrective plan is due (4 days after the bulletin). */
    @GET
    @Path("corrective-plans")
    public Page<CorrectivePlanView> correctivePlans(@QueryParam("month") String month,
            @QueryParam("orgUnit") String orgUnit) {
        YearMonth m = month("month", month);
        List<ScorecardEntity> cards = published(List.of(m.toString()), units(orgUnit));
        if (cards.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        Map<String, String> unitOf = new HashMap<>();
        OffsetDateTime bulletin = null;
        for (ScorecardEntity s : cards) {
            scores.put(s.staffId, s.finalScore);
            unitOf.put(s.staffId, s.orgUnit);
            // the bulletin goes out with the month's last published scorecard
            bulletin = bulletin == null || s.publishedAt.isAfter(bulletin) ? s.publishedAt : bulletin;
        }
        List<CorrectivePlanView> out = correctivePlans.due(m, scores, bulletin.toInstant()).stream()
                .map(d -> new CorrectivePlanView(d.subject(), unitOf.get(d.subject()), d.rankFromBottom(),
                        points(d.score()), d.dueDate().toString(), d.dueBefore().atOffset(ZoneOffset.UTC).toString()))
                .toList();
        return new Page<>(out, null);
    }

    private List<ScorecardEntity> published(List<String> months, Optional<Set<String>> units) {
        if (units.isEmpty()) {
            return ScorecardEntity.list("status = ?1 and month in ?2", ScorecardEntity.PUBLISHED, months);
        }
        if (units.get().isEmpty()) {
            return List.of();
        }
        return ScorecardEntity.list("status = ?1 and month in ?2 and orgUnit in ?3", ScorecardEntity.PUBLISHED,
                months, units.get());
    }

    /**
     * The units a ranking covers: the given unit's subtree (it must be visible), or the caller's scope (empty: the
     * whole company).
     */
    private Optional<Set<String>> units(String orgUnit) {
        if (orgUnit != null) {
            if (!directory.exists(orgUnit)) {
                throw ApiException.notFound("org unit", orgUnit);
            }
            scope.requireVisible(orgUnit, "org unit", orgUnit);
            return Optional.of(directory.subtree(orgUnit));
        }
        return scope.visibleUnits();
    }

    private ScorecardEntity visible(String id, boolean lock) {
        ScorecardEntity s = lock ? ScorecardEntity.findById(id, LockModeType.PESSIMISTIC_WRITE)
                : ScorecardEntity.findById(id);
        if (s == null) {
            throw ApiException.notFound("scorecard", id);
        }
        scope.requireVisible(s.orgUnit, "scorecard", id);
        return s;
    }

    private ScorecardView view(ScorecardEntity s) {
        try {
            Stored stored = json.readValue(s.inputs, Stored.class);
            return new ScorecardView(s.id, s.staffId, s.orgUnit, s.month, s.status, stored.inputs(), stored.reviews(),
                    json.readValue(s.sheet, Sheet.class), points(s.finalScore), s.version,
                    s.publishedAt == null ? null : s.publishedAt.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String points(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static YearMonth month(String field, String value) {
        if (value == null) {
            throw ApiException.invalid(field, "is required");
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a month like 2026-05");
        }
    }
}
