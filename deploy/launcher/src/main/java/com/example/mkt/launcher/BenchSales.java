package com.example.mkt.launcher;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sales the benchmark sends: spread over the world's branches, salespeople and customers, dated now in
 * Shanghai (so they land in this month's KPI cells), with amounts whose sum is kept to the cent so that the result
 * can be checked exactly. Thread-safe: clients draw numbers from one counter.
 */
final class BenchSales {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Always with seconds: OffsetDateTime.toString() leaves out ":00", which the sales schema refuses. */
    static final java.time.format.DateTimeFormatter SECONDS =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    static final int CUSTOMERS = 5_000;
    static final int SALESPEOPLE = 200;

    private final String run;
    private final BenchWorld world;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong cents = new AtomicLong();
    private final AtomicLong probeCents = new AtomicLong();

    private final java.time.YearMonth month = java.time.YearMonth.now(SHANGHAI);

    BenchSales(String run, BenchWorld world) {
        this.run = run;
        this.world = world;
    }

    /** {@code {"events": [...]}} of n campaign sales. */
    String batch(int n) {
        List<Map<String, Object>> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long k = next.getAndIncrement();
            long amountCents = 10_000 + (k * 7919) % 90_000; // 100.00 .. 999.99
            cents.addAndGet(amountCents);
            // each salesperson sells in the branch BenchSetup made them staff of, as in a real company (sales
            // spread over every branch by every salesperson made 2,200 people x branches out of 200 people)
            int salesperson = (int) (k % SALESPEOPLE);
            String branch = world.branches().get(salesperson % world.branches().size());
            events.add(sale("BENCH-" + run + "-" + k, branch, "BENCH-S" + salesperson,
                    "BENCH-C" + (k % CUSTOMERS), world.campaignCode(), world.product(), amountCents));
        }
        return BenchHttp.json(Map.of("events", events));
    }

    /** One sale of 1.00 outside the campaign, to the probe unit. */
    String probe(long k) {
        probeCents.addAndGet(100);
        return BenchHttp.json(sale("BENCH-" + run + "-P" + k, world.probeUnit(), "BENCH-PROBER", "BENCH-C0", null,
                "BENCH-OTHER", 100));
    }

    /** Every campaign sale sent so far, exactly. */
    BigDecimal campaignTotal() {
        return BigDecimal.valueOf(cents.get(), 2);
    }

    /** Everything sent so far, probes included, exactly. */
    BigDecimal total() {
        return BigDecimal.valueOf(cents.get() + probeCents.get(), 2);
    }

    long count() {
        return next.get();
    }

    /**
     * Now, but never past {@code month} (the month a run began in): its totals are checked in that month's KPI cell,
     * also when a run crosses midnight at the end of a month.
     */
    static OffsetDateTime saleTime(java.time.YearMonth month) {
        OffsetDateTime now = OffsetDateTime.now(SHANGHAI).minusSeconds(1);
        OffsetDateTime monthEnd = month.atEndOfMonth().atTime(23, 59, 59).atZone(SHANGHAI).toOffsetDateTime();
        return now.isAfter(monthEnd) ? monthEnd : now;
    }

    private Map<String, Object> sale(String eventId, String unit, String salesperson, String customer,
            String campaign, String product, long amountCents) {
        return sale(eventId, month, unit, salesperson, customer, "APP", campaign, product, amountCents);
    }

    /** One SALE of one item, as an integrating system sends it; dated now, within {@code month}. */
    static Map<String, Object> sale(String eventId, java.time.YearMonth month, String unit, String salesperson,
            String customer, String channel, String campaign, String product, long amountCents) {
        String amount = BigDecimal.valueOf(amountCents, 2).toPlainString();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("eventId", eventId);
        s.put("kind", "SALE");
        s.put("occurredAt", saleTime(month).format(SECONDS));
        s.put("customer", Map.of("externalRef", customer));
        s.put("orgUnit", unit);
        s.put("salesperson", salesperson);
        s.put("channel", channel);
        if (campaign != null) {
            s.put("campaignCode", campaign);
        }
        s.put("items", List.of(Map.of("productCode", product, "quantity", 1, "unitPrice", amount)));
        s.put("amount", amount);
        s.put("currency", "CNY");
        return s;
    }
}
