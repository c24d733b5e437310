package com.example.mkt.campaign.award;

import com.example.mkt.campaign.SeedCampaign;
import com.example.mkt.campaign.money.Money;
import com.example.mkt.campaign.target.CampaignProgress;
import com.example.mkt.campaign.target.Contribution;
import com.example.mkt.campaign.target.TargetProgressCalculator;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AwardCalculatorTest {

    private static final Instant T0 = Instant.parse("2018-05-01T02:00:00Z");

    private final AwardCalculator calculator = new AwardCalculator(AwardPolicy.defaults());
    private final List<Contribution> sales = new ArrayList<>();

    private void sell(String branch, String person, int hours, String amount) {
        sales.add(new Contribution(branch, person, T0.plusSeconds(3600L * hours), new BigDecimal(amount)));
    }

    private CampaignProgress progress() {
        return new TargetProgressCalculator().progress(SeedCampaign.allocation(), sales);
    }

    private AwardResult awards() {
        return calculator.calculate(progress(), Map.of());
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " got " + actual);
    }

    private static List<String> amounts(List<BigDecimal> amounts) {
        return amounts.stream().map(BigDecimal::toPlainString).toList();
    }

    @Nested
    class Speed {

        @Test
        void theFirstThreeToReachTheirBudgetTargetInThatOrder() {
            sell("B-JIUJIANG", null, 5, "200000.00");   // budget 20万 reached at hour 5
            sell("B-NANCHANG", null, 3, "230000.00");   // budget 23万 at hour 3
            sell("B-XINYU", null, 9, "130000.00");      // budget 13万 at hour 9
            sell("B-YINGTAN", null, 12, "200000.00");   // fourth: nothing
            AwardResult r = awards();
            assertEquals(List.of("B-NANCHANG", "B-JIUJIANG", "B-XINYU"), r.speed().stream().map(SpeedAward::branch).toList());
            assertEquals(List.of("10000.00", "8000.00", "6000.00"), amounts(r.speed().stream().map(SpeedAward::amount).toList()));
            assertEquals(List.of(1, 2, 3), r.speed().stream().map(SpeedAward::place).toList());
            assertTrue(r.speed().stream().allMatch(a -> a.rule() == AwardRule.SPEED_BUDGET_TARGET && a.tiedWith() == 1));
            assertEquals(T0.plusSeconds(3 * 3600), r.speed().get(0).reachedAt());
        }

        @Test
        void fewerThanThreeAtBudgetAreFilledByStartingTargetInTheirOrder() {
            sell("B-NANCHANG", null, 10, "230000.00");  // budget, late
            sell("B-GANZHOU", null, 1, "180000.00");    // starting only, early
            sell("B-JIAN", null, 2, "150000.00");       // starting only
            sell("B-FUZHOU", null, 3, "150000.00");     // starting only, too late for a place
            sell("B-YICHUN", null, 0, "179999.99");     // below starting
            AwardResult r = awards();
            assertEquals(List.of("B-NANCHANG", "B-GANZHOU", "B-JIAN"), r.speed().stream().map(SpeedAward::branch).toList());
            assertEquals(List.of(AwardRule.SPEED_BUDGET_TARGET, AwardRule.SPEED_STARTING_TARGET_FILL,
                    AwardRule.SPEED_STARTING_TARGET_FILL), r.speed().stream().map(SpeedAward::rule).toList());
            assertEquals(List.of("10000.00", "8000.00", "6000.00"), amounts(r.speed().stream().map(SpeedAward::amount).toList()));
        }

        @Test
        void withoutFillingOnlyBudgetTargetsCount() {
            AwardPolicy d = AwardPolicy.defaults();
            AwardCalculator noFill = new AwardCalculator(new AwardPolicy(d.pool(), d.speedPrizes(), false,
                    d.individualPrizes(), d.individualMinimumSales(), d.speedRecipientWeights()));
            sell("B-NANCHANG", null, 10, "230000.00");
            sell("B-GANZHOU", null, 1, "180000.00");
            AwardResult r = noFill.calculate(progress(), Map.of());
            assertEquals(List.of("B-NANCHANG"), r.speed().stream().map(SpeedAward::branch).toList());
            assertMoney("70000.00", r.unawarded());
        }

        @Test
        void nobodyAtAnyTarget() {
            sell("B-NANCHANG", "s-1", 0, "179999.99");
            AwardResult r = awards();
            assertTrue(r.speed().isEmpty());
            assertTrue(r.individual().isEmpty());
            assertMoney("80000.00", r.unawarded());
        }

        @Test
        void branchesReachingAtTheSameInstantShareTheirPlaces() {
            sell("B-NANCHANG", null, 1, "230000.00");
            sell("B-JIUJIANG", null, 2, "200000.00");
            sell("B-JIAN", null, 2, "200000.00");
            AwardResult r = awards();
            assertEquals(List.of("B-JIAN", "B-JIUJIANG"), r.speed().subList(1, 3).stream().map(SpeedAward::branch).toList());
            for (SpeedAward a : r.speed().subList(1, 3)) {
                assertEquals(2, a.place());
                assertEquals(2, a.tiedWith());
                assertMoney("7000.00", a.amount());  // (8000 + 6000) / 2
                assertTrue(a.explanation().contains("places 2-3"), a.explanation());
            }
        }

        @Test
        void aTieAcrossTheLastPlaceSharesOnlyThatPlace() {
            sell("B-NANCHANG", null, 1, "230000.00");
            sell("B-JIUJIANG", null, 2, "200000.00");
            sell("B-JIAN", null, 3, "200000.00");
            sell("B-SHANGRAO", null, 3, "200000.00");
            AwardResult r = awards();
            assertEquals(4, r.speed().size());
            assertMoney("3000.00", r.speed().get(2).amount());
            assertMoney("3000.00", r.speed().get(3).amount());
            assertMoney("80000.00", r.awarded().add(r.unawarded()));
        }

        @Test
        void leftoverCentsOfATieGoToTheLowestBranchCodes() {
            sell("B-NANCHANG", null, 1, "230000.00");
            sell("B-XINYU", null, 2, "130000.00");
            sell("B-JIAN", null, 2, "200000.00");
            sell("B-YINGTAN", null, 2, "130000.00");
            AwardResult r = awards();
            // places 2-4 share 8000 + 6000 + 0 = 14000 -> 4666.67 + 4666.67 + 4666.66
            assertEquals(List.of("B-JIAN", "B-XINYU", "B-YINGTAN"), r.speed().subList(1, 4).stream().map(SpeedAward::branch).toList());
            assertEquals(List.of("4666.67", "4666.67", "4666.66"),
                    amounts(r.speed().subList(1, 4).stream().map(SpeedAward::amount).toList()));
        }

        @Test
        void budgetTargetsAlwaysRankAheadOfStartingFills() {
            sell("B-GANZHOU", null, 0, "180000.00");    // starting at hour 0
            sell("B-NANCHANG", null, 5, "230000.00");   // budget at hour 5
            AwardResult r = awards();
            assertEquals(List.of("B-NANCHANG", "B-GANZHOU"), r.speed().stream().map(SpeedAward::branch).toList());
        }
    }

    @Nested
    class RoleSplit {

        private SpeedAward winner(List<SpeedRecipient> recipients) {
            sell("B-NANCHANG", null, 1, "230000.00");
            return calculator.calculate(progress(), Map.of("B-NANCHANG", recipients)).speed().get(0);
        }

        @Test
        void managerOneStaffHalf() {
            SpeedAward a = winner(List.of(new SpeedRecipient("st-2", RecipientRole.STAFF),
                    new SpeedRecipient("mgr-1", RecipientRole.MANAGER), new SpeedRecipient("st-1", RecipientRole.STAFF)));
            assertEquals(List.of("mgr-1", "st-1", "st-2"), a.shares().stream().map(RecipientShare::staffId).toList());
            assertEquals(List.of("5000.00", "2500.00", "2500.00"), amounts(a.shares().stream().map(RecipientShare::amount).toList()));
        }

        @Test
        void thirdsRoundToTheCentAndAddUp() {
            SpeedAward a = winner(List.of(new SpeedRecipient("st-1", RecipientRole.STAFF),
                    new SpeedRecipient("mgr-1", RecipientRole.MANAGER)));
            assertEquals(List.of("6666.67", "3333.33"), amounts(a.shares().stream().map(RecipientShare::amount).toList()));
        }

        @Test
        void staffOnlyShareEquallyWithLeftoverCentsByStaffId() {
            sell("B-JIUJIANG", null, 2, "200000.00");   // second place: 8000 / 3
            sell("B-NANCHANG", null, 1, "230000.00");
            SpeedAward second = calculator.calculate(progress(), Map.of("B-JIUJIANG", List.of(
                    new SpeedRecipient("st-c", RecipientRole.STAFF), new SpeedRecipient("st-a", RecipientRole.STAFF),
                    new SpeedRecipient("st-b", RecipientRole.STAFF)))).speed().get(1);
            assertEquals(List.of("st-a", "st-b", "st-c"), second.shares().stream().map(RecipientShare::staffId).toList());
            assertEquals(List.of("2666.67", "2666.67", "2666.66"), amounts(second.shares().stream().map(RecipientShare::amount).toList()));
        }

        @Test
        void withoutNamedRecipientsTheBranchKeepsItWhole() {
            SpeedAward a = winner(List.of());
            assertTrue(a.shares().isEmpty());
            assertMoney("10000.00", a.amount());
        }
    }

    @Nested
    class Individual {

        @ParameterizedTest(name = "{0} -> qualified {1}")
        @CsvSource({"9999.99, false", "10000.00, true", "10000.01, true"})
        void ownSalesOfTenThousandInclusive(String own, boolean qualified) {
            sell("B-NANCHANG", "s-0", 0, "180000.00");
            sell("B-NANCHANG", "s-1", 1, own);
            AwardResult r = awards();
            assertEquals(qualified, r.individual().stream().anyMatch(a -> a.salesperson().equals("s-1")));
            assertEquals(!qualified, r.ineligible().stream().anyMatch(i -> i.salesperson().equals("s-1")
                    && i.reasons().equals(List.of(Ineligibility.Reason.BELOW_MINIMUM_SALES))));
        }

        @Test
        void theBranchMustReachItsStartingTarget() {
            sell("B-NANCHANG", "s-1", 0, "179999.99");
            sell("B-JIUJIANG", "s-2", 0, "150000.00");
            sell("B-JIUJIANG", "s-3", 0, "10000.00");
            sell("B-OTHER", "s-4", 0, "50000.00");
            AwardResult r = awards();
            assertEquals(List.of("s-2", "s-3"), r.individual().stream().map(IndividualAward::salesperson).toList());
            Map<String, List<Ineligibility.Reason>> why = new java.util.TreeMap<>();
            r.ineligible().forEach(i -> why.put(i.salesperson(), i.reasons()));
            assertEquals(List.of(Ineligibility.Reason.BRANCH_BELOW_STARTING_TARGET), why.get("s-1"));
            assertEquals(List.of(Ineligibility.Reason.BRANCH_NOT_ALLOCATED), why.get("s-4"));
            assertEquals(2, why.size());
        }

        @Test
        void bothReasonsAreGiven() {
            sell("B-NANCHANG", "s-1", 0, "5000.00");
            assertEquals(List.of(Ineligibility.Reason.BRANCH_BELOW_STARTING_TARGET, Ineligibility.Reason.BELOW_MINIMUM_SALES),
                    awards().ineligible().get(0).reasons());
        }

        @Test
        void thirtyFivePlacesPayTheScheduleAndTheRestGetNothing() {
            for (int i = 1; i <= 40; i++) {
                sell("B-NANCHANG", String.format("s-%02d", i), i, String.valueOf(100000 - i * 1000));
            }
            AwardResult r = awards();
            assertEquals(40, r.individual().size());
            List<IndividualAward> list = r.individual();
            assertMoney("5000", list.get(0).amount());
            assertMoney("4000", list.get(1).amount());
            assertMoney("3000", list.get(2).amount());
            assertMoney("2000", list.get(3).amount());
            assertMoney("2000", list.get(14).amount());
            assertMoney("1000", list.get(15).amount());
            assertMoney("1000", list.get(34).amount());
            assertMoney("0", list.get(35).amount());
            assertEquals(36, list.get(35).place());
            assertMoney("56000.00", Money.sum(list.stream().map(IndividualAward::amount).toList()));
            assertEquals("s-01", list.get(0).salesperson());
        }

        @Test
        void tiedFirstPlacesShareFirstAndSecondThenThirdFollows() {
            sell("B-NANCHANG", "s-b", 0, "100000.00");
            sell("B-NANCHANG", "s-a", 1, "100000.0");
            sell("B-NANCHANG", "s-c", 2, "90000.00");
            List<IndividualAward> list = awards().individual();
            assertEquals(List.of("s-a", "s-b", "s-c"), list.stream().map(IndividualAward::salesperson).toList());
            assertEquals(List.of(1, 1, 3), list.stream().map(IndividualAward::place).toList());
            assertMoney("4500.00", list.get(0).amount());
            assertMoney("4500.00", list.get(1).amount());
            assertMoney("3000.00", list.get(2).amount());
            assertEquals(2, list.get(0).tiedWith());
        }

        @Test
        void aTieOverThePrizeEdgeSharesOnlyThePrizedPlaces() {
            sell("B-NANCHANG", "anchor", 0, "180000.00");
            for (int i = 1; i <= 32; i++) {
                sell("B-NANCHANG", String.format("s-%02d", i), i, String.valueOf(100000 - i * 1000));
            }
            for (String p : List.of("t-1", "t-2", "t-3", "t-4")) {
                sell("B-NANCHANG", p, 40, "10000.00");   // places 34-37 of which 34 and 35 pay 1000
            }
            List<IndividualAward> tie = awards().individual().stream().filter(a -> a.salesperson().startsWith("t-")).toList();
            assertEquals(4, tie.size());
            for (IndividualAward a : tie) {
                assertEquals(34, a.place());
                assertMoney("500.00", a.amount());
                assertTrue(a.explanation().contains("places 34-37"), a.explanation());
            }
        }

        @Test
        void leftoverCentsOfATieGoToTheLowestSalespersonIds() {
            sell("B-NANCHANG", "anchor", 0, "180000.00");   // place 1
            sell("B-NANCHANG", "s-1", 1, "50000.00");       // place 2
            for (String p : List.of("t-c", "t-a", "t-b")) {
                sell("B-NANCHANG", p, 2, "20000.00");       // places 3-5: 3000 + 2000 + 2000 = 7000 / 3
            }
            List<IndividualAward> tie = awards().individual().subList(2, 5);
            assertEquals(List.of("t-a", "t-b", "t-c"), tie.stream().map(IndividualAward::salesperson).toList());
            assertEquals(List.of("2333.34", "2333.33", "2333.33"), amounts(tie.stream().map(IndividualAward::amount).toList()));
        }
    }

    @Test
    void aFullCampaignPaysOutExactlyThePool() {
        sell("B-NANCHANG", "mgr", 1, "230000.00");
        sell("B-JIUJIANG", "s-x", 2, "200000.00");
        sell("B-JIAN", "s-y", 3, "200000.00");
        for (int i = 1; i <= 32; i++) {
            sell("B-GANZHOU", String.format("s-%02d", i), 4, String.valueOf(10000 + i));
        }
        AwardResult r = awards();
        assertEquals(35, r.individual().size());
        assertMoney("80000.00", r.awarded());
        assertMoney("0.00", r.unawarded());
    }

    @Test
    void prizesCannotExceedThePool() {
        AwardPolicy d = AwardPolicy.defaults();
        assertThrows(IllegalArgumentException.class, () -> new AwardPolicy(Money.of("79999.99"), d.speedPrizes(),
                true, d.individualPrizes(), d.individualMinimumSales(), d.speedRecipientWeights()));
        assertMoney("24000", d.speedPrizes().total());
        assertMoney("56000", d.individualPrizes().total());
    }

    @Test
    void prizeBandsRunOnWithoutGaps() {
        assertThrows(IllegalArgumentException.class, () -> PrizeTable.of(
                new PlacePrize(1, 3, Money.of("1")), new PlacePrize(5, 6, Money.of("1"))));
        PrizeTable table = AwardPolicy.defaults().individualPrizes();
        assertMoney("2000", table.prizeFor(15));
        assertMoney("1000", table.prizeFor(16));
        assertMoney("1000", table.prizeFor(35));
        assertMoney("0", table.prizeFor(36));
        assertEquals(35, table.placesAwarded());
    }
}
