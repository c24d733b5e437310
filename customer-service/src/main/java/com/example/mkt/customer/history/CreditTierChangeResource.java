package com.example.mkt.customer.history;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import com.example.mkt.customer.customer.Customer;
import com.example.mkt.customer.customer.CustomerAccess;
import com.example.mkt.customer.history.StandingHistoryStore.Recorded;
import com.example.mkt.customer.web.Times;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.security.Roles;

/**
 * A customer's credit-tier moves, newest first: approved change requests and automatic downgrades. Credit data, so
 * supervisors and above only, like the change requests themselves; in their org scope (404 outside it).
 */
@Path("/api/v1/customers/{customerId}/credit-tier-changes")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR })
public class CreditTierChangeResource {

    /** {@code from} and {@code to} name ORDINARY for a customer without a key account, as the change requests do. */
    public record CreditTierChangeView(long id, String from, String to, String reason, boolean automatic,
            String fulfilmentPercent, String requestId, String changedBy, OffsetDateTime changedAt) {
    }

    private final CustomerAccess access;
    private final StandingHistoryStore store;

    public CreditTierChangeResource(CustomerAccess access, StandingHistoryStore store) {
        this.access = access;
        this.store = store;
    }

    @GET
    public Page<CreditTierChangeView> list(@PathParam("customerId") String customerId,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) throws SQLException {
        Customer c = access.require(customerId);
        PageRequest page = PageRequest.of(limit, cursor);
        List<Recorded<CreditTierChange>> found = store.creditTierChanges(c.id, HistoryCursor.before(page),
                page.fetchSize());
        return Page.of(found.stream().map(CreditTierChangeResource::view).toList(), page.limit(),
                v -> HistoryCursor.of(v.id()));
    }

    private static CreditTierChangeView view(Recorded<CreditTierChange> r) {
        CreditTierChange k = r.change();
        return new CreditTierChangeView(r.id(), ordinary(k.fromTier()), ordinary(k.toTier()), k.reason(),
                k.automatic(), k.fulfilmentPercent() == null ? null : k.fulfilmentPercent().toPlainString(),
                k.requestId(), k.changedBy(), Times.out(k.changedAt()));
    }

    private static String ordinary(String tier) {
        return tier == null ? "ORDINARY" : tier;
    }
}
