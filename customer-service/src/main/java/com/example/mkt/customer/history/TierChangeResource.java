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
 * A customer's membership-tier and VIP moves, newest first: by sales, by the nightly aging, by an approved nomination.
 * Read like the grade history: the people who may open the customer, in their org scope (404 outside it).
 */
@Path("/api/v1/customers/{customerId}/tier-changes")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST })
public class TierChangeResource {

    /**
     * @param windowSpend the tier window's net spend the move was judged on (money, with {@code currency}); null when
     *                    sales did not decide it (a nomination)
     * @param changedBy   the person who made the move; null when the rules did
     */
    public record TierChangeView(long id, String from, String to, boolean wasVip, boolean vip, String source,
            String vipBasis, String windowSpend, String currency, String nominationId, String changedBy,
            OffsetDateTime changedAt) {
    }

    private final CustomerAccess access;
    private final StandingHistoryStore store;
    private final String currency;

    public TierChangeResource(CustomerAccess access, StandingHistoryStore store,
            com.example.mkt.customer.config.CustomerConfig config) {
        this.currency = config.currency();
        this.access = access;
        this.store = store;
    }

    @GET
    public Page<TierChangeView> list(@PathParam("customerId") String customerId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) throws SQLException {
        Customer c = access.require(customerId);
        PageRequest page = PageRequest.of(limit, cursor);
        List<Recorded<TierChange>> found = store.tierChanges(c.id, HistoryCursor.before(page), page.fetchSize());
        return Page.of(found.stream().map(this::view).toList(), page.limit(),
                v -> HistoryCursor.of(v.id()));
    }

    private TierChangeView view(Recorded<TierChange> r) {
        TierChange t = r.change();
        return new TierChangeView(r.id(), t.fromTier(), t.toTier(), t.wasVip(), t.vip(), t.source().name(),
                t.vipBasis(), t.windowSpend() == null ? null : t.windowSpend().toPlainString(),
                t.windowSpend() == null ? null : currency, t.nominationId(), t.changedBy(), Times.out(t.changedAt()));
    }
}
