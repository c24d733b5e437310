package com.example.mkt.customer.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

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
import com.example.mkt.customer.customer.ContactLogEntry;
import com.example.mkt.customer.customer.CustomerAccess;
import com.example.mkt.customer.web.CustomerEvents;
import com.example.mkt.customer.web.Params;
import com.example.mkt.customer.web.Times;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.Roles;

import io.quarkus.panache.common.Parameters;

/** What is due or overdue per salesperson, and completing a follow-up with its outcome. */
@Path("/api/v1/follow-ups")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST })
public class FollowUpResource {

    @Schema(name = "FollowUpCompletion")
    public record Completion(@NotNull ContactChannel channel, @NotBlank @Size(max = 4000) String outcome) {
    }

    public record FollowUpView(String key, String customerId, String orgUnit, String salesperson, String kind,
            String period, OffsetDateTime dueBy, String audience, String state, String channel, String outcome,
            OffsetDateTime completedAt, String completedBy, boolean late, long version) {
    }

    public record Completed(String taskKey, String customerId, String orgUnit, String salesperson, String kind,
            String channel, String outcome, String dueBy, String completedAt, String completedBy, boolean late) {
    }

    private final CustomerAccess access;
    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;

    public FollowUpResource(CustomerAccess access, EntityManager em, Outbox outbox, Clock clock) {
        this.access = access;
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * {@code state}: OPEN, OVERDUE, DONE, CANCELLED; {@code dueBefore} narrows to tasks due by then, so
     * "due this week" is {@code state=OPEN&dueBefore=<next Monday>}. Ordered by due time.
     */
    @GET
    public Page<FollowUpView> list(@QueryParam("salesperson") String salesperson, @QueryParam("state") String state,
            @QueryParam("customerId") String customerId, @QueryParam("dueBefore") String dueBefore,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder q = new StringBuilder("true = true");
        Parameters p = new Parameters();
        if (!page.first()) {
            q.append(" and (dueBy > :afterDue or (dueBy = :afterDue and key > :afterKey))");
            p.and("afterDue", instant("cursor", page.after().get(0))).and("afterKey", page.after().get(1));
        }
        if (salesperson != null) {
            q.append(" and salesperson = :sp");
            p.and("sp", salesperson);
        }
        if (state != null) {
            q.append(" and state = :state");
            p.and("state", Params.enumValue("state", state, TaskState.class));
        }
        if (customerId != null) {
            q.append(" and customerId = :customer");
            p.and("customer", customerId);
        }
        if (dueBefore != null) {
            q.append(" and dueBy <= :dueBefore");
            p.and("dueBefore", instant("dueBefore", dueBefore));
        }
        if (access.scope().visibleUnits().isPresent()) {
            q.append(" and orgUnit in :units");
            p.and("units", access.scope().visibleUnits().get());
        }
        q.append(" order by dueBy, key");
        List<FollowUpEntity> found = FollowUpEntity.<FollowUpEntity>find(q.toString(), p).page(0, page.fetchSize())
                .list();
        return Page.of(found.stream().map(this::view).toList(), page.limit(),
                v -> PageRequest.cursor(v.dueBy().toInstant().toString(), v.key()));
    }

    @GET
    @Path("{key}")
    public Response get(@PathParam("key") String key) {
        FollowUpEntity e = visible(key);
        return Response.ok(view(e)).header("ETag", ETags.of(e.version)).build();
    }

    @POST
    @Path("{key}/complete")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    @Transactional
    public Response complete(@PathParam("key") String key, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Completion body) {
        visible(key);
        FollowUpEntity e = em.find(FollowUpEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
        ETags.requireMatchIfPresent(ifMatch, e.version);
        Instant now = clock.instant();
        FollowUpTask done = e.toDomain().complete(body.channel(), body.outcome(), now);
        e.state = done.state().name();
        e.channel = body.channel().name();
        e.outcome = body.outcome();
        e.completedAt = now;
        e.completedBy = access.user().staffId();
        // the contact itself goes to the customer's log, which also drives the next cadence slot
        ContactLogEntry log = new ContactLogEntry();
        log.id = UUID.randomUUID().toString();
        log.customerId = e.customerId;
        log.channel = body.channel().name();
        log.occurredAt = now;
        log.visitor = e.completedBy;
        log.content = body.outcome();
        log.result = "follow-up " + e.key;
        log.recordedAt = now;
        log.persist();
        outbox.publish(CustomerEvents.of("follow-up.completed", e.key, new Completed(e.key, e.customerId, e.orgUnit,
                e.salesperson, e.kind, e.channel, e.outcome, Times.out(e.dueBy).toString(), Times.out(now).toString(),
                e.completedBy, done.completedLate())));
        em.flush();
        return Response.ok(view(e)).header("ETag", ETags.of(e.version)).build();
    }

    private FollowUpEntity visible(String key) {
        FollowUpEntity e = key.length() > 200 ? null : FollowUpEntity.findById(key);
        if (e == null || !access.scope().canSee(e.orgUnit)) {
            throw ApiException.notFound("follow-up", key);
        }
        return e;
    }

    private FollowUpView view(FollowUpEntity e) {
        return new FollowUpView(e.key, e.customerId, e.orgUnit, e.salesperson, e.kind, e.period, Times.out(e.dueBy),
                e.audience, e.state, e.channel, e.outcome, Times.out(e.completedAt), e.completedBy,
                e.completedAt != null && !e.completedAt.isBefore(e.dueBy), e.version);
    }

    private static Instant instant(String field, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (RuntimeException e) {
            try {
                return Instant.parse(value);
            } catch (RuntimeException e2) {
                throw ApiException.invalid(field, "must be an ISO-8601 time with an offset");
            }
        }
    }
}
