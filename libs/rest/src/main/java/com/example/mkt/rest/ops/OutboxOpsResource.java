package com.example.mkt.rest.ops;

import java.sql.SQLException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import com.example.mkt.eventing.outbox.ParkedOutbox;
import com.example.mkt.eventing.outbox.ParkedOutbox.ParkedRow;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.Roles;

/**
 * Operations on this service's parked outbox rows (libs/eventing {@code OutboxParking}): list them with their
 * reasons, release one (with the rows of its key held behind it) or all once the cause is fixed; the relay then
 * publishes them in their order. Served by every service on its own port under {@code /ops}, outside {@code /api/v1}:
 * the gateway does not route it, so it is not public (ops reach it on the service, e.g. {@code ./platform outbox}).
 */
@Path("/ops/outbox/parked")
@RolesAllowed(Roles.OPS)
public class OutboxOpsResource {

    /** The answer of a release: how many rows went back to the relay. */
    public record Released(int released) {
    }

    private final ParkedOutbox parked;

    public OutboxOpsResource(ParkedOutbox parked) {
        this.parked = parked;
    }

    /** Parked rows, oldest first: topic, key, type, reason, attempts, when written and when parked. */
    @GET
    public Page<ParkedRow> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor)
            throws SQLException {
        PageRequest page = PageRequest.of(limit, cursor);
        long after = page.first() ? 0 : id("cursor", page.after().get(0));
        List<ParkedRow> rows = parked.list(after, page.fetchSize());
        return Page.of(rows, page.limit(), r -> PageRequest.cursor(Long.toString(r.id())));
    }

    /** Releases a parked row and the later parked rows of its topic and key; 404 when no row is parked under the id. */
    @POST
    @Path("{id}/release")
    public Released release(@PathParam("id") String id) throws SQLException {
        int released = parked.release(id("id", id));
        if (released == 0) {
            throw ApiException.notFound("parked outbox row", id);
        }
        return new Released(released);
    }

    /** Releases every parked row (none parked: 0). */
    @POST
    @Path("release-all")
    public Released releaseAll() throws SQLException {
        return new Released(parked.releaseAll());
    }

    private static long id(String field, String value) {
        try {
            long id = Long.parseLong(value);
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(field, "must be an outbox row id");
        }
    }
}
