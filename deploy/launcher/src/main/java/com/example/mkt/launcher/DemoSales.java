package com.example.mkt.launcher;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The sales the demo streams: insurance policies sold by the branches' teams to the demo's customers, more where the
 * targets are bigger and a little more in some branches than others (chosen per run), so that the race for the speed
 * award has leaders. Now and then a group policy of 10,000 CNY or more, which makes its buyer a VIP. Every amount is
 * added up to the cent, so the demo can show that the platform's figures agree with what it sent.
 */
final class DemoSales {

    private final String run;
    private final int customers;
    private final Random random;
    private final double[] cumulative = new double[DemoWorld.BRANCHES.size()];
    private final YearMonth month = YearMonth.now(BenchSales.SHANGHAI);
    private long count;
    private long cents;

    DemoSales(String run, int customers) {
        this.run = run;
        this.customers = customers;
        this.random = new Random(run.hashCode());
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += DemoWorld.BRANCHES.get(i).startingWan() * (0.7 + 0.6 * random.nextDouble());
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    /** {@code {"events": [...]}} of n sales. */
    String batch(int n) {
        List<Map<String, Object>> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(sale());
        }
        return BenchHttp.json(Map.of("events", events));
    }

    long count() {
        return count;
    }

    BigDecimal total() {
        return BigDecimal.valueOf(cents, 2);
    }

    private Map<String, Object> sale() {
        int b = branch();
        DemoWorld.Branch branch = DemoWorld.BRANCHES.get(b);
        int perBranch = Math.max(1, (customers - b + DemoWorld.BRANCHES.size() - 1) / DemoWorld.BRANCHES.size());
        int customer = b + DemoWorld.BRANCHES.size() * random.nextInt(perBranch);
        boolean group = random.nextInt(400) == 0;
        boolean travel = group || random.nextInt(10) < 6;
        long amountCents = group ? 1_000_000 + random.nextInt(2_000_001)
                : travel ? 5_000 + random.nextInt(55_001) : 20_000 + random.nextInt(130_001);
        cents += amountCents;
        return BenchSales.sale("DEMO-" + run + "-" + count++, month, branch.team(),
                branch.sellers().get(random.nextInt(branch.sellers().size())), DemoWorld.customerRef(customer),
                List.of("BRANCH", "APP", "PARTNER").get(random.nextInt(3)), DemoSetup.campaignCode(month.toString()),
                travel ? DemoWorld.TRAVEL : DemoWorld.EBIKE, amountCents);
    }

    private int branch() {
        double r = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (r < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }
}
