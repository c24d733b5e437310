package com.example.mkt.customer.tier;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import com.example.mkt.customer.customer.Customer;
import com.example.mkt.customer.customer.CustomerAccess;
import com.example.mkt.customer.history.StandingHistoryStore;
import com.example.mkt.customer.history.TierChange;
import com.example.mkt.customer.history.TierChangeSource;
import com.example.mkt.customer.sales.StandingRules;
import com.example.mkt.customer.web.CustomerEvents;
import com.example.mkt.customer.web.Times;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.Roles;

/**
 * VIP by nomination (docs/domain.md#vip-and-membership-tiers): anyone who works the customer nominates, a manager
 * (manager, marketing_director, gm) other than the nominator approves or rejects.
 */
@Path("/api/v1/vip-nominations")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST })
public class VipNominationResource {

    public record NewNomination(@NotBlank @Size(max = 2000) String reason) {
    }

    public record Decision(@Size(max = 2000) String note) {
    }

    public record NominationView(String id, String customerId, String nominatedBy, String reason,
            OffsetDateTime nominatedAt, String state, String decidedBy, OffsetDateTime decidedAt, String decisionNote,
            List<String> allowedActions, long version) {
    }

    private final CustomerAccess access;
    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final StandingHistoryStore history;

    private final String currency;

    public VipNominationResource(CustomerAccess access, EntityManager em, Outbox outbox, Clock clock,
            StandingHistoryStore history, com.example.mkt.customer.config.CustomerConfig config) {
        this.currency = config.currency();
        this.history = history;
        this.access = access;
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        VipNominationEntity e = visible(id);
        return Response.ok(view(e)).header("ETag", ETags.of(e.version)).build();
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER })
    @Transactional
    public Response approve(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid Decision body) {
        return decide(id, ifMatch, body, true);
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER })
    @Transactional
    public Response reject(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid Decision body) {
        if (body == null || body.note() == null || body.note().isBlank()) {
            throw ApiException.invalid("note", "a rejection needs a note");
        }
        return decide(id, ifMatch, body, false);
    }

    private Response decide(String id, String ifMatch, Decision body, boolean approve) {
        visible(id);
        VipNominationEntity e = em.find(VipNominationEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        ETags.requireMatchIfPresent(ifMatch, e.version);
        String decider = access.user().staffId();
        if (decider.equals(e.nominatedBy)) {
            throw ApiException.forbidden("the nominator cannot decide their own nomination");
        }
        Instant now = clock.instant();
        String note = body == null ? null : body.note();
        VipNomination decided = approve ? e.toDomain().approve(decider, note, now) : e.toDomain().reject(decider, note, now);
        e.apply(decided);
        if (approve) {
            Customer c = em.find(Customer.class, e.customerId, LockModeType.PESSIMISTIC_WRITE);
            boolean wasVip = c.vip;
            c.vipNominated = true;
            c.vip = true;
            c.updatedAt = now;
            if (!wasVip) {
                outbox.publish(CustomerEvents.of("customer.tier-changed", c.id, new StandingRules.TierChanged(c.id,
                        c.orgUnit, c.tier, c.tier, false, true, "NOMINATION", null, currency,
                        Times.out(now).toString())));
                history.record(new StandingHistoryStore.Changes().add(new TierChange(c.id, c.tier, c.tier, false, true,
                        TierChangeSource.NOMINATION, "NOMINATION", null, e.id, decider, now)));
            }
        }
        em.flush();
        return Response.ok(view(e)).header("ETag", ETags.of(e.version)).build();
    }

    private VipNominationEntity visible(String id) {
        VipNominationEntity e = id.length() > 64 ? null : VipNominationEntity.findById(id);
        if (e == null || !access.scope().canSee(e.orgUnit)) {
            throw ApiException.notFound("vip-nomination", id);
        }
        return e;
    }

    static NominationView view(VipNominationEntity e) {
        return new NominationView(e.id, e.customerId, e.nominatedBy, e.reason, Times.out(e.nominatedAt), e.state,
                e.decidedBy, Times.out(e.decidedAt), e.decisionNote,
                e.toDomain().allowedActions().stream().map(a -> a.name().toLowerCase()).sorted().toList(), e.version);
    }
}
