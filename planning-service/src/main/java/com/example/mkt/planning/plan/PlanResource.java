package com.example.mkt.planning.plan;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.example.mkt.planning.approval.Actor;
import com.example.mkt.planning.approval.ApprovalAction;
import com.example.mkt.planning.approval.ApprovalState;
import com.example.mkt.planning.approval.ApprovalTransitions;
import com.example.mkt.planning.progress.GoalProgressEntity;
import com.example.mkt.planning.progress.GoalProgressView;
import com.example.mkt.planning.task.TaskService;
import com.example.mkt.planning.task.TaskStatusEntity;
import com.example.mkt.planning.shared.PlanningConfig;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.CurrentUser;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;

/**
 * Plans with their versions, approval and history. Anyone who writes business data may draft a plan for a unit in
 * their scope; who may review it depends on its kind (ApprovalPolicy: the general manager signs annual plans off).
 */
@Path("/api/v1/plans")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST })
public class PlanResource {

    public record NewPlan(@NotNull PlanKind kind, @NotBlank @Size(max = 32) String ownerOrgUnit,
            @NotNull @Valid PlanContent content) {
    }

    public record Action(@NotNull ApprovalAction action, Integer version, @Size(max = 4000) String note) {
    }

    public record VersionView(int number, ApprovalState state, int revisionCount, Integer basedOn, String authorId,
            OffsetDateTime createdAt, OffsetDateTime stateChangedAt, List<ApprovalAction> allowedActions) {
    }

    public record PlanView(String id, PlanKind kind, String ownerOrgUnit, String title, PlanContent.Period period,
            String parentPlanId, int currentVersion, ApprovalState state, Integer approvedVersion,
            List<VersionView> versions, PlanContent content, List<String> overdueTasks, long version,
            BudgetView budget) {
    }

    public record PlanSummary(String id, PlanKind kind, String ownerOrgUnit, String title, PlanContent.Period period,
            long version) {
    }

    public record StepView(int version, ApprovalAction action, ApprovalState from, ApprovalState to, String actorId,
            OffsetDateTime at, String note) {
    }

    private final PlanService service;
    private final OrgScope scope;
    private final CurrentUser user;
    private final ZoneId zone;
    private final java.time.Clock clock;
    private final TaskService tasks;

    public PlanResource(PlanService service, OrgScope scope, CurrentUser user, PlanningConfig config,
            java.time.Clock clock, TaskService tasks) {
        this.clock = clock;
        this.tasks = tasks;
        this.service = service;
        this.scope = scope;
        this.user = user;
        this.zone = config.zone();
    }

    @APIResponse(responseCode = "201",
            description = "Created: Location names the new resource")
    @POST
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response create(@Valid @NotNull NewPlan body) {
        scope.requireAssignable("ownerOrgUnit", body.ownerOrgUnit());
        PlanService.Loaded loaded = service.create(actor(), body.kind(), body.ownerOrgUnit(), body.content());
        return Response.created(URI.create("/api/v1/plans/" + loaded.plan().id))
                .header("ETag", ETags.of(loaded.plan().version)).entity(view(loaded)).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return ok(service.load(id, visible()));
    }

    /** Plans in scope by id; filter by {@code ownerOrgUnit} and {@code kind}. */
    @GET
    public Page<PlanSummary> list(@QueryParam("ownerOrgUnit") String owner, @QueryParam("kind") String kind,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder q = new StringBuilder("id > :after");
        Map<String, Object> params = new HashMap<>();
        params.put("after", page.first() ? "" : page.after().get(0));
        if (owner != null && !owner.isBlank()) {
            q.append(" and ownerOrgUnit = :owner");
            params.put("owner", owner);
        }
        if (kind != null && !kind.isBlank()) {
            try {
                params.put("kind", PlanKind.valueOf(kind));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("kind", "is not a plan kind");
            }
            q.append(" and kind = :kind");
        }
        Set<String> units = scope.visibleUnits().orElse(null);
        if (units != null) {
            if (units.isEmpty()) {
                return new Page<>(List.of(), null);
            }
            q.append(" and ownerOrgUnit in :units");
            params.put("units", units);
        }
        List<PlanSummary> rows = PlanEntity.<PlanEntity>find(q + " order by id", params).page(0, page.fetchSize())
                .list().stream().map(p -> new PlanSummary(p.id, p.kind, p.ownerOrgUnit, p.title,
                        new PlanContent.Period(p.periodStart, p.periodEnd), p.version)).toList();
        return Page.of(rows, page.limit(), p -> PageRequest.cursor(p.id()));
    }

    /** Edits the open draft. */
    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response edit(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PlanContent body) {
        return ok(service.edit(id, ifMatch, body, visible()));
    }

    /** SUBMIT, WITHDRAW, START_REVIEW, APPROVE, REJECT (with a note), REVISE, DISCARD or AMEND. */
    @POST
    @Path("{id}/actions")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response act(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Action body) {
        if (!body.action().isUserInitiated() || body.action() == ApprovalAction.EDIT) {
            throw ApiException.invalid("action", body.action() + " is not an approval action");
        }
        return ok(service.act(id, ifMatch, body.action(), body.version(), body.note(), actor(), visible()));
    }

    @GET
    @Path("{id}/versions/{number}")
    public Response version(@PathParam("id") String id, @PathParam("number") int number) {
        PlanService.Loaded loaded = service.load(id, visible());
        PlanVersionEntity v = loaded.version(number);
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("version", versionView(v));
        PlanContent content = service.content(v);
        out.put("content", content);
        out.put("budget", BudgetView.of(content, loaded.plan().kind, loaded.plan().ownerOrgUnit));
        return Response.ok(out).header("ETag", ETags.of(loaded.plan().version)).build();
    }

    /** What version {@code number} changed against the version it amends (or the one before). */
    @GET
    @Path("{id}/versions/{number}/diff")
    public Map<String, Object> diff(@PathParam("id") String id, @PathParam("number") int number) {
        return service.diff(service.load(id, visible()), number);
    }

    /** Every approval step of every version, with its comments, in order. */
    @GET
    @Path("{id}/history")
    public Map<String, List<StepView>> history(@PathParam("id") String id) {
        service.load(id, visible());
        return Map.of("items", service.history(id).stream().map(s -> new StepView(s.version, s.action, s.fromState,
                s.toState, s.actorId, s.at.atZone(zone).toOffsetDateTime(), s.note)).toList());
    }

    /** Goal progress of the approved version and the execution of its tasks (null while nothing is approved). */
    public record ProgressView(List<GoalProgressView> items, TaskService.TaskProgress tasks) {
    }

    /** Progress of the approved version's goals (KPI-linked and reported by hand) and of its tasks. */
    @GET
    @Path("{id}/progress")
    public ProgressView progress(@PathParam("id") String id) {
        PlanService.Loaded loaded = service.load(id, visible());
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(zone));
        List<GoalProgressEntity> rows = GoalProgressEntity.list("planId = ?1 order by goalId", id);
        return new ProgressView(rows.stream().map(g -> GoalProgressView.of(g, zone, today)).toList(),
                tasks.progress(loaded).orElse(null));
    }

    private Function<PlanEntity, PlanEntity> visible() {
        return p -> {
            scope.requireVisible(p.ownerOrgUnit, "plan", p.id);
            return p;
        };
    }

    private Actor actor() {
        return new Actor(user.staffId(), user.roles());
    }

    private Response ok(PlanService.Loaded loaded) {
        return Response.ok(view(loaded)).header("ETag", ETags.of(loaded.plan().version)).build();
    }

    private PlanView view(PlanService.Loaded loaded) {
        PlanEntity p = loaded.plan();
        PlanVersionEntity latest = loaded.latest();
        Integer approved = loaded.versions().stream().filter(v -> v.state == ApprovalState.APPROVED)
                .map(v -> v.number).findFirst().orElse(null);
        PlanContent content = service.content(latest);
        return new PlanView(p.id, p.kind, p.ownerOrgUnit, p.title, new PlanContent.Period(p.periodStart, p.periodEnd),
                p.parentPlanId, latest.number, latest.state, approved,
                loaded.versions().stream().map(this::versionView).toList(), content,
                overdueTasks(p.id, content), p.version, BudgetView.of(content, p.kind, p.ownerOrgUnit));
    }

    /** Tasks past due and neither done nor cancelled (their execution state), as of today in the business zone. */
    private List<String> overdueTasks(String planId, PlanContent content) {
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(zone));
        Map<String, TaskStatusEntity> recorded = tasks.statuses(planId);
        return (content.tasks() == null ? List.<PlanContent.TaskData>of() : content.tasks()).stream()
                .filter(t -> t != null && t.id() != null
                        && TaskService.isOverdue(t, TaskService.statusOf(t, recorded), today))
                .map(PlanContent.TaskData::id).toList();
    }

    private VersionView versionView(PlanVersionEntity v) {
        return new VersionView(v.number, v.state, v.revisionCount, v.basedOn, v.authorId,
                v.createdAt.atZone(zone).toOffsetDateTime(), v.stateChangedAt.atZone(zone).toOffsetDateTime(),
                List.copyOf(ApprovalTransitions.allowedActions(v.state)));
    }
}
