package com.example.mkt.campaign.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Reading several days per round (as a batch's searches do together) finds the same moment. */
    @Test
    void aWalkFedSeveralDaysPerRoundAgreesWithTheFullRecompute() {
        Random random = new Random(20261207);
        for (int run = 0; run < 3_000; run++) {
            List<Contribution> history = randomHistory(random);
            BigDecimal target = new BigDecimal(random.nextInt(450) - 20);
            Map<LocalDate, TreeMap<Instant, BigDecimal>> byDay = netByDay(history);
            ReachSearch.Walk walk = new ReachSearch.Walk(target, days(history), total(history));
            Map<LocalDate, TreeMap<Instant, BigDecimal>> read = new TreeMap<>();
            for (int round = 0; !walk.done(); round++) {
                List<LocalDate> wanted = walk.wanted(1 + random.nextInt(4));
                assertTrue(!wanted.isEmpty() && round < 30, "run " + run + " asks for nothing yet is not done");
                wanted.forEach(d -> read.put(d, byDay.get(d)));
                walk.advance(read);
            }
            assertEquals(reference(target, history), walk.result(), "run " + run + ": " + history);
        }
    }

    /**
     * The shortcut for batches dated wholly in days after the moment's: whenever it says the moment stands, the full
     * recompute agrees; and it does say so for most such batches (else it would save nothing).
     */
    @Test
    void aBatchAfterTheMomentsDayIsConfirmedFromTheDayBucketsAlone() {
        Random random = new Random(20261206);
        int confirmed = 0;
        int tried = 0;
        for (int run = 0; run < 5_000; run++) {
            List<Contribution> history = randomHistory(random);
            BigDecimal target = new BigDecimal(50 + random.nextInt(400));
            Optional<Instant> moment = search(target, history);
            if (moment.isEmpty()) {
                continue;
            }
            LocalDate after = LocalDate.ofInstant(moment.get(), ZoneOffset.UTC).plusDays(1);
            List<Contribution> next = new ArrayList<>(history);
            for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
                Instant at = after.atStartOfDay(ZoneOffset.UTC).toInstant()
                        .plusSeconds(random.nextInt(3 * 24 * 4) * 900L);
                int amount = random.nextInt(3) == 0 ? -(1 + random.nextInt(200)) : 1 + random.nextInt(150);
                next.add(new Contribution("B", "P", at, new BigDecimal(amount)));
            }
            BigDecimal total = total(next);
            if (total.compareTo(target) < 0) {
                continue; // the caller un-reaches it without asking
            }
            tried++;
            if (ReachSearch.stillReachedAt(target, days(next), total, moment.get())) {
                confirmed++;
                assertEquals(moment, reference(target, next), "run " + run + ": " + next);
            }
        }
        assertTrue(confirmed > tried / 2, confirmed + " of " + tried + " confirmed without reading a day");
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

    /** What the full recompute over every contribution says (the target as the branch's starting one). */
    private static Optional<Instant> reference(BigDecimal target, List<Contribution> history) {
        TargetAllocation allocation = TargetAllocation.withoutTotals(List.of(new BranchTarget("B", target,
                target.max(BigDecimal.ZERO).add(BigDecimal.TEN))));
        return Optional.ofNullable(new TargetProgressCalculator().progress(allocation, history).branches().get(0)
                .startingReachedAt());
    }

    private static Optional<Instant> search(BigDecimal target, List<Contribution> history) {
        return ReachSearch.reachedAt(target, days(history), total(history), netByDay(history)::get);
    }

    private static Map<LocalDate, TreeMap<Instant, BigDecimal>> netByDay(List<Contribution> history) {
        Map<LocalDate, TreeMap<Instant, BigDecimal>> byDay = new TreeMap<>();
        for (Contribution c : history) {
            byDay.computeIfAbsent(LocalDate.ofInstant(c.at(), ZoneOffset.UTC), d -> new TreeMap<>())
                    .merge(c.at(), c.amount(), BigDecimal::add);
        }
        return byDay;
    }

    /** The day buckets as ProgressStore keeps them: net, negatives and first instant per UTC day. */
    private static List<ReachSearch.Day> days(List<Contribution> history) {
        List<ReachSearch.Day> days = new ArrayList<>();
        for (Map.Entry<LocalDate, TreeMap<Instant, BigDecimal>> d : netByDay(history).entrySet()) {
            BigDecimal net = BigDecimal.ZERO;
            BigDecimal negatives = BigDecimal.ZERO;
            for (Contribution c : history) {
                if (LocalDate.ofInstant(c.at(), ZoneOffset.UTC).equals(d.getKey())) {
                    net = net.add(c.amount());
                    negatives = negatives.add(c.amount().min(BigDecimal.ZERO));
                }
            }
            days.add(new ReachSearch.Day(d.getKey(), net, negatives, d.getValue().firstKey()));
        }
        return days;
    }

    private static BigDecimal total(List<Contribution> history) {
        return history.stream().map(Contribution::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
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
