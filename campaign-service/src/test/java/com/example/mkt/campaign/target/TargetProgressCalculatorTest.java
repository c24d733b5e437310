package com.example.mkt.campaign.target;

import com.example.mkt.campaign.SeedCampaign;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetProgressCalculatorTest {

    private static final Instant T0 = Instant.parse("2018-05-10T02:00:00Z");

    private final TargetProgressCalculator calculator = new TargetProgressCalculator();

    private static Contribution c(String branch, String person, long minutes, String amount) {
        return new Contribution(branch, person, T0.plusSeconds(60 * minutes), new BigDecimal(amount));
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " got " + actual);
    }

    private BranchProgress nanchang(List<Contribution> contributions) {
        return calculator.progress(SeedCampaign.allocation(), contributions).branches().get(0);
    }

    @ParameterizedTest(name = "{0} -> starting {1}% budget {2}%")
    @CsvSource({
            "179999.99, 99.99, 78.26, false, false",    // 99.999994 %: rounded down, never 100.00 before it is reached
            "180000.00, 100.00, 78.26, true, false",
            "180000.01, 100.00, 78.26, true, false",
            "229999.99, 127.77, 99.99, true, false",
            "230000.00, 127.77, 100.00, true, true",
            "230000.01, 127.77, 100.00, true, true"})
    void nanchangAtItsTargets(String achieved, String startingRate, String budgetRate, boolean starting, boolean budget) {
        BranchProgress p = nanchang(List.of(c("B-NANCHANG", "s-1", 0, achieved)));
        assertMoney(achieved, p.achieved());
        assertEquals(new BigDecimal(startingRate), p.startingRate());
        assertEquals(new BigDecimal(budgetRate), p.budgetRate());
        assertEquals(starting, p.startingReached());
        assertEquals(budget, p.budgetReached());
        assertEquals(starting ? T0 : null, p.startingReachedAt());
    }

    @Test
    void whatIsMissingStopsAtZero() {
        BranchProgress p = nanchang(List.of(c("B-NANCHANG", "s-1", 0, "200000.00")));
        assertMoney("0.00", p.toStarting());
        assertMoney("30000.00", p.toBudget());
    }

    @Test
    void noSalesYet() {
        CampaignProgress progress = calculator.progress(SeedCampaign.allocation(), List.of());
        assertEquals(11, progress.branches().size());
        BranchProgress p = progress.branches().get(0);
        assertMoney("0.00", p.achieved());
        assertEquals(new BigDecimal("0.00"), p.startingRate());
        assertFalse(p.startingReached());
        assertMoney("180000.00", p.toStarting());
        assertTrue(progress.salespeople().isEmpty());
        assertMoney("0.00", progress.total());
        assertEquals(new BigDecimal("0.00"), progress.budgetRate());
    }

    @Test
    void reachedAtIsTheInstantTheRunningTotalGotThere() {
        BranchProgress p = nanchang(List.of(
                c("B-NANCHANG", "s-1", 30, "100000.00"),
                c("B-NANCHANG", "s-2", 10, "80000.00"),
                c("B-NANCHANG", "s-1", 50, "50000.00")));
        assertEquals(T0.plusSeconds(30 * 60), p.startingReachedAt());
        assertEquals(T0.plusSeconds(50 * 60), p.budgetReachedAt());
    }

    @Test
    void aRefundBelowTheTargetUnreachesItUntilTheTotalRisesAgain() {
        BranchProgress p = nanchang(List.of(
                c("B-NANCHANG", "s-1", 0, "180000.00"),
                c("B-NANCHANG", "s-1", 5, "-10000.00"),
                c("B-NANCHANG", "s-1", 9, "10000.00")));
        assertEquals(T0.plusSeconds(9 * 60), p.startingReachedAt());

        BranchProgress fellBack = nanchang(List.of(
                c("B-NANCHANG", "s-1", 0, "180000.00"),
                c("B-NANCHANG", "s-1", 5, "-0.01")));
        assertNull(fellBack.startingReachedAt());
    }

    @Test
    void aRefundThatStaysAboveKeepsTheFirstInstant() {
        BranchProgress p = nanchang(List.of(
                c("B-NANCHANG", "s-1", 0, "190000.00"),
                c("B-NANCHANG", "s-1", 5, "-10000.00")));
        assertEquals(T0, p.startingReachedAt());
    }

    @Test
    void sameInstantContributionsAreNettedWhateverTheirOrder() {
        List<Contribution> refundFirst = List.of(c("B-NANCHANG", "s-1", 0, "180000.00"),
                c("B-NANCHANG", "s-1", 5, "-50000.00"), c("B-NANCHANG", "s-2", 5, "50000.00"));
        List<Contribution> saleFirst = List.of(c("B-NANCHANG", "s-1", 0, "180000.00"),
                c("B-NANCHANG", "s-2", 5, "50000.00"), c("B-NANCHANG", "s-1", 5, "-50000.00"));
        assertEquals(T0, nanchang(refundFirst).startingReachedAt());
        assertEquals(T0, nanchang(saleFirst).startingReachedAt());
    }

    @Test
    void salespeopleAgainstTheirBranchTargets() {
        CampaignProgress progress = calculator.progress(SeedCampaign.allocation(), List.of(
                c("B-NANCHANG", "s-2", 0, "45000.00"),
                c("B-NANCHANG", "s-1", 1, "18000.00"),
                c("B-NANCHANG", "s-1", 2, "-3000.00"),
                c("B-NANCHANG", null, 3, "1000.00"),
                c("B-OTHER", "s-9", 4, "500.00")));
        List<SalespersonProgress> people = progress.salespeople();
        assertEquals(List.of("s-1", "s-2", "s-9"), people.stream().map(SalespersonProgress::salesperson).toList());
        SalespersonProgress s1 = people.get(0);
        assertMoney("15000.00", s1.achieved());
        assertEquals(new BigDecimal("8.33"), s1.startingShare());   // 15000 / 180000
        assertEquals(new BigDecimal("6.52"), s1.budgetShare());     // 15000 / 230000 = 6.5217
        assertNull(people.get(2).startingShare(), "no target for an unallocated branch");

        assertMoney("61000.00", progress.branches().get(0).achieved());
        assertMoney("61500.00", progress.total());
        assertMoney("500.00", progress.unallocated());
        assertEquals(new BigDecimal("4.10"), progress.startingRate());  // 61500 / 1500000
        assertEquals(new BigDecimal("3.07"), progress.budgetRate());    // 61500 / 2000000 = 3.075, rounded down
    }

    @Test
    void allBranchesAtTheirBudgetMakeTheCampaignTotal() {
        List<Contribution> all = SeedCampaign.BRANCH_TARGETS.stream()
                .map(t -> new Contribution(t.branch(), null, T0, t.budget())).toList();
        CampaignProgress progress = calculator.progress(SeedCampaign.allocation(), all);
        assertMoney("2000000.00", progress.total());
        assertEquals(new BigDecimal("100.00"), progress.budgetRate());
        assertEquals(new BigDecimal("133.33"), progress.startingRate());
        assertTrue(progress.branches().stream().allMatch(BranchProgress::budgetReached));
    }
}
