package com.example.mkt.customer.it;

import static com.example.mkt.customer.it.Fixtures.NANCHANG;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.customer.sales.SalesConsumer;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.StatementStats;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The running figures after a mixed batch equal what the test works out itself from the distinct sales it sent: a
 * refund of an earlier batch's sale (booked in that sale's month), a refund listed before its own sale in the same
 * batch, a full refund that takes a single-purchase VIP away, a sale repeated inside the batch, a sale replayed from
 * the earlier batch (purchases take no inbox entry: their customer_sale rows are the record), two sales to one new
 * prospect, and a contract, replayed in a batch of its own.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SalesBatchExactnessIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String SUPERVISOR = Fixtures.token("supervisor", NANCHANG);

    @Inject
    SalesConsumer consumer;
    @Inject
    DataSource dataSource;
    @Inject
    OrgDirectory directory;

    private final String run = "X" + Fixtures.RUN + System.nanoTime() % 100_000;
    /** What the test sent once per eventId: customer key, kind, amount, time, refunded eventId. */
    private final Map<String, Object[]> distinct = new LinkedHashMap<>();

    @Test
    void aMixedBatchLeavesExactlyTheFiguresWorkedOutIndependently() throws Exception {
        Fixtures.orgTree(directory);
        String a = run + "-A";
        String b = run + "-B";
        String ref = "REF-" + run + "-C";
        insertCustomers(a, b);
        Instant now = Instant.now();
        Map<String, String> first = new LinkedHashMap<>();
        Map<String, Object> s1 = sale(first, "s1", "SALE", a, "3000.00", now.minus(40, ChronoUnit.DAYS), null);
        Map<String, Object> s2 = sale(first, "s2", "SALE", a, "1500.25", now.minus(2, ChronoUnit.MINUTES), null);
        sale(first, "s3", "SALE", b, "12000.00", now.minus(70, ChronoUnit.DAYS), null);
        sale(first, "s4", "SALE", b, "99.99", now.minus(3, ChronoUnit.MINUTES), null);
        consumer.onBatch(StatementStats.batch("sales.events", first));
        assertView(a, "NONE", false);
        assertView(b, "SILVER", true);

        // purchases are recorded by their customer_sale rows, not in the inbox: their replays below must still count
        // once only
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM eventing_inbox WHERE event_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", new Object[] {id("s1"), id("s2"), id("s3"), id("s4")}));
            try (var rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "inbox entries of purchases");
            }
        }
        Map<String, String> mixed = new LinkedHashMap<>();
        sale(mixed, "r3", "REFUND", a, "-100.00", now.minus(1, ChronoUnit.MINUTES), id("s6"));
        sale(mixed, "r1", "REFUND", a, "-500.00", now.minus(1, ChronoUnit.MINUTES), id("s1"));
        Map<String, Object> s5 = sale(mixed, "s5", "SALE", a, "4000.00", now.minus(5, ChronoUnit.MINUTES), null);
        sale(mixed, "s6", "SALE", a, "800.00", now.minus(10, ChronoUnit.DAYS), null);
        sale(mixed, "r2", "REFUND", b, "-12000.00", now.minus(1, ChronoUnit.MINUTES), id("s3"));
        sale(mixed, "p1", "SALE", ref, "25000.00", now.minus(4, ChronoUnit.MINUTES), null);
        sale(mixed, "p2", "SALE", ref, "0.50", now.minus(4, ChronoUnit.MINUTES), null);
        again(mixed, "dup-s5", s5, a);
        again(mixed, "replay-s1", s1, a);
        again(mixed, "replay-s2", s2, a);
        Map<String, Object> contract = Fixtures.sale(id("k1"), "CONTRACT", Map.of("id", b), NANCHANG, "0.00");
        contract.put("contractId", "K-" + run);
        contract.put("fulfilled", true);
        mixed.put(id("k1"), Fixtures.envelope("/pos-system", "sales.recorded", b, contract));

        StatementStats.StepCost cost = StatementStats.ofQuarkusDatasource().measure(
                () -> consumer.onBatch(StatementStats.batch("sales.events", mixed)), StatementStats::notBackground);
        System.out.println("SalesBatchExactnessIT: mixed batch " + cost.statements() + " statements\n" + cost.top());
        assertTrue(cost.statements() <= 20, cost.top());

        String c = prospect(ref);
        assertExact(a, a, now);
        assertExact(b, b, now);
        assertExact(c, ref, now);
        assertView(a, "SILVER", false);
        assertView(b, "NONE", false);
        assertView(c, "GOLD", true);
        given().header("Authorization", SUPERVISOR).when().get("/api/v1/customers/" + b + "/purchase-stats")
                .then().statusCode(200).body("contractFulfilment.fulfilled", org.hamcrest.Matchers.equalTo(1));

        // a contract report leaves no row of its own: the inbox is what makes its replay count once
        consumer.onBatch(StatementStats.batch("sales.events", Map.of(id("k1"), mixed.get(id("k1")))));
        given().header("Authorization", SUPERVISOR).when().get("/api/v1/customers/" + b + "/purchase-stats")
                .then().statusCode(200).body("contractFulfilment.fulfilled", org.hamcrest.Matchers.equalTo(1));
    }

    /** The figures of one customer, worked out from the distinct events the test sent to {@code key}. */
    private void assertExact(String customerId, String key, Instant now) {
        long orders = 0;
        long refunds = 0;
        BigDecimal lifetime = BigDecimal.ZERO.setScale(2);
        Map<String, BigDecimal> spend = new TreeMap<>();
        Map<String, Integer> ordersByMonth = new TreeMap<>();
        for (Object[] e : distinct.values()) {
            if (!e[0].equals(key)) {
                continue;
            }
            BigDecimal amount = new BigDecimal((String) e[2]).abs();
            Instant at = (Instant) e[3];
            if ("SALE".equals(e[1])) {
                orders++;
                lifetime = lifetime.add(amount);
                ordersByMonth.merge(month(at), 1, Integer::sum);
                spend.merge(month(at), amount, BigDecimal::add);
            } else {
                refunds++;
                lifetime = lifetime.subtract(amount);
                Object[] original = distinct.get((String) e[4]);
                spend.merge(month(original == null ? at : (Instant) original[3]), amount.negate(), BigDecimal::add);
            }
        }
        YearMonth current = YearMonth.from(now.atZone(ZONE));
        BigDecimal window = spend.entrySet().stream()
                .filter(m -> !YearMonth.parse(m.getKey()).isBefore(current.minusMonths(11)))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        JsonNode view = Fixtures.read(given().header("Authorization", SUPERVISOR)
                .when().get("/api/v1/customers/" + customerId + "/purchase-stats").then().statusCode(200)
                .extract().asString());
        assertEquals(orders, view.path("orderCount").asLong(), customerId + " orders " + view);
        assertEquals(refunds, view.path("refundCount").asLong(), customerId + " refunds " + view);
        assertEquals(lifetime.toPlainString(), view.path("lifetimeSpend").asText(), customerId + " lifetime " + view);
        assertEquals(window.toPlainString(), view.path("spend12Months").asText(), customerId + " 12 months " + view);
        Map<String, String> spendSeen = new TreeMap<>();
        view.path("spendByMonth").fields().forEachRemaining(f -> spendSeen.put(f.getKey(), f.getValue().asText()));
        Map<String, String> spendExpected = new TreeMap<>();
        spend.forEach((m, v) -> spendExpected.put(m, v.toPlainString()));
        assertEquals(spendExpected, spendSeen, customerId + " spend by month");
        Map<String, Integer> ordersSeen = new TreeMap<>();
        view.path("ordersByMonth").fields().forEachRemaining(f -> ordersSeen.put(f.getKey(), f.getValue().asInt()));
        assertEquals(ordersByMonth, ordersSeen, customerId + " orders by month");
    }

    private static void assertView(String customerId, String tier, boolean vip) {
        given().header("Authorization", SUPERVISOR).when().get("/api/v1/customers/" + customerId + "/purchase-stats")
                .then().statusCode(200).body("tier", org.hamcrest.Matchers.equalTo(tier))
                .body("vip", org.hamcrest.Matchers.equalTo(vip));
    }

    private Map<String, Object> sale(Map<String, String> batch, String name, String kind, String customer,
            String amount, Instant at, String refundOf) {
        boolean byRef = customer.startsWith("REF-");
        Map<String, Object> data = Fixtures.sale(id(name), kind, byRef ? Map.of("externalRef", customer)
                : Map.of("id", customer), NANCHANG, amount);
        data.put("occurredAt", OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(8)).toString());
        if (refundOf != null) {
            data.put("refundOf", refundOf);
        }
        batch.put(id(name), Fixtures.envelope("/pos-system", "sales.recorded", customer, data));
        distinct.putIfAbsent(id(name), new Object[] { customer, kind, amount, at, refundOf });
        return data;
    }

    /** The same sale in a new envelope (new envelope id, same eventId). */
    private static void again(Map<String, String> batch, String key, Map<String, Object> data, String subject) {
        batch.put(key, Fixtures.envelope("/pos-system", "sales.recorded", subject, data));
    }

    private String id(String name) {
        return "E-" + run + "-" + name;
    }

    private static String month(Instant at) {
        return YearMonth.from(at.atZone(ZONE)).toString();
    }

    private void insertCustomers(String... ids) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO customer (id, type, name, name_key, status, org_unit, salesperson, created_at, updated_at)"
                        + " SELECT u, 'COMPANY', u, customer_search_key(u), 'ACTIVE', ?, 's-042', now(), now()"
                        + " FROM unnest(?::text[]) u")) {
            ps.setString(1, NANCHANG);
            ps.setArray(2, c.createArrayOf("text", ids));
            assertEquals(ids.length, ps.executeUpdate());
        }
    }

    /** The one customer filed for {@code ref}. */
    private String prospect(String ref) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM customer WHERE external_ref = ?")) {
            ps.setString(1, ref);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        assertEquals(1, ids.size(), "one prospect for " + ref);
        return ids.get(0);
    }
}
