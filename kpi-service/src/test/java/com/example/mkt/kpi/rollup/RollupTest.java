package com.example.mkt.kpi.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.org.OrgTree;
import com.example.mkt.kpi.period.Period;
import com.example.mkt.kpi.period.PeriodCalendar;
import com.example.mkt.kpi.period.PeriodType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RollupTest {

    private static final String SALES = KpiCatalogue.SALES_AMOUNT;
    private static final OrgTree TREE = OrgTree.of(Map.of(
            "R-EAST", "HQ",
            "B-NANCHANG", "R-EAST",
            "T-NANCHANG-1", "B-NANCHANG",
            "T-NANCHANG-2", "B-NANCHANG"));

    private final Rollup rollup = new Rollup(TREE, KpiCatalogue.standard(), PeriodCalendar.business(), RollupPolicy.defaults());

    private static Map<CellKey, CellDelta> byKey(List<CellDelta> cells) {
        return cells.stream().collect(Collectors.toMap(CellDelta::key, Function.identity()));
    }

    @Test
    void oneSaleTouchesEveryAncestorAtEveryGrain() {
        List<CellDelta> cells = rollup.cellsFor(MeasureDelta.of("T-NANCHANG-1", Instant.parse("2026-05-03T02:15:00Z"),
                SALES, new BigDecimal("120.00")));
        // 4 units × 5 grains (year, quarter, month, ISO week, day)
        assertEquals(20, cells.size());
        Set<String> units = cells.stream().map(c -> c.key().orgUnit()).collect(Collectors.toSet());
        assertEquals(Set.of("T-NANCHANG-1", "B-NANCHANG", "R-EAST", "HQ"), units);
        Set<String> periods = cells.stream().map(c -> c.key().period().key()).collect(Collectors.toSet());
        assertEquals(Set.of("2026", "2026-Q2", "2026-05", "2026-W18", "2026-05-03"), periods);
        cells.forEach(c -> assertEquals(new BigDecimal("120.00"), c.numerator()));
    }

    @Test
    void saleJustAfterShanghaiMidnightGoesToTheNewMonth() {
        List<CellDelta> cells = rollup.cellsFor(MeasureDelta.of("HQ", Instant.parse("2026-01-31T16:00:00Z"), SALES,
                BigDecimal.ONE));
        assertEquals(Set.of("2026", "2026-Q1", "2026-02", "2026-W05", "2026-02-01"),
                cells.stream().map(c -> c.key().period().key()).collect(Collectors.toSet()));
        List<CellDelta> before = rollup.cellsFor(MeasureDelta.of("HQ", Instant.parse("2026-01-31T15:59:59Z"), SALES,
                BigDecimal.ONE));
        assertEquals(Set.of("2026", "2026-Q1", "2026-01", "2026-W05", "2026-01-31"),
                before.stream().map(c -> c.key().period().key()).collect(Collectors.toSet()));
    }

    @Test
    void newYearsEveSaleGoesToTheOldYearButTheNewIsoWeek() {
        List<CellDelta> cells = rollup.cellsFor(MeasureDelta.of("HQ", Instant.parse("2025-12-31T10:00:00Z"), SALES,
                BigDecimal.ONE));
        assertEquals(Set.of("2025", "2025-Q4", "2025-12", "2026-W01", "2025-12-31"),
                cells.stream().map(c -> c.key().period().key()).collect(Collectors.toSet()));
    }

    @Test
    void aThousandSalesMergeIntoAHandfulOfCells() {
        List<MeasureDelta> sales = new ArrayList<>();
        Instant start = Instant.parse("2026-05-04T01:00:00Z"); // Monday of 2026-W19 in Shanghai
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal team1 = BigDecimal.ZERO;
        for (int i = 0; i < 1000; i++) {
            String team = i % 2 == 0 ? "T-NANCHANG-1" : "T-NANCHANG-2";
            BigDecimal amount = new BigDecimal(i + ".99");
            sales.add(MeasureDelta.of(team, start.plusSeconds(i * 60L), SALES, amount));
            total = total.add(amount);
            if (i % 2 == 0) {
                team1 = team1.add(amount);
            }
        }
        List<CellDelta> merged = rollup.merge(sales);
        // 5 units × (4 grains + 2 days: from 09:00 on Monday to 01:39 on Tuesday in Shanghai)
        assertEquals(30, merged.size());
        Map<CellKey, CellDelta> cells = byKey(merged);
        for (Period p : List.of(Period.year(2026), Period.quarter(2026, 2), Period.month(2026, 5), Period.week(2026, 19))) {
            for (String unit : List.of("B-NANCHANG", "R-EAST", "HQ")) {
                assertEquals(0, total.compareTo(cells.get(new CellKey(unit, p, SALES)).numerator()), unit + " " + p);
            }
            assertEquals(0, team1.compareTo(cells.get(new CellKey("T-NANCHANG-1", p, SALES)).numerator()));
            assertEquals(0, total.subtract(team1).compareTo(cells.get(new CellKey("T-NANCHANG-2", p, SALES)).numerator()));
        }
    }

    @Test
    void mergeEqualsSumOfSingleDeltasAndIgnoresInputOrder() {
        Random random = new Random(42);
        List<String> units = List.of("T-NANCHANG-1", "T-NANCHANG-2", "B-NANCHANG", "HQ");
        List<MeasureDelta> deltas = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Instant at = Instant.parse("2025-12-20T00:00:00Z").plusSeconds(random.nextInt(40 * 86400));
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(200_000) - 20_000, 2);
            deltas.add(MeasureDelta.of(units.get(random.nextInt(units.size())), at, SALES, amount));
        }
        List<CellDelta> merged = rollup.merge(deltas);

        Map<CellKey, BigDecimal> expected = new java.util.TreeMap<>();
        for (MeasureDelta d : deltas) {
            for (CellDelta c : rollup.cellsFor(d)) {
                expected.merge(c.key(), c.numerator(), BigDecimal::add);
            }
        }
        expected.values().removeIf(v -> v.signum() == 0);
        assertEquals(expected.keySet(), byKey(merged).keySet());
        // equal to the scale, not only in value: the grouping by day must not change what is stored
        merged.forEach(c -> assertEquals(expected.get(c.key()), c.numerator(), c.key().toString()));

        List<MeasureDelta> shuffled = new ArrayList<>(deltas);
        Collections.shuffle(shuffled, random);
        assertEquals(merged, rollup.merge(shuffled));
    }

    @Test
    void mergedCellsComeInKeyOrderSoWritersLockRowsInTheSameOrder() {
        List<CellDelta> merged = rollup.merge(List.of(
                MeasureDelta.of("T-NANCHANG-2", Instant.parse("2026-06-01T00:00:00Z"), SALES, BigDecimal.ONE),
                new MeasureDelta("T-NANCHANG-1", Instant.parse("2026-05-01T00:00:00Z"),
                        KpiCatalogue.FOLLOW_UP_COMPLETION_RATE, BigDecimal.ONE, BigDecimal.ONE)));
        List<CellKey> keys = merged.stream().map(CellDelta::key).toList();
        List<CellKey> sorted = new ArrayList<>(keys);
        Collections.sort(sorted);
        assertEquals(sorted, keys);
    }

    @Test
    void saleAndRefundInOneBatchCancelOut() {
        Instant at = Instant.parse("2026-05-03T02:15:00Z");
        assertTrue(rollup.merge(List.of(
                MeasureDelta.of("T-NANCHANG-1", at, SALES, new BigDecimal("120.00")),
                MeasureDelta.of("T-NANCHANG-1", at.plusSeconds(60), SALES, new BigDecimal("-120.00")))).isEmpty());
    }

    @Test
    void refundInAnotherMonthLeavesBothMonthsButCancelsTheYear() {
        List<CellDelta> merged = rollup.merge(List.of(
                MeasureDelta.of("HQ", Instant.parse("2026-04-30T10:00:00Z"), SALES, new BigDecimal("50.00")),
                MeasureDelta.of("HQ", Instant.parse("2026-05-02T10:00:00Z"), SALES, new BigDecimal("-50.00"))));
        Map<CellKey, CellDelta> cells = byKey(merged);
        assertEquals(new BigDecimal("50.00"), cells.get(new CellKey("HQ", Period.month(2026, 4), SALES)).numerator());
        assertEquals(new BigDecimal("-50.00"), cells.get(new CellKey("HQ", Period.month(2026, 5), SALES)).numerator());
        assertTrue(!cells.containsKey(new CellKey("HQ", Period.year(2026), SALES)));
        assertTrue(!cells.containsKey(new CellKey("HQ", Period.quarter(2026, 2), SALES)));
        // Thursday Apr 30 and Saturday May 2 are in the same ISO week
        assertTrue(!cells.containsKey(new CellKey("HQ", Period.week(2026, 18), SALES)));
    }

    @Test
    void ratesKeepNumeratorAndDenominator() {
        String kpi = KpiCatalogue.SATISFACTION_RATE;
        Instant at = Instant.parse("2026-05-03T02:15:00Z");
        List<CellDelta> merged = rollup.merge(List.of(
                new MeasureDelta("T-NANCHANG-1", at, kpi, BigDecimal.ONE, BigDecimal.ONE),
                new MeasureDelta("T-NANCHANG-2", at, kpi, new BigDecimal("500"), new BigDecimal("1000"))));
        CellDelta branch = byKey(merged).get(new CellKey("B-NANCHANG", Period.month(2026, 5), kpi));
        assertEquals(new BigDecimal("501"), branch.numerator());
        assertEquals(new BigDecimal("1001"), branch.denominator());
        assertEquals(Optional.of(new BigDecimal("0.5004")), // 501/1001 shown rounded down
                KpiCatalogue.standard().require(kpi).valueOf(branch.numerator(), branch.denominator()));
    }

    @Test
    void rejectsWhatCannotBeRolledUp() {
        Instant at = Instant.parse("2026-05-03T02:15:00Z");
        MeasureDelta unknownUnit = MeasureDelta.of("B-NOWHERE", at, SALES, BigDecimal.ONE);
        MeasureDelta unknownKpi = MeasureDelta.of("HQ", at, "NOPE", BigDecimal.ONE);
        MeasureDelta derived = MeasureDelta.of("HQ", at, KpiCatalogue.TARGET_ACHIEVEMENT_RATE, BigDecimal.ONE);
        MeasureDelta sumWithDenominator = new MeasureDelta("HQ", at, SALES, BigDecimal.ONE, BigDecimal.ONE);
        for (MeasureDelta bad : List.of(unknownUnit, unknownKpi, derived, sumWithDenominator)) {
            assertTrue(rollup.rejection(bad).isPresent(), bad.toString());
            assertThrows(IllegalArgumentException.class, () -> rollup.cellsFor(bad));
            assertThrows(IllegalArgumentException.class,
                    () -> rollup.merge(List.of(MeasureDelta.of("HQ", at, SALES, BigDecimal.ONE), bad)));
        }
        assertEquals(Optional.empty(), rollup.rejection(MeasureDelta.of("HQ", at, SALES, BigDecimal.ONE)));
    }

    @Test
    void emptyBatchTouchesNothing() {
        assertTrue(rollup.merge(List.of()).isEmpty());
    }

    @Test
    void policyChoosesTheGrains() {
        Rollup monthsOnly = new Rollup(TREE, KpiCatalogue.standard(), PeriodCalendar.business(),
                new RollupPolicy(EnumSet.of(PeriodType.MONTH)));
        List<CellDelta> cells = monthsOnly.cellsFor(MeasureDelta.of("T-NANCHANG-1",
                Instant.parse("2026-05-03T02:15:00Z"), SALES, BigDecimal.ONE));
        assertEquals(4, cells.size());
        cells.forEach(c -> assertEquals(PeriodType.MONTH, c.key().period().type()));
        assertThrows(IllegalArgumentException.class, () -> new RollupPolicy(Set.of()));
    }

    @Test
    void staffCellsAreKeptPerPersonAtTheFactsOwnUnitOnly() {
        String rate = KpiCatalogue.FOLLOW_UP_COMPLETION_RATE;
        Instant may = Instant.parse("2026-05-10T15:59:59Z");
        List<Fact> facts = List.of(
                new Fact("f1", "follow-up.completed", rate, "T-NANCHANG-1", "s-1", may, BigDecimal.ONE, BigDecimal.ONE),
                new Fact("f2", "follow-up.overdue", rate, "T-NANCHANG-1", "s-1", may, BigDecimal.ZERO, BigDecimal.ONE),
                new Fact("f3", "follow-up.completed", rate, "T-NANCHANG-2", "s-1", may, BigDecimal.ONE, BigDecimal.ONE),
                new Fact("f4", "follow-up.completed", rate, "T-NANCHANG-2", "s-2", may, BigDecimal.ONE, BigDecimal.ONE),
                new Fact("f5", "follow-up.completed", rate, "T-NANCHANG-2", null, may, BigDecimal.ONE, BigDecimal.ONE));
        List<StaffCellDelta> cells = rollup.mergeStaff(facts);
        // 3 (staff, unit) pairs × 2 grains (StaffGrains: month and day); the fact without staff has no staff cell
        assertEquals(6, cells.size());
        Map<StaffCellKey, StaffCellDelta> byKey = cells.stream()
                .collect(Collectors.toMap(StaffCellDelta::key, Function.identity()));
        StaffCellDelta s1 = byKey.get(new StaffCellKey(rate, "s-1", "T-NANCHANG-1", Period.parse("2026-05")));
        assertEquals(new BigDecimal("1"), s1.numerator());
        assertEquals(new BigDecimal("2"), s1.denominator());
        assertEquals(new BigDecimal("1"),
                byKey.get(new StaffCellKey(rate, "s-1", "T-NANCHANG-2", Period.parse("2026-05-10"))).denominator());
        assertTrue(cells.stream().noneMatch(c -> c.key().orgUnit().equals("B-NANCHANG")));
        List<StaffCellKey> keys = cells.stream().map(StaffCellDelta::key).toList();
        List<StaffCellKey> sorted = new ArrayList<>(keys);
        Collections.sort(sorted);
        assertEquals(sorted, keys, "staff cells come in lock order");
    }

    @Test
    void mergeStaffEqualsSumOfSingleFactsToTheScale() {
        Random random = new Random(7);
        List<String> units = List.of("T-NANCHANG-1", "T-NANCHANG-2", "B-NANCHANG");
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Instant at = Instant.parse("2025-12-25T00:00:00Z").plusSeconds(random.nextInt(20 * 86400));
            // mixed scales and signs: a sum's scale must come out as when each fact was added on its own
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(20_000) - 2_000, random.nextInt(3));
            String staff = random.nextInt(10) == 0 ? null : "s-" + random.nextInt(6);
            facts.add(new Fact("e" + i, "sales.recorded", SALES, units.get(random.nextInt(units.size())), staff, at,
                    amount, BigDecimal.ZERO));
        }
        Map<StaffCellKey, BigDecimal> expected = new java.util.TreeMap<>();
        PeriodCalendar calendar = PeriodCalendar.business();
        for (Fact f : facts) {
            if (f.staffId() == null) {
                continue;
            }
            for (PeriodType type : List.of(PeriodType.MONTH, PeriodType.DAY)) {
                expected.merge(new StaffCellKey(SALES, f.staffId(), f.orgUnit(), calendar.containing(f.occurredAt(), type)),
                        f.numerator(), BigDecimal::add);
            }
        }
        expected.values().removeIf(v -> v.signum() == 0);
        List<StaffCellDelta> merged = rollup.mergeStaff(facts);
        assertEquals(List.copyOf(expected.keySet()), merged.stream().map(StaffCellDelta::key).toList());
        merged.forEach(c -> assertEquals(expected.get(c.key()), c.numerator(), c.key().toString()));
    }

    @Test
    void ratesRollUpAsSumsOfNumeratorsAndDenominatorsNeverAsMeans() {
        String rate = KpiCatalogue.FOLLOW_UP_COMPLETION_RATE;
        Instant may = Instant.parse("2026-05-10T04:00:00Z");
        List<CellDelta> cells = rollup.merge(List.of(
                new MeasureDelta("T-NANCHANG-1", may, rate, BigDecimal.ONE, BigDecimal.ONE),
                new MeasureDelta("T-NANCHANG-2", may, rate, BigDecimal.ZERO, BigDecimal.ONE),
                new MeasureDelta("T-NANCHANG-2", may, rate, BigDecimal.ZERO, BigDecimal.ONE)));
        CellDelta branch = byKey(cells).get(new CellKey("B-NANCHANG", Period.parse("2026-05"), rate));
        assertEquals(new BigDecimal("1"), branch.numerator());
        assertEquals(new BigDecimal("3"), branch.denominator());
        // 1/3, not the mean of 100% and 0%
        assertEquals(Optional.of(new BigDecimal("0.3333")), KpiCatalogue.standard().require(rate)
                .valueOf(branch.numerator(), branch.denominator()));
    }

    @Test
    void aStaffFactForAnUnknownUnitIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> rollup.mergeStaff(List.of(new Fact("x", "t", SALES,
                "B-NOWHERE", "s-1", Instant.parse("2026-05-10T04:00:00Z"), BigDecimal.ONE, BigDecimal.ZERO))));
    }
}
