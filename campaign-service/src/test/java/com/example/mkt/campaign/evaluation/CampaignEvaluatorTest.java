package com.example.mkt.campaign.evaluation;

import com.example.mkt.campaign.SeedCampaign;
import com.example.mkt.campaign.target.CampaignProgress;
import com.example.mkt.campaign.target.Contribution;
import com.example.mkt.campaign.target.TargetProgressCalculator;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignEvaluatorTest {

    /** 1 November 2018 00:00 in Shanghai: the end of the reference campaign's period. */
    private static final Instant END = Instant.parse("2018-10-31T16:00:00Z");
    private static final Instant IN_PERIOD = Instant.parse("2018-06-01T02:00:00Z");

    private final CampaignEvaluator evaluator = new CampaignEvaluator(EvaluationPolicy.defaults());

    private static CampaignProgress progress(String... branchAmount) {
        List<Contribution> contributions = java.util.Arrays.stream(branchAmount).map(s -> s.split("="))
                .map(p -> new Contribution(p[0], null, IN_PERIOD, new BigDecimal(p[1]))).toList();
        return new TargetProgressCalculator().progress(SeedCampaign.allocation(), contributions);
    }

    private static final CampaignProgress SOLD = progress("B-NANCHANG=1000000.00", "B-JIUJIANG=600000.00");

    private static EvaluationInput input(CampaignProgress progress, List<CostLine> costs) {
        return new EvaluationInput(progress, costs, Set.of(), Set.of(), END, List.of());
    }

    private static CostLine cost(String name, String planned, String spent) {
        return new CostLine(name, new BigDecimal(planned), new BigDecimal(spent));
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " got " + actual);
    }

    @Test
    void plannedAgainstActual() {
        CampaignEvaluation e = evaluator.evaluate(input(SOLD, List.of()));
        assertMoney("1500000.00", e.plannedStarting());
        assertMoney("2000000.00", e.plannedBudget());
        assertMoney("1600000.00", e.actual());
        assertEquals(new BigDecimal("106.67"), e.startingAchievement());
        assertEquals(new BigDecimal("80.00"), e.budgetAchievement());
        assertEquals(new BigDecimal("18.18"), e.branchParticipation());   // 2 of 11 branches sold
    }

    @Nested
    class Cost {

        @Test
        void linesAgainstTheirBudget() {
            CampaignEvaluation e = evaluator.evaluate(input(SOLD, List.of(
                    cost("宣传海报", "50000", "45000"), cost("省公司奖励", "30000", "36000.00"), cost("培训", "1000", "1000"))));
            assertMoney("81000.00", e.plannedCost());
            assertMoney("82000.00", e.actualCost());
            assertMoney("1000.00", e.costVariance());
            assertEquals(new BigDecimal("101.23"), e.expenseControlRate());  // 82000 / 81000 = 1.012345..
            assertEquals(List.of(false, true, false), e.costLines().stream().map(CostLineResult::overBudget).toList());
            assertMoney("-5000.00", e.costLines().get(0).variance());
            assertEquals(new BigDecimal("120.00"), e.costLines().get(1).controlRate());
        }

        @Test
        void anUnplannedLineHasNoControlRate() {
            CampaignEvaluation e = evaluator.evaluate(input(SOLD, List.of(cost("临时", "0", "500"))));
            assertNull(e.costLines().get(0).controlRate());
            assertTrue(e.costLines().get(0).overBudget());
            assertNull(e.expenseControlRate());
        }

        @Test
        void costsAreNotNegative() {
            assertThrows(IllegalArgumentException.class, () -> cost("x", "-1", "0"));
        }
    }

    @Nested
    class Roi {

        @ParameterizedTest(name = "revenue {0}, cost {1} -> {2}")
        @CsvSource({
                "1600000.00, 80000.00, 1900.00",
                "80000.00,   80000.00, 0.00",
                "79999.99,   80000.00, 0.00",     // -0.0000125% rounds to 0.00
                "40000.00,   80000.00, -50.00",
                "0.00,       80000.00, -100.00"})
        void revenueLessCostOverCost(String revenue, String spent, String roi) {
            CampaignEvaluation e = evaluator.evaluate(input(progress("B-NANCHANG=" + revenue), List.of(cost("all", spent, spent))));
            assertEquals(0, new BigDecimal(roi).compareTo(e.roi()), () -> "roi " + e.roi());
        }

        @Test
        void withoutCostThereIsNoRoi() {
            assertNull(evaluator.evaluate(input(SOLD, List.of())).roi());
            assertNull(evaluator.evaluate(input(SOLD, List.of(cost("free", "100", "0")))).roi());
        }
    }

    @Nested
    class Customers {

        @Test
        void participationIsTargetCustomersWhoBought() {
            CampaignEvaluation e = evaluator.evaluate(new EvaluationInput(SOLD, List.of(),
                    Set.of("c-a", "c-b", "c-c", "c-d"), Set.of("c-a", "c-b", "c-x"), END, List.of()));
            assertEquals(4, e.targetCustomers());
            assertEquals(2, e.participants());
            assertEquals(new BigDecimal("50.00"), e.participationRate());
        }

        @Test
        void noTargetCustomersNoBuyers() {
            CampaignEvaluation e = evaluator.evaluate(input(progress(), List.of()));
            assertNull(e.participationRate());
            assertNull(e.retentionRate());
            assertEquals(new BigDecimal("0.00"), e.branchParticipation());
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "2018-10-31T15:59:59.999Z, false",   // still inside the campaign
                "2018-10-31T16:00:00Z,     true",    // the first instant after it
                "2019-01-29T15:59:59.999Z, true",    // last instant of 29 January in Shanghai: day 90
                "2019-01-29T16:00:00Z,     false"})  // 30 January in Shanghai: the 90 days are over
        void retentionWindowEdgesOfTheDefaultNinetyDays(Instant at, boolean retained) {
            assertEquals(Period.ofDays(90), EvaluationPolicy.defaults().retentionWindow());
            CampaignEvaluation e = evaluator.evaluate(new EvaluationInput(SOLD, List.of(), Set.of(),
                    Set.of("c-a", "c-b"), END, List.of(new Purchase("c-a", at))));
            assertEquals(retained ? 1 : 0, e.retained());
            assertEquals(new BigDecimal(retained ? "50.00" : "0.00"), e.retentionRate());
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "2019-01-31T15:59:59.999Z, true",    // last instant of 31 January in Shanghai
                "2019-01-31T16:00:00Z,     false"})  // 1 February in Shanghai: three months are over
        void aConfiguredWindowOfThreeMonths(Instant at, boolean retained) {
            EvaluationPolicy d = EvaluationPolicy.defaults();
            CampaignEvaluator quarter = new CampaignEvaluator(new EvaluationPolicy(Period.ofMonths(3),
                    d.startingUplift(), d.budgetUplift(), d.carryMissedTargets(), d.roundingUnit(), d.zone()));
            CampaignEvaluation e = quarter.evaluate(new EvaluationInput(SOLD, List.of(), Set.of(),
                    Set.of("c-a", "c-b"), END, List.of(new Purchase("c-a", at))));
            assertEquals(retained ? 1 : 0, e.retained());
        }

        @Test
        void purchaseDaysAsTheServiceKeepsThemCountByBusinessDay() {
            // the service keeps the Shanghai day of each purchase and reads it as that day's first instant
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            java.time.LocalDate firstDay = java.time.LocalDate.of(2018, 11, 1);
            List<Purchase> days = List.of(
                    new Purchase("c-1", firstDay.atStartOfDay(zone).toInstant()),              // day 1
                    new Purchase("c-2", firstDay.plusDays(89).atStartOfDay(zone).toInstant()), // day 90
                    new Purchase("c-3", firstDay.plusDays(90).atStartOfDay(zone).toInstant()), // day 91: too late
                    new Purchase("c-4", firstDay.minusDays(1).atStartOfDay(zone).toInstant())); // in the period
            CampaignEvaluation e = evaluator.evaluate(new EvaluationInput(SOLD, List.of(), Set.of(),
                    Set.of("c-1", "c-2", "c-3", "c-4", "c-5", "c-6", "c-7"), END, days));
            assertEquals(7, e.buyers());
            assertEquals(2, e.retained());
            assertEquals(new BigDecimal("28.57"), e.retentionRate());   // 2 / 7
        }

        @Test
        void onlyBuyersAreRetainedAndEachOnce() {
            Instant later = END.plusSeconds(86400);
            CampaignEvaluation e = evaluator.evaluate(new EvaluationInput(SOLD, List.of(), Set.of(),
                    Set.of("c-a", "c-b", "c-c"), END,
                    List.of(new Purchase("c-a", later), new Purchase("c-a", later.plusSeconds(60)), new Purchase("c-z", later))));
            assertEquals(3, e.buyers());
            assertEquals(1, e.retained());
            assertEquals(new BigDecimal("33.33"), e.retentionRate());
        }
    }

    @Nested
    class NextTargets {

        private NextTarget of(CampaignEvaluation e, String branch) {
            return e.nextTargets().stream().filter(t -> t.branch().equals(branch)).findFirst().orElseThrow();
        }

        @Test
        void actualTimesUpliftRoundedUpToWholeTenThousands() {
            CampaignEvaluation e = evaluator.evaluate(input(progress("B-NANCHANG=200000.00", "B-JINGDEZHEN=100000.01"), List.of()));
            NextTarget nanchang = of(e, "B-NANCHANG");
            assertMoney("220000.00", nanchang.suggestedStarting());
            assertMoney("260000.00", nanchang.suggestedBudget());
            NextTarget jingdezhen = of(e, "B-JINGDEZHEN");
            assertMoney("120000.00", jingdezhen.suggestedStarting());  // 110000.011 -> up
            assertMoney("140000.00", jingdezhen.suggestedBudget());    // 130000.013 -> up
            assertEquals(11, e.nextTargets().size());
        }

        @Test
        void aMissedTargetIsCarriedForward() {
            NextTarget ganzhou = of(evaluator.evaluate(input(progress("B-GANZHOU=90000.00"), List.of())), "B-GANZHOU");
            assertMoney("180000.00", ganzhou.suggestedStarting());
            assertMoney("230000.00", ganzhou.suggestedBudget());
        }

        @Test
        void withoutCarryingTheUpliftAloneDecides() {
            EvaluationPolicy d = EvaluationPolicy.defaults();
            CampaignEvaluator plain = new CampaignEvaluator(new EvaluationPolicy(d.retentionWindow(), d.startingUplift(),
                    d.budgetUplift(), false, d.roundingUnit(), d.zone()));
            CampaignEvaluation e = plain.evaluate(input(progress("B-GANZHOU=90000.00"), List.of()));
            assertMoney("100000.00", of(e, "B-GANZHOU").suggestedStarting());   // 99000 -> up
            assertMoney("120000.00", of(e, "B-GANZHOU").suggestedBudget());     // 117000 -> up
            assertMoney("0.00", of(e, "B-NANCHANG").suggestedStarting());
        }

        @Test
        void exactlyOnAUnitStaysThere() {
            EvaluationPolicy d = EvaluationPolicy.defaults();
            CampaignEvaluator noUplift = new CampaignEvaluator(new EvaluationPolicy(d.retentionWindow(), BigDecimal.ZERO,
                    BigDecimal.ZERO, false, d.roundingUnit(), d.zone()));
            NextTarget t = of(noUplift.evaluate(input(progress("B-NANCHANG=230000.00"), List.of())), "B-NANCHANG");
            assertMoney("230000.00", t.suggestedStarting());
            assertMoney("230000.00", t.suggestedBudget());
            NextTarget up = of(noUplift.evaluate(input(progress("B-NANCHANG=230000.01"), List.of())), "B-NANCHANG");
            assertMoney("240000.00", up.suggestedStarting());
        }

        @Test
        void policyRefusesABudgetUpliftBelowTheStartingOne() {
            assertThrows(IllegalArgumentException.class, () -> new EvaluationPolicy(Period.ofMonths(3),
                    new BigDecimal("0.2"), new BigDecimal("0.1"), true, BigDecimal.ONE, ZoneId.of("Asia/Shanghai")));
            assertFalse(EvaluationPolicy.defaults().roundingUnit().signum() <= 0);
        }
    }
}
