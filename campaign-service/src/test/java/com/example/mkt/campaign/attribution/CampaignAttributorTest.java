package com.example.mkt.campaign.attribution;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static com.example.mkt.campaign.attribution.AttributionReason.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 2018 "保游无憂,同行天下" campaign as the fixture. */
class CampaignAttributorTest {

    private static final SalesWindow PERIOD =
            SalesWindow.ofDays("活动时间", LocalDate.of(2018, 5, 1), LocalDate.of(2018, 10, 31));
    private static final SalesWindow SUMMER_AUTUMN =
            SalesWindow.ofDays("暑秋营销", LocalDate.of(2018, 6, 1), LocalDate.of(2018, 10, 31));
    private static final SalesWindow DRAGON_BOAT =
            SalesWindow.ofDays("端午节", LocalDate.of(2018, 6, 16), LocalDate.of(2018, 6, 18));

    private static final CampaignScope SCOPE = new CampaignScope("BYWY-2018", PERIOD, List.of(SUMMER_AUTUMN),
            WindowMode.WHOLE_PERIOD, Set.of("seg-travellers"), Set.of("LAY", "LAI"));

    private static final Instant IN_MAY = Instant.parse("2018-05-10T02:00:00Z");

    private final CampaignAttributor attributor = new CampaignAttributor(AttributionPolicy.defaults());

    private static Sale sale(Instant at, Set<String> segments, String code, SaleItem... items) {
        return new Sale("e-1", SaleKind.SALE, at, "c-1", segments, "B-NANCHANG", "s-1", code, List.of(items), null);
    }

    private static Sale refund(Instant at, SaleItem... items) {
        return new Sale("r-1", SaleKind.REFUND, at, "c-1", Set.of(), "B-NANCHANG", "s-1", null, List.of(items), "e-1");
    }

    private static SaleItem item(String code, String quantity, String unitPrice) {
        return new SaleItem(code, new BigDecimal(quantity), new BigDecimal(unitPrice));
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " got " + actual);
        assertEquals(2, actual.scale());
    }

    @Nested
    class Period {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "2018-04-30T15:59:59.999Z, false",  // 30 April 23:59:59.999 in Shanghai
                "2018-04-30T16:00:00Z,     true",   // 1 May 00:00 in Shanghai: the start is inclusive
                "2018-10-31T15:59:59.999Z, true",   // the last instant of 31 October in Shanghai
                "2018-10-31T16:00:00Z,     false",  // 1 November 00:00 in Shanghai: the end is exclusive
                "2018-10-31T20:00:00Z,     false"}) // still 31 October in UTC, but not in Shanghai
        void periodEdgesAreInShanghai(Instant at, boolean counted) {
            Attribution a = attributor.attribute(SCOPE, sale(at, Set.of("seg-travellers"), null, item("LAY", "1", "120.00")));
            assertEquals(counted, a.counted());
            assertEquals(counted ? IN_PERIOD : OUTSIDE_PERIOD, a.reasons().get(0));
            assertMoney(counted ? "120.00" : "0.00", a.amount());
        }

        @Test
        void theSubWindowIsReportedButDoesNotLimitByDefault() {
            Attribution may = attributor.attribute(SCOPE, sale(IN_MAY, Set.of("seg-travellers"), null, item("LAY", "1", "80")));
            assertTrue(may.counted());
            assertNull(may.subWindow());
            Attribution june = attributor.attribute(SCOPE,
                    sale(Instant.parse("2018-05-31T16:00:00Z"), Set.of("seg-travellers"), null, item("LAY", "1", "80")));
            assertEquals("暑秋营销", june.subWindow());
            assertTrue(june.reasons().contains(IN_SUB_WINDOW));
        }

        @ParameterizedTest
        @CsvSource({
                "2018-06-15T15:59:59Z, false",
                "2018-06-15T16:00:00Z, true",
                "2018-06-18T15:59:59Z, true",
                "2018-06-18T16:00:00Z, false"})
        void limitedToSubWindowsOnlyThoseCount(Instant at, boolean counted) {
            CampaignScope festivalsOnly = new CampaignScope("BYWY-2018", PERIOD, List.of(DRAGON_BOAT),
                    WindowMode.SUB_WINDOWS_ONLY, Set.of(), Set.of("LAY"));
            Attribution a = attributor.attribute(festivalsOnly, sale(at, Set.of(), "BYWY-2018", item("LAY", "1", "50")));
            assertEquals(counted, a.counted());
            assertTrue(a.reasons().contains(IN_PERIOD));
            assertTrue(a.reasons().contains(counted ? IN_SUB_WINDOW : OUTSIDE_SUB_WINDOWS));
        }
    }

    @Nested
    class Targeting {

        @Test
        void aTargetSegmentAlone() {
            Attribution a = attributor.attribute(SCOPE,
                    sale(IN_MAY, Set.of("seg-travellers", "seg-vip"), null, item("LAY", "1", "120")));
            assertTrue(a.counted());
            assertEquals(Set.of("seg-travellers"), a.matchedSegments());
            assertEquals(List.of(IN_PERIOD, TARGET_SEGMENT, CAMPAIGN_PRODUCT), a.reasons());
        }

        @ParameterizedTest
        @ValueSource(strings = {"BYWY-2018", "bywy-2018", "  BYWY-2018 "})
        void theCampaignCodeAloneIgnoringCaseAndBlanks(String code) {
            Attribution a = attributor.attribute(SCOPE, sale(IN_MAY, Set.of(), code, item("LAY", "1", "120")));
            assertTrue(a.counted());
            assertEquals(List.of(IN_PERIOD, NAMES_CAMPAIGN_CODE, CAMPAIGN_PRODUCT), a.reasons());
        }

        @Test
        void both() {
            Attribution a = attributor.attribute(SCOPE,
                    sale(IN_MAY, Set.of("seg-travellers"), "BYWY-2018", item("LAY", "1", "120")));
            assertTrue(a.reasons().containsAll(List.of(TARGET_SEGMENT, NAMES_CAMPAIGN_CODE)));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"OTHER-2018", "BYWY-2019"})
        void neitherSegmentNorCode(String code) {
            Attribution a = attributor.attribute(SCOPE, sale(IN_MAY, Set.of("seg-vip"), code, item("LAY", "1", "120")));
            assertFalse(a.counted());
            assertMoney("0.00", a.amount());
            assertEquals(List.of(IN_PERIOD, NOT_TARGETED, CAMPAIGN_PRODUCT), a.reasons());
            assertTrue(a.countedItems().isEmpty());
        }

        @Test
        void aCampaignWithoutSegmentsCountsOnlySalesNamingIt() {
            CampaignScope codeOnly = new CampaignScope("BYWY-2018", PERIOD, List.of(), WindowMode.WHOLE_PERIOD,
                    Set.of(), Set.of("LAY"));
            assertFalse(attributor.attribute(codeOnly, sale(IN_MAY, Set.of("seg-travellers"), null, item("LAY", "1", "1"))).counted());
            assertTrue(attributor.attribute(codeOnly, sale(IN_MAY, Set.of(), "BYWY-2018", item("LAY", "1", "1"))).counted());
        }
    }

    @Nested
    class Products {

        @Test
        void onlyCampaignItemsCount() {
            Attribution a = attributor.attribute(SCOPE, sale(IN_MAY, Set.of("seg-travellers"), null,
                    item("LAY", "2", "120.00"), item("CAR", "1", "3000.00"), item("lai", "3", "33.333")));
            assertTrue(a.counted());
            // 240.00 + 3 x 33.333 = 99.999 -> 100.00 (each line rounded to cents, HALF_UP)
            assertMoney("340.00", a.amount());
            assertEquals(List.of("LAY", "lai"), a.countedItems().stream().map(SaleItem::productCode).toList());
        }

        @Test
        void noCampaignProduct() {
            Attribution a = attributor.attribute(SCOPE, sale(IN_MAY, Set.of("seg-travellers"), "BYWY-2018", item("CAR", "1", "3000")));
            assertFalse(a.counted());
            assertTrue(a.reasons().contains(NO_CAMPAIGN_PRODUCT));
        }

        @Test
        void aSaleWithoutItemsCannotShowItsProducts() {
            Attribution a = attributor.attribute(SCOPE, sale(IN_MAY, Set.of("seg-travellers"), "BYWY-2018"));
            assertFalse(a.counted());
            assertEquals(List.of(IN_PERIOD, TARGET_SEGMENT, NAMES_CAMPAIGN_CODE, NO_ITEMS), a.reasons());
        }

        @Test
        void everyFailedCriterionIsExplainedAtOnce() {
            Attribution a = attributor.attribute(SCOPE,
                    sale(Instant.parse("2018-11-05T00:00:00Z"), Set.of(), null, item("CAR", "1", "1")));
            assertEquals(List.of(OUTSIDE_PERIOD, NOT_TARGETED, NO_CAMPAIGN_PRODUCT), a.reasons());
        }
    }

    @Nested
    class Refunds {

        private final Attribution original = attributor.attribute(SCOPE,
                sale(IN_MAY, Set.of("seg-travellers"), null, item("LAY", "1", "120.00"), item("CAR", "1", "500")));

        @Test
        void aRefundOnItsOwnSubtracts() {
            Attribution a = attributor.attribute(SCOPE, new Sale("r-1", SaleKind.REFUND, IN_MAY, "c-1",
                    Set.of("seg-travellers"), "B-NANCHANG", "s-1", null, List.of(item("LAY", "1", "120.00")), "e-1"));
            assertTrue(a.counted());
            assertMoney("-120.00", a.amount());
        }

        @Test
        void aRefundOfAnAttributedSaleSubtractsEvenAfterThePeriod() {
            Attribution a = attributor.attributeRefund(SCOPE,
                    refund(Instant.parse("2018-11-20T00:00:00Z"), item("LAY", "1", "120.00"), item("CAR", "1", "500")), original);
            assertTrue(a.counted());
            assertMoney("-120.00", a.amount());
            assertEquals(List.of(REFUND_OF_ATTRIBUTED_SALE, CAMPAIGN_PRODUCT), a.reasons());
        }

        @Test
        void negativeLinesAreReadAsRefundedAmounts() {
            Attribution a = attributor.attributeRefund(SCOPE, refund(IN_MAY, item("LAY", "1", "-100.00")), original);
            assertMoney("-100.00", a.amount());
        }

        @Test
        void aRefundNeverTakesMoreThanItsOriginalAdded() {
            Attribution a = attributor.attributeRefund(SCOPE, refund(IN_MAY, item("LAY", "2", "120.00")), original);
            assertMoney("-120.00", a.amount());
        }

        @Test
        void aRefundOfAnUnattributedSaleDoesNotCount() {
            Attribution unattributed = attributor.attribute(SCOPE, sale(IN_MAY, Set.of(), null, item("LAY", "1", "120")));
            Attribution a = attributor.attributeRefund(SCOPE, refund(IN_MAY, item("LAY", "1", "120")), unattributed);
            assertFalse(a.counted());
            assertMoney("0.00", a.amount());
            assertEquals(List.of(REFUND_OF_UNATTRIBUTED_SALE), a.reasons());
        }

        @Test
        void aRefundOfOtherProductsOnlyDoesNotCount() {
            Attribution a = attributor.attributeRefund(SCOPE, refund(IN_MAY, item("CAR", "1", "500")), original);
            assertFalse(a.counted());
            assertEquals(List.of(REFUND_OF_ATTRIBUTED_SALE, NO_CAMPAIGN_PRODUCT), a.reasons());
        }

        @Test
        void withoutFollowingTheOriginalARefundIsJudgedOnItsOwnFacts() {
            CampaignAttributor own = new CampaignAttributor(new AttributionPolicy(ZoneId.of("Asia/Shanghai"), false));
            Attribution a = own.attributeRefund(SCOPE,
                    refund(Instant.parse("2018-11-20T00:00:00Z"), item("LAY", "1", "120.00")), original);
            assertFalse(a.counted());
            assertTrue(a.reasons().contains(OUTSIDE_PERIOD));
        }

        @Test
        void onlyRefundsAreRefunds() {
            assertThrows(IllegalArgumentException.class, () -> attributor.attributeRefund(SCOPE,
                    sale(IN_MAY, Set.of(), null, item("LAY", "1", "1")), original));
        }
    }

    @Nested
    class ScopeRules {

        @Test
        void subWindowsLieInsideThePeriod() {
            SalesWindow november = SalesWindow.ofDays("十一月", LocalDate.of(2018, 10, 31), LocalDate.of(2018, 11, 1));
            assertThrows(IllegalArgumentException.class, () -> new CampaignScope("X", PERIOD, List.of(november),
                    WindowMode.WHOLE_PERIOD, Set.of(), Set.of("LAY")));
        }

        @Test
        void subWindowsOnlyNeedsSubWindows() {
            assertThrows(IllegalArgumentException.class, () -> new CampaignScope("X", PERIOD, List.of(),
                    WindowMode.SUB_WINDOWS_ONLY, Set.of(), Set.of("LAY")));
        }

        @Test
        void aCampaignHasProducts() {
            assertThrows(IllegalArgumentException.class, () -> new CampaignScope("X", PERIOD, List.of(),
                    WindowMode.WHOLE_PERIOD, Set.of(), Set.of()));
        }

        @Test
        void aWindowHasLength() {
            assertThrows(IllegalArgumentException.class, () -> new SalesWindow("空", PERIOD.start(), PERIOD.start()));
        }

        @Test
        void theAnnouncedLastDayCountsToItsMidnight() {
            assertEquals(Instant.parse("2018-10-31T16:00:00Z"), PERIOD.endInstant(ZoneId.of("Asia/Shanghai")));
            assertEquals(Instant.parse("2018-04-30T16:00:00Z"), PERIOD.startInstant(ZoneId.of("Asia/Shanghai")));
        }
    }
}
