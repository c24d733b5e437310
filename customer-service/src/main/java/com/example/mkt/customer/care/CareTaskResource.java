package com.example.mkt.customer.care;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.example.mkt.customer.customer.CustomerAccess;
import com.example.mkt.customer.shared.Money;
import com.example.mkt.customer.web.Params;
import com.example.mkt.customer.web.Times;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.rest.security.Roles;

import io.quarkus.panache.common.Parameters;

/**
 * Care tasks of the customers in the caller's subtree (A-grade customers' only for the roles that may read
 * A-grade files), ordered by occasion date; done with outcome and actual cost within the task's budget
 * cap, or skipped with a reason.
 */
@Path("/api/v1/care-tasks")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST })
public class CareTaskResource {

    /** {@code actualCost} in CNY, at most the task's budget cap; omitted when nothing was spent. */
    @Schema(name = "CareTaskCompletion")
    public record Completion(@NotBlank @Size(max = 4000) String outcome, BigDecimal actualCost) {
    }

    public record Skip(@NotBlank @Size(max = 2000) String reason) {
    }

    public record CareTaskView(String key, String customerId, String orgUnit, String salesperson, String occasion,
            LocalDate occasionDate, String careLevel, String action, BigDecimal budgetCap, String state,
            String outcome, BigDecimal actualCost, String skipReason, OffsetDateTime doneAt, String doneBy,
            List<String> allowedActions, long version) {
    }

    private final CustomerAccess access;
    private final OrgDirectory directory;
    private final EntityManager em;
    private final Clock clock;

    public CareTaskResource(CustomerAccess access, OrgDirectory directory, EntityManager em, Clock clock) {
        this.access = access;
        this.directory = directory;
        this.em = em;
        this.clock = clock;
    }

    /**
     * {@code orgUnit}: that unit and its descendants; {@code status}: OPEN, DONE, SKIPPED; {@code from},
     * {@code to}: occasion dates, inclusive; {@code salesperson}: staff id.
     */
    @GET
    public Page<CareTaskView> list(@QueryParam("orgUnit") String orgUnit, @QueryParam("status") String status,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("salesperson") String salesperson, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder q = new StringBuilder("from CareTaskEntity t where true = true");
        Parameters p = new Parameters();
        if (!page.first()) {
            q.append(" and (t.occasionDate > :afterDate or (t.occasionDate = :afterDate and t.key > :afterKey))");
            p.and("afterDate", date("cursor", page.after().get(0))).and("afterKey", page.after().get(1));
        }
        if (orgUnit != null) {
            Set<String> subtree = directory.exists(orgUnit) ? directory.subtree(orgUnit) : Set.of(orgUnit);
            q.append(" and t.orgUnit in :subtree");
            p.and("subtree", subtree);
        }
        if (status != null) {
            q.append(" and t.state = :state");
            p.and("state", Params.enumValue("status", status, CareTaskState.class));
        }
        LocalDate fromDate = from == null ? null : date("from", from);
        LocalDate toDate = to == null ? null : date("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw ApiException.invalid("from", "must not be after to");
        }
        if (fromDate != null) {
            q.append(" and t.occasionDate >= :from");
            p.and("from", fromDate);
        }
        if (toDate != null) {
            q.append(" and t.occasionDate <= :to");
            p.and("to", toDate);
        }
        if (salesperson != null) {
            q.append(" and t.salesperson = :sp");
            p.and("sp", salesperson);
        }
        if (access.scope().visibleUnits().isPresent()) {
            Set<String> units = access.scope().visibleUnits().get();
            q.append(" and t.orgUnit in :units");
            p.and("units", units.isEmpty() ? Set.of("") : units);
        }
        if (!access.seesGradeA()) {
            q.append(" and not exists (select 1 from Customer c where c.id = t.customerId and c.grade = 'A')");
        }
        q.append(" order by t.occasionDate, t.key");
        List<CareTaskEntity> found = CareTaskEntity.<CareTaskEntity>find(q.toString(), p).page(0, page.fetchSize())
                .list();
        return Page.of(found.stream().map(CareTaskResource::view).toList(), page.limit(),
                v -> PageRequest.cursor(v.occasionDate().toString(), v.key()));
    }

    @GET
    @Path("{key}")
    public Response get(@PathParam("key") String key) {
        CareTaskEntity t = visible(key);
        return Response.ok(view(t)).header("ETag", ETags.of(t.version)).build();
    }

    @POST
    @Path("{key}/complete")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    @Transactional
    public Response complete(@PathParam("key") String key, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Completion body) {
        CareTaskEntity t = lockOpen(key, ifMatch, CareTaskState.COMPLETE);
        BigDecimal cost = null;
        if (body.actualCost() != null) {
            if (body.actualCost().signum() < 0) {
                throw ApiException.invalid("actualCost", "must not be negative");
            }
            if (body.actualCost().stripTrailingZeros().scale() > Money.SCALE) {
                throw ApiException.invalid("actualCost", "at most 2 decimals (CNY)");
            }
            cost = Money.normalize(body.actualCost());
            if (t.budgetCap != null && cost.compareTo(t.budgetCap) > 0) {
                throw ApiException.invalid("actualCost", "exceeds the budget cap of " + t.budgetCap.toPlainString()
                        + " CNY for " + t.action);
            }
        }
        t.state = CareTaskState.DONE.name();
        t.outcome = body.outcome();
        t.actualCost = cost;
        t.doneAt = clock.instant();
        t.doneBy = access.user().staffId();
        em.flush();
        return Response.ok(view(t)).header("ETag", ETags.of(t.version)).build();
    }

    @POST
    @Path("{key}/skip")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    @Transactional
    public Response skip(@PathParam("key") String key, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Skip body) {
        CareTaskEntity t = lockOpen(key, ifMatch, CareTaskState.SKIP);
        t.state = CareTaskState.SKIPPED.name();
        t.skipReason = body.reason();
        t.doneAt = clock.instant();
        t.doneBy = access.user().staffId();
        em.flush();
        return Response.ok(view(t)).header("ETag", ETags.of(t.version)).build();
    }

    private CareTaskEntity lockOpen(String key, String ifMatch, String action) {
        visible(key);
        CareTaskEntity t = em.find(CareTaskEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
        ETags.requireMatchIfPresent(ifMatch, t.version);
        CareTaskState state = CareTaskState.valueOf(t.state);
        if (!state.allowedActions().contains(action)) {
            throw ApiException.illegalTransition("care task " + key + " is " + state + "; cannot " + action,
                    state.allowedActions());
        }
        return t;
    }

    private CareTaskEntity visible(String key) {
        CareTaskEntity t = key.length() > 200 ? null : CareTaskEntity.findById(key);
        if (t == null || !access.scope().canSee(t.orgUnit)) {
            throw ApiException.notFound("care task", key);
        }
        if (!access.seesGradeA() && com.example.mkt.customer.customer.Customer
                .count("id = ?1 and grade = ?2", t.customerId, CustomerAccess.A_GRADE) > 0) {
            throw ApiException.notFound("care task", key);
        }
        return t;
    }

    private static CareTaskView view(CareTaskEntity t) {
        return new CareTaskView(t.key, t.customerId, t.orgUnit, t.salesperson, t.occasion, t.occasionDate,
                t.careLevel, t.action, t.budgetCap, t.state, t.outcome, t.actualCost, t.skipReason,
                Times.out(t.doneAt), t.doneBy, CareTaskState.valueOf(t.state).allowedActions(), t.version);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date (YYYY-MM-DD)");
        }
    }
}
