package com.example.mkt.customer.sales;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import com.example.mkt.customer.credit.CreditAssessor;
import com.example.mkt.customer.credit.FulfilmentRecord;
import com.example.mkt.customer.customer.Customer;
import com.example.mkt.customer.customer.CustomerAccess;
import com.example.mkt.customer.score.PurchaseStats;
import com.example.mkt.customer.score.ValueScore;
import com.example.mkt.customer.score.ValueScorer;
import com.example.mkt.customer.web.Times;
import com.example.mkt.rest.security.Roles;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A customer's purchase figures as the sales stream left them, with the value score explained. */
@Path("/api/v1/customers/{id}/purchase-stats")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST })
public class PurchaseStatsResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatsView(String customerId, OffsetDateTime firstPurchaseAt, OffsetDateTime lastPurchaseAt,
            long orderCount, long refundCount, String lifetimeSpend, String spend12Months, String currency,
            Map<String, String> spendByMonth, Map<String, Integer> ordersByMonth, ValueScore valueScore, String tier,
            boolean vip, String lifecycleStage, Fulfilment contractFulfilment) {
    }

    /**
     * Credit data: supervisors and above only. {@code ratePercent} is fulfilled ÷ settled by the configured
     * {@code basis} (COUNT or AMOUNT); null while nothing is settled.
     */
    public record Fulfilment(long fulfilled, long defaulted, String fulfilledAmount, String defaultedAmount,
            String basis, String ratePercent) {
    }

    private final CustomerAccess access;
    private final StatsStore store;
    private final DataSource dataSource;
    private final ValueScorer scorer;
    private final Clock clock;
    private final CreditAssessor credit;
    private final String currency;

    public PurchaseStatsResource(CustomerAccess access, StatsStore store, DataSource dataSource, ValueScorer scorer,
            Clock clock, CreditAssessor credit, com.example.mkt.customer.config.CustomerConfig config) {
        this.credit = credit;
        this.currency = config.currency();
        this.access = access;
        this.store = store;
        this.dataSource = dataSource;
        this.scorer = scorer;
        this.clock = clock;
    }

    @GET
    public StatsView get(@PathParam("id") String id) throws SQLException {
        Customer c = access.require(id);
        StatsStore.Figures f;
        try (Connection conn = dataSource.getConnection()) {
            f = store.loadFigures(conn, List.of(c.id)).get(c.id);
        }
        Instant now = clock.instant();
        PurchaseStats s = f.stats();
        Map<String, String> spend = new LinkedHashMap<>();
        s.spendByMonth().forEach((m, v) -> spend.put(m.toString(), v.toPlainString()));
        Map<String, Integer> orders = new LinkedHashMap<>();
        s.ordersByMonth().forEach((m, v) -> orders.put(m.toString(), v));
        FulfilmentRecord r = f.fulfilment();
        Fulfilment fulfilment = access.seesCredit() ? new Fulfilment(r.fulfilled(), r.defaulted(),
                r.fulfilledAmount().toPlainString(), r.defaultedAmount().toPlainString(), credit.basis().name(),
                credit.rateOf(r).percent().map(BigDecimal::toPlainString).orElse(null)) : null;
        return new StatsView(c.id, Times.out(s.firstPurchaseAt().orElse(null)), Times.out(s.lastPurchaseAt().orElse(null)),
                s.orderCount(), s.refundCount(), s.lifetimeSpend().toPlainString(),
                s.spendInWindow(now, 12).toPlainString(), currency, spend, orders, scorer.score(s, now), c.tier, c.vip,
                c.lifecycleStage, fulfilment);
    }
}
