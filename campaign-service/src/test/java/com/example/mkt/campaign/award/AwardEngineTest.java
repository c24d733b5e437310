package com.example.mkt.campaign.award;

import com.example.mkt.campaign.SeedCampaign;
import com.example.mkt.campaign.campaign.Campaign;
import com.example.mkt.campaign.money.Money;
import com.example.mkt.campaign.target.CampaignProgress;
import com.example.mkt.campaign.target.Contribution;
import com.example.mkt.campaign.target.TargetProgressCalculator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The declarative engine on rule sets written as JSON documents: the example of docs/domain.md#awards and its edges.
 */
class AwardEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2018-05-01T02:00:00Z");

    private final AwardEngine engine = new AwardEngine();
    private final List<Contribution> sales = new ArrayList<>();
    private ObjectNode doc;

    @BeforeEach
    void domainExample() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/award/domain-example.json")) {
            doc = (ObjectNode) JSON.readTree(in);
        }
    }

    static AwardRuleSet rules(JsonNode doc) {
        AwardRuleDocument.Parsed parsed = AwardRuleDocument.parse(doc);
        assertTrue(parsed.valid(), () -> parsed.errors().toString());
        return parsed.rules();
    }

    private void sell(String branch, String person, int hours, String amount) {
        sales.add(new Contribution(branch, person, T0.plusSeconds(3600L * hours), new BigDecimal(amount)));
    }

    private CampaignProgress progress(List<Contribution> contributions) {
        return new TargetProgressCalculator().progress(SeedCampaign.allocation(), contributions);
    }

    private AwardResult awards() {
        return engine.compute(rules(doc), progress(sales));
    }

    private ObjectNode award(int i) {
        return (ObjectNode) doc.get("awards").get(i);
    }

    private static List<String> amounts(List<BigDecimal> amounts) {
        return amounts.stream().map(BigDecimal::toPlainString).toList();
    }

    private static List<String> lineAmounts(AwardOutcome o) {
        return amounts(o.lines().stream().map(AwardLine::amount).toList());
    }

    @Test
    void theDomainExampleAsDataIsThePreset() {
        AwardRuleSet fromData = rules(doc);
        AwardRuleSet preset = AwardPresets.of(AwardPolicy.defaults(), Map.of("B-NANCHANG", List.of(
                new SpeedRecipient("m-1", RecipientRole.MANAGER), new SpeedRecipient("st-1", RecipientRole.STAFF))));
        assertEquals(AwardRuleDocument.write(preset), AwardRuleDocument.write(fromData));
        // and the canonical document reads back to itself
        assertEquals(AwardRuleDocument.write(fromData),
                AwardRuleDocument.write(rules(JSON.valueToTree(AwardRuleDocument.write(fromData)))));
    }

    @Test
    void theEightyThousandPoolPaysOutExactly() {
        sell("B-NANCHANG", "mgr", 1, "230000.00");
        sell("B-JIUJIANG", "s-x", 2, "200000.00");
        sell("B-JIAN", "s-y", 3, "200000.00");
        for (int i = 1; i <= 32; i++) {
            sell("B-GANZHOU", String.format("s-%02d", i), 4, String.valueOf(10000 + i));
        }
        AwardResult r = awards();
        assertEquals("80000.00", r.pool().toPlainString());
        assertEquals("80000.00", r.awarded().toPlainString());
        assertEquals("0.00", r.unawarded().toPlainString());
        assertEquals(List.of("10000.00", "8000.00", "6000.00"), lineAmounts(r.awards().get(0)));
        // manager 1, staff 0.5: 10000 x 2/3 and 1/3
        assertEquals(List.of("6666.67", "3333.33"), amounts(r.awards().get(0).lines().get(0).shares().stream()
                .map(RecipientShare::amount).toList()));
        assertEquals("24000.00", r.awards().get(0).awarded().toPlainString());
        assertEquals("56000.00", r.awards().get(1).awarded().toPlainString());
        assertEquals(35, r.awards().get(1).lines().size());
    }

    @Nested
    class TiesAtBandBoundaries {

        @Test
        void aTieOverPlacesThreeAndFourSharesThreeThousandAndTwoThousand() {
            sell("B-NANCHANG", "a", 0, "180000.00");            // place 1
            sell("B-NANCHANG", "b", 1, "50000.00");             // place 2
            sell("B-NANCHANG", "t-2", 2, "20000.00");           // places 3-4: (3000 + 2000) / 2
            sell("B-NANCHANG", "t-1", 2, "20000.00");
            sell("B-NANCHANG", "c", 3, "15000.00");             // place 5
            AwardOutcome o = awards().awards().get(1);
            assertEquals(List.of("a", "b", "t-1", "t-2", "c"), o.lines().stream().map(AwardLine::salesperson).toList());
            assertEquals(List.of(1, 2, 3, 3, 5), o.lines().stream().map(AwardLine::place).toList());
            assertEquals(List.of("5000.00", "4000.00", "2500.00", "2500.00", "2000.00"), lineAmounts(o));
        }

        @Test
        void aTieOverPlacesFifteenAndSixteenSharesTwoThousandAndOneThousand() {
            sell("B-NANCHANG", "anchor", 0, "180000.00");
            for (int i = 2; i <= 14; i++) {
                sell("B-NANCHANG", String.format("s-%02d", i), i, String.valueOf(100000 - i * 1000));
            }
            sell("B-NANCHANG", "t-a", 20, "50000.00");          // places 15-17: 2000 + 1000 + 1000 = 4000 / 3
            sell("B-NANCHANG", "t-b", 20, "50000.00");
            sell("B-NANCHANG", "t-c", 20, "50000.00");
            List<AwardLine> tie = awards().awards().get(1).lines().subList(14, 17);
            assertEquals(List.of("t-a", "t-b", "t-c"), tie.stream().map(AwardLine::salesperson).toList());
            assertEquals(List.of("1333.34", "1333.33", "1333.33"),
                    amounts(tie.stream().map(AwardLine::amount).toList()));
            assertTrue(tie.stream().allMatch(l -> l.place() == 15 && l.tiedWith() == 3));
        }

        @Test
        void aTieAcrossTheLastPrizedPlaceSharesOnlyWhatIsLeft() {
            sell("B-NANCHANG", "anchor", 0, "180000.00");
            for (int i = 2; i <= 34; i++) {
                sell("B-NANCHANG", String.format("s-%02d", i), i, String.valueOf(100000 - i * 1000));
            }
            sell("B-NANCHANG", "t-a", 40, "10000.00");          // places 35-36: 1000 + 0
            sell("B-NANCHANG", "t-b", 40, "10000.00");
            AwardResult r = awards();
            List<AwardLine> tie = r.awards().get(1).lines().subList(34, 36);
            assertEquals(List.of("500.00", "500.00"), amounts(tie.stream().map(AwardLine::amount).toList()));
            assertEquals("56000.00", r.awards().get(1).awarded().toPlainString());
        }

        @Test
        void branchesTiedOnTheSecondPlaceShareSecondAndThird() {
            sell("B-NANCHANG", null, 1, "230000.00");
            sell("B-XINYU", null, 2, "130000.00");
            sell("B-YINGTAN", null, 2, "130000.00");
            AwardOutcome speed = awards().awards().get(0);
            assertEquals(List.of("10000.00", "7000.00", "7000.00"), lineAmounts(speed));
            assertEquals(List.of(1, 2, 2), speed.lines().stream().map(AwardLine::place).toList());
        }
    }

    @Nested
    class FillIn {

        @Test
        void noBudgetReacherAtAllFillsAllThreePlacesByStartingTime() {
            sell("B-GANZHOU", null, 3, "180000.00");
            sell("B-JIAN", null, 1, "150000.00");
            sell("B-FUZHOU", null, 2, "150000.00");
            sell("B-SHANGRAO", null, 4, "150000.00");       // fourth: no place left
            AwardOutcome speed = awards().awards().get(0);
            assertEquals(List.of("B-JIAN", "B-FUZHOU", "B-GANZHOU"),
                    speed.lines().stream().map(AwardLine::branch).toList());
            assertTrue(speed.lines().stream().allMatch(l -> l.rule() == AwardRule.SPEED_STARTING_TARGET_FILL));
            assertEquals(List.of("10000.00", "8000.00", "6000.00"), lineAmounts(speed));
        }

        @Test
        void twoBudgetReachersAndTwoStartingReachersTiedForTheLastPlace() {
            sell("B-GANZHOU", null, 0, "180000.00");        // starting at hour 0: still after the budget reachers
            sell("B-NANCHANG", null, 5, "230000.00");
            sell("B-JIUJIANG", null, 6, "200000.00");
            sell("B-JIAN", null, 0, "150000.00");           // ties 赣州 on starting time
            AwardOutcome speed = awards().awards().get(0);
            assertEquals(List.of("B-NANCHANG", "B-JIUJIANG", "B-GANZHOU", "B-JIAN"),
                    speed.lines().stream().map(AwardLine::branch).toList());
            assertEquals(List.of("10000.00", "8000.00", "3000.00", "3000.00"), lineAmounts(speed));
            assertEquals(List.of(1, 2, 3, 3), speed.lines().stream().map(AwardLine::place).toList());
        }

        @Test
        void threeBudgetReachersLeaveNoPlaceToFill() {
            sell("B-GANZHOU", null, 0, "180000.00");        // starting only, earliest of all
            sell("B-NANCHANG", null, 5, "230000.00");
            sell("B-JIUJIANG", null, 6, "200000.00");
            sell("B-JIAN", null, 7, "200000.00");
            AwardOutcome speed = awards().awards().get(0);
            assertEquals(List.of("B-NANCHANG", "B-JIUJIANG", "B-JIAN"),
                    speed.lines().stream().map(AwardLine::branch).toList());
            assertTrue(speed.lines().stream().allMatch(l -> l.rule() == AwardRule.SPEED_BUDGET_TARGET));
        }

        @Test
        void aFillInOnAnotherMetric() {
            // fill from branches at 50% of budget or more, by their percentage of the budget target
            ObjectNode fill = (ObjectNode) award(0).get("fillIn");
            fill.set("qualify", JSON.valueToTree(List.of(Map.of("metric", "BRANCH_AMOUNT_PCT_OF", "target", "BUDGET",
                    "op", ">=", "value", "50"))));
            fill.set("rankBy", JSON.valueToTree(Map.of("metric", "PCT_OF_BUDGET")));
            sell("B-NANCHANG", null, 5, "230000.00");       // budget reached
            sell("B-XINYU", null, 1, "65000.00");           // exactly 50% of 130000
            sell("B-YINGTAN", null, 1, "100000.00");        // 76.92%
            sell("B-JIAN", null, 1, "99999.99");            // 49.99995%: out, although it rounds to 50.00
            AwardOutcome speed = awards().awards().get(0);
            assertEquals(List.of("B-NANCHANG", "B-YINGTAN", "B-XINYU"),
                    speed.lines().stream().map(AwardLine::branch).toList());
            assertEquals("76.92", speed.lines().get(1).score().toPlainString());
            assertEquals(List.of("10000.00", "8000.00", "6000.00"), lineAmounts(speed));
        }
    }

    @Nested
    class RoleWeightSplit {

        @Test
        void aThirdRoundsToTheCentWithTheLeftoverCentToTheLargestFraction() {
            sell("B-JIUJIANG", null, 2, "200000.00");       // second place: 8000 for manager 1 + staff 0.5
            sell("B-NANCHANG", null, 1, "230000.00");
            ((ObjectNode) award(0).get("split")).set("recipients", JSON.valueToTree(Map.of("B-JIUJIANG", List.of(
                    Map.of("staffId", "st-9", "role", "staff"), Map.of("staffId", "m-9", "role", "manager")))));
            AwardLine second = awards().awards().get(0).lines().get(1);
            assertEquals(List.of("m-9", "st-9"), second.shares().stream().map(RecipientShare::staffId).toList());
            assertEquals(List.of("MANAGER", "STAFF"), second.shares().stream().map(RecipientShare::role).toList());
            assertEquals(List.of("5333.33", "2666.67"), amounts(second.shares().stream()
                    .map(RecipientShare::amount).toList()));
        }

        @Test
        void aSharedTiePotIsSplitAgainByRoleAndStillAddsUp() {
            sell("B-NANCHANG", null, 1, "230000.00");
            sell("B-XINYU", null, 2, "130000.00");          // places 2-3 tied: 7000 each
            sell("B-YINGTAN", null, 2, "130000.00");
            ((ObjectNode) award(0).get("split")).set("recipients", JSON.valueToTree(Map.of("B-XINYU", List.of(
                    Map.of("staffId", "m", "role", "manager"), Map.of("staffId", "s-c", "role", "staff"),
                    Map.of("staffId", "s-a", "role", "staff"), Map.of("staffId", "s-b", "role", "staff")))));
            AwardLine xinyu = awards().awards().get(0).lines().get(1);
            // 7000 by 1 : 0.5 : 0.5 : 0.5 = 2800 / 1400 x 3
            assertEquals(List.of("m", "s-a", "s-b", "s-c"), xinyu.shares().stream().map(RecipientShare::staffId)
                    .toList());
            assertEquals(List.of("2800.00", "1400.00", "1400.00", "1400.00"),
                    amounts(xinyu.shares().stream().map(RecipientShare::amount).toList()));
        }

        @Test
        void anyRoleNamesWithTheirWeights() {
            sell("B-NANCHANG", null, 1, "230000.00");
            ObjectNode split = (ObjectNode) award(0).get("split");
            split.set("weights", JSON.valueToTree(Map.of("lead", "2", "member", "0.7")));
            split.set("recipients", JSON.valueToTree(Map.of("B-NANCHANG", List.of(
                    Map.of("staffId", "x", "role", "member"), Map.of("staffId", "y", "role", "member"),
                    Map.of("staffId", "l", "role", "lead")))));
            AwardLine first = awards().awards().get(0).lines().get(0);
            // 10000 by 2 : 0.7 : 0.7 = 5882.3529.. / 2058.8235.. x 2 -> 5882.35 + 2058.82 x 2 = 9999.99; the cent
            // left goes to the largest dropped fraction (0.35 cent, the members), the first of them by staff id
            assertEquals(List.of("l", "x", "y"), first.shares().stream().map(RecipientShare::staffId).toList());
            assertEquals(List.of("5882.35", "2058.83", "2058.82"),
                    amounts(first.shares().stream().map(RecipientShare::amount).toList()));
            assertEquals("10000.00", Money.sum(first.shares().stream().map(RecipientShare::amount).toList())
                    .toPlainString());
        }
    }

    @Nested
    class Reproducibility {

        @Test
        void theSameContributionsInAnyOrderGiveTheSameResultAndTheSamePayload() throws Exception {
            sell("B-NANCHANG", "mgr", 1, "230000.00");
            sell("B-JIUJIANG", "s-x", 2, "200000.00");
            sell("B-JIAN", "s-y", 2, "200000.00");
            sell("B-GANZHOU", "s-z", 2, "-5000.00");
            for (int i = 1; i <= 40; i++) {
                sell(i % 2 == 0 ? "B-JIUJIANG" : "B-JIAN", String.format("p-%02d", i), 3 + i % 5,
                        String.valueOf(9990 + (i % 7) * 10));
            }
            Campaign c = new Campaign();
            c.id = "c-1";
            c.code = "BYWY-2018";
            Instant at = Instant.parse("2018-11-01T00:00:00Z");
            AwardRuleSet rules = rules(doc);
            AwardResult first = engine.compute(rules, progress(sales));
            String payload = JSON.writeValueAsString(AwardService.eventData(c, first, at));
            Random random = new Random(42);
            for (int round = 0; round < 5; round++) {
                List<Contribution> shuffled = new ArrayList<>(sales);
                Collections.shuffle(shuffled, random);
                AwardResult again = new AwardEngine().compute(rules(doc), progress(shuffled));
                assertEquals(first, again);
                assertEquals(payload, JSON.writeValueAsString(AwardService.eventData(c, again, at)));
            }
            JsonNode data = JSON.readTree(payload);
            assertEquals("80000.00", data.path("pool").asText());
            assertEquals(2, data.path("awards").size());
            assertEquals(first.individual().size(), ((ArrayNode) data.path("individual")).size());
        }
    }
}
