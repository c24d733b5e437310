package com.example.mkt.campaign.target;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The day-bucket search gives the reference calculator's answer, refunds and late sales included. */
class ReachSearchTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void agreesWithTheFullRecomputeOnRandomHistories() {
        Random random = new Random(20261205);
        for (int run = 0; run < 3_000; run++) {
            List<Contribution> history = randomHistory(random);
            BigDecimal starting = new BigDecimal(50 + random.nextInt(400));
            BigDecimal budget = starting.add(new BigDecimal(random.nextInt(300)));
            TargetAllocation allocation = TargetAllocation.withoutTotals(List.of(new BranchTarget("B", starting,
                    budget)));
            BranchProgress expected = new TargetProgressCalculator().progress(allocation, history).branches().get(0);
            assertEquals(Optional.ofNullable(expected.startingReachedAt()), search(starting, history),
                    "starting, run " + run + ": " + history);
            assertEquals(Optional.ofNullable(expected.budgetReachedAt()), search(budget, history),
                    "budget, run " + run + ": " + history);
        }
    }

    @Test
    void aRefundThatTakesTheTotalBackBelowUnreachesAndReachingAgainCountsFromThen() {
        List<Contribution> history = List.of(sale(0, 100), sale(30, 50), sale(60, -60), sale(26 * 60, 20));
        assertEquals(Optional.of(START.plusSeconds(26 * 3600)), search(new BigDecimal("110"), history));
        assertEquals(Optional.of(START), search(new BigDecimal("90"), history));
        assertEquals(Optional.of(START.plusSeconds(30 * 60)), search(new BigDecimal("101"), history.subList(0, 2)));
        assertEquals(Optional.empty(), search(new BigDecimal("111"), history));
    }

    @Test
    void aDipOnADaysLastInstantMeansReachedAtTheNextDaysFirst() {
        List<Contribution> history = List.of(sale(0, 100), sale(60, -50), sale(25 * 60, 30), sale(49 * 60, 10));
        assertEquals(Optional.of(START.plusSeconds(25 * 3600)), search(new BigDecimal("70"), history));
    }

    private static Optional<Instant> search(BigDecimal target, List<Contribution> history) {
        Map<LocalDate, TreeMap<Instant, BigDecimal>> byDay = new TreeMap<>();
        for (Contribution c : history) {
            byDay.computeIfAbsent(LocalDate.ofInstant(c.at(), ZoneOffset.UTC), d -> new TreeMap<>())
                    .merge(c.at(), c.amount(), BigDecimal::add);
        }
        List<ReachSearch.Day> days = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, TreeMap<Instant, BigDecimal>> d : byDay.entrySet()) {
            BigDecimal net = BigDecimal.ZERO;
            BigDecimal negatives = BigDecimal.ZERO;
            for (Contribution c : history) {
                if (LocalDate.ofInstant(c.at(), ZoneOffset.UTC).equals(d.getKey())) {
                    net = net.add(c.amount());
                    negatives = negatives.add(c.amount().min(BigDecimal.ZERO));
                }
            }
            days.add(new ReachSearch.Day(d.getKey(), net, negatives, d.getValue().firstKey()));
            total = total.add(net);
        }
        return ReachSearch.reachedAt(target, days, total, byDay::get);
    }

    private static List<Contribution> randomHistory(Random random) {
        List<Contribution> history = new ArrayList<>();
        int n = 1 + random.nextInt(25);
        for (int i = 0; i < n; i++) {
            int minute = random.nextInt(5 * 24 * 60 / 15) * 15; // five days, instants shared now and then
            int amount = random.nextInt(5) == 0 ? -(1 + random.nextInt(120)) : 1 + random.nextInt(150);
            history.add(sale(minute, amount));
        }
        return history;
    }

    private static Contribution sale(int minute, int amount) {
        return new Contribution("B", "P", START.plusSeconds(minute * 60L), new BigDecimal(amount));
    }
}
