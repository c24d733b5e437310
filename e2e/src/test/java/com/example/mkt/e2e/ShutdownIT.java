package com.example.mkt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.example.mkt.e2e.Http.Caller;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Stopping consumers in the middle of a backlog loses nothing and dead-letters nothing: a backlog of valid sales goes
 * through the gateway, kpi-service and customer-service get SIGTERM (what {@code ./platform down} and Kubernetes send)
 * while they work through it, {@code ./platform up} starts them again, and then no dead letter was written meanwhile
 * and the totals are exact to the cent. Before consumers told a shutdown from a bad event, batches that failed as the
 * persistence layer closed ("EntityManagerFactory is closed") were retried one by one into {@code sales.events.dlq}:
 * 120 valid sales in one {@code ./platform down}.
 *
 * <p>On the {@link SharedPlatform}, in a world of its own (the region R-SD, its branches and customers), and after
 * every other class there ({@link StopsServices}): it takes two services down, and whatever another class had in
 * flight would be held up with them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedPlatform.class)
@StopsServices
class ShutdownIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int BATCHES = 12;
    private static final int BATCH_SIZE = 500;
    private static final List<String> STOPPED = List.of("kpi-service", "customer-service");
    private static final String REGION = "R-SD";

    private LocalPlatform platform;
    private Http http;
    private Caller gm;
    private final String month = YearMonth.now(ZONE).toString();

    @BeforeAll
    void onTheSharedPlatform(LocalPlatform shared) {
        platform = shared;
        http = new Http(platform.gatewayUrl());
        gm = Caller.bearer(platform.token("gm", "HQ", "s-gm"));
    }

    @Test
    void consumersStoppedInTheMiddleOfABacklogDeadLetterNothingAndCountEverySaleOnce() throws Exception {
        long start = System.nanoTime();
        List<String> customers = orgTreeAndCustomers();
        Map<String, Long> deadLettersBefore = platform.deadLetterCounts();
        phase("org tree and customers", start);
        Caller integration = Caller.apiKey(platform.apiKey());
        Map<String, BigDecimal> sentPerCustomer = new HashMap<>();
        BigDecimal sent = BigDecimal.ZERO;
        for (int b = 0; b < BATCHES; b++) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < BATCH_SIZE; i++) {
                int n = b * BATCH_SIZE + i;
                String customer = customers.get(n % customers.size());
                String amount = (10 + n % 90) + "." + String.format("%02d", n * 7 % 100);
                sent = sent.add(new BigDecimal(amount));
                sentPerCustomer.merge(customer, new BigDecimal(amount), BigDecimal::add);
                batch.add(sale("SD-" + n, customer, n % 2 == 0 ? "B-SD1" : "B-SD2", amount));
            }
            JsonNode answer = http.post(integration, "/api/v1/sales-events", Map.of("events", batch)).expect(200)
                    .json();
            answer.path("results").forEach(r -> assertEquals("ACCEPTED", r.path("status").asText(), r.toString()));
            if (b == BATCHES / 2 - 1) {
                stopWhileConsuming();
            }
        }
        phase("backlog sent", start);
        for (String service : STOPPED) {
            ProcessHandle.of(platform.pid(service)).ifPresent(p -> p.onExit().join());
        }
        phase("stopped", start);
        System.out.println(platform.upAgain());
        phase("started again", start);

        BigDecimal want = sent;
        eventually(REGION + " SALES_AMOUNT " + want, () -> regionSales().compareTo(want) == 0);
        for (Map.Entry<String, BigDecimal> c : sentPerCustomer.entrySet()) {
            eventually("spend of " + c.getKey() + " " + c.getValue(),
                    () -> spend(c.getKey()).compareTo(c.getValue()) == 0);
        }
        phase("caught up", start);
        assertEquals(0, want.compareTo(regionSales()), "every sale counted once by kpi-service");
        assertEquals(deadLettersBefore, platform.deadLetterCounts(),
                () -> "no valid event went to a dead-letter topic: " + platform.dlq(List.of("list")));
    }

    private static void phase(String what, long start) {
        System.out.printf("ShutdownIT: %s after %.1f s%n", what, (System.nanoTime() - start) / 1e9);
    }

    /** SIGTERM once kpi-service has begun on the backlog, so that batches are in flight when the stop begins. */
    private void stopWhileConsuming() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (regionSales().signum() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        System.out.println("stopping " + STOPPED + " with SIGTERM; " + REGION + " SALES_AMOUNT so far "
                + regionSales());
        for (String service : STOPPED) {
            ProcessHandle.of(platform.pid(service)).ifPresent(ProcessHandle::destroy);
        }
    }

    /**
     * One region and two branches under the head office the platform starts with; one customer per branch, made once
     * customer-service knows the branch.
     */
    private List<String> orgTreeAndCustomers() {
        unit(REGION, "华中大区", "REGION", "HQ");
        unit("B-SD1", "武汉分公司", "BRANCH", REGION);
        unit("B-SD2", "长沙分公司", "BRANCH", REGION);
        eventually("kpi-service knows the tree", () -> http.get(gm, "/api/v1/kpis/SALES_AMOUNT/subtree", "orgUnit",
                "B-SD2", "period", month).status() == 200);
        List<String> customers = new ArrayList<>();
        for (String branch : List.of("B-SD1", "B-SD2")) {
            customers.add(eventually("customer-service knows " + branch, () -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", "COMPANY");
                body.put("name", branch + " 旅行社");
                body.put("status", "ACTIVE");
                body.put("orgUnit", branch);
                body.put("contacts", List.of(Map.of("name", "张经理", "title", "总经理", "phones",
                        List.of(branch.equals("B-SD1") ? "13800000011" : "13800000012"))));
                Http.Answer a = http.post(gm, "/api/v1/customers", body);
                if (a.status() == 400) {
                    throw new IllegalStateException("customer refused: " + a.text());
                }
                return a.status() == 201 ? a.at("/id").asText() : null;
            }));
        }
        return customers;
    }

    private void unit(String code, String name, String kind, String parent) {
        http.createOrgUnit(gm, code, name, kind, parent).expect(201);
    }

    private BigDecimal regionSales() {
        for (JsonNode cell : http.get(gm, "/api/v1/kpis/SALES_AMOUNT/subtree", "orgUnit", REGION, "period", month)
                .expect(200).json().path("items")) {
            if (REGION.equals(cell.path("orgUnit").asText())) {
                return new BigDecimal(cell.path("value").asText());
            }
        }
        return BigDecimal.ZERO;
    }

    private BigDecimal spend(String customer) {
        JsonNode spend = http.get(gm, "/api/v1/customers/" + customer + "/purchase-stats").expect(200).json()
                .path("spend12Months");
        return spend.isMissingNode() || spend.isNull() ? BigDecimal.ZERO : new BigDecimal(spend.asText());
    }

    private static Map<String, Object> sale(String eventId, String customer, String unit, String amount) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("eventId", eventId);
        s.put("kind", "SALE");
        s.put("occurredAt", OffsetDateTime.now(ZONE).minusSeconds(5).format(DateTimeFormatter.ofPattern(
                "yyyy-MM-dd'T'HH:mm:ssXXX")));
        s.put("customer", Map.of("id", customer));
        s.put("orgUnit", unit);
        s.put("items", List.of(Map.of("productCode", "LAY", "quantity", 1, "unitPrice", amount)));
        s.put("amount", amount);
        s.put("currency", "CNY");
        return s;
    }

    /** Polls until {@code probe} answers non-null (or true), for up to three minutes. */
    private static <T> T eventually(String what, Supplier<T> probe) {
        return Eventually.within(java.time.Duration.ofMinutes(3), java.time.Duration.ofMillis(250), what, probe);
    }
}
