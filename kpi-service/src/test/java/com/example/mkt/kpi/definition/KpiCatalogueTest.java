package com.example.mkt.kpi.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KpiCatalogueTest {

    private final KpiCatalogue catalogue = KpiCatalogue.standard();

    @ParameterizedTest
    @CsvSource({
            "SALES_AMOUNT, 销售额, MONEY, SUM, HIGHER_IS_BETTER",
            "TARGET_ACHIEVEMENT_RATE, 目标达成率, RATE, RATIO, HIGHER_IS_BETTER",
            "NEW_CUSTOMERS, 新增客户数, COUNT, SUM, HIGHER_IS_BETTER",
            "FOLLOW_UP_COMPLETION_RATE, 回访完成率, RATE, RATIO, HIGHER_IS_BETTER",
            "COMPLAINT_ON_TIME_RATE, 投诉按时解决率, RATE, RATIO, HIGHER_IS_BETTER",
            "SATISFACTION_RATE, 客户满意度, RATE, RATIO, HIGHER_IS_BETTER",
            "CHURN_RATE, 客户流失率, RATE, RATIO, LOWER_IS_BETTER",
            "CAMPAIGN_ROI, 活动投资回报率, RATE, RATIO, HIGHER_IS_BETTER",
            "EXPENSE_CONTROL_RATE, 费用控制率, RATE, RATIO, LOWER_IS_BETTER",
            "REPORT_ON_TIME_RATE, 报告按时提交率, RATE, RATIO, HIGHER_IS_BETTER"})
    void standardCatalogue(String code, String name, KpiUnit unit, Aggregation aggregation, Direction direction) {
        KpiDefinition kpi = catalogue.require(code);
        assertEquals(name, kpi.name());
        assertEquals(unit, kpi.unit());
        assertEquals(aggregation, kpi.aggregation());
        assertEquals(direction, kpi.direction());
    }

    @Test
    void holdsTheNineKpisOfTheSource() {
        assertEquals(10, catalogue.all().size());
    }

    @Test
    void achievementIsDerivedFromSalesAndItsTarget() {
        KpiDefinition achievement = catalogue.require(KpiCatalogue.TARGET_ACHIEVEMENT_RATE);
        assertTrue(achievement.isDerivedFromTarget());
        assertEquals(KpiCatalogue.SALES_AMOUNT, achievement.achievementOf());
        assertFalse(catalogue.require(KpiCatalogue.SALES_AMOUNT).isDerivedFromTarget());
    }

    @Test
    void unknownCode() {
        assertEquals(Optional.empty(), catalogue.find("NOPE"));
        assertThrows(IllegalArgumentException.class, () -> catalogue.require("NOPE"));
    }

    @Test
    void rejectsInconsistentDefinitions() {
        assertThrows(IllegalArgumentException.class, () -> new KpiDefinition("X", "x", KpiUnit.COUNT, Aggregation.RATIO,
                Direction.HIGHER_IS_BETTER, "n", "d", null));
        assertThrows(IllegalArgumentException.class, () -> new KpiDefinition("X", "x", KpiUnit.COUNT, Aggregation.SUM,
                Direction.HIGHER_IS_BETTER, "n", "d", null));
        assertThrows(IllegalArgumentException.class, () -> new KpiDefinition("X", "x", KpiUnit.RATE, Aggregation.RATIO,
                Direction.HIGHER_IS_BETTER, "n", null, null));
        KpiDefinition sales = KpiDefinition.sum("S", "s", KpiUnit.MONEY, Direction.HIGHER_IS_BETTER, "n");
        assertThrows(IllegalArgumentException.class, () -> new KpiCatalogue(List.of(sales, sales)));
        assertThrows(IllegalArgumentException.class,
                () -> new KpiCatalogue(List.of(KpiDefinition.achievement("A", "a", "MISSING"))));
        KpiDefinition rate = KpiDefinition.ratio("R", "r", Direction.HIGHER_IS_BETTER, "n", "d");
        assertThrows(IllegalArgumentException.class,
                () -> new KpiCatalogue(List.of(rate, KpiDefinition.achievement("A", "a", "R"))));
    }

    @Test
    void ratioValueIsSumOverSumAtFourDecimals() {
        KpiDefinition satisfaction = catalogue.require(KpiCatalogue.SATISFACTION_RATE);
        // 1 of 1 (100%) and 500 of 1000 (50%) is 501/1001, not the 75% an average of rates would say
        // shown rounded down (0.50049950...), ranked on the exact fraction
        assertEquals(Optional.of(new BigDecimal("0.5004")),
                satisfaction.valueOf(new BigDecimal("501"), new BigDecimal("1001")));
        assertEquals(Optional.of(new BigDecimal("0.6666")), satisfaction.valueOf(BigDecimal.valueOf(2), BigDecimal.valueOf(3)));
        assertTrue(satisfaction.exactValueOf(new BigDecimal("9999999"), new BigDecimal("10000000")).orElseThrow()
                .compareTo(satisfaction.exactValueOf(BigDecimal.ONE, BigDecimal.ONE).orElseThrow()) < 0,
                "0.9999999 ranks below 1 although both show as 0.9999 or 1.0000");
        assertEquals(Optional.of(new BigDecimal("1.0000")), satisfaction.valueOf(BigDecimal.TEN, BigDecimal.TEN));
    }

    @Test
    void ratioWithZeroDenominatorHasNoValue() {
        KpiDefinition onTime = catalogue.require(KpiCatalogue.COMPLAINT_ON_TIME_RATE);
        assertEquals(Optional.empty(), onTime.valueOf(BigDecimal.ZERO, BigDecimal.ZERO));
        assertEquals(Optional.empty(), onTime.valueOf(BigDecimal.ZERO, new BigDecimal("0.00")));
    }

    @Test
    void sumValueIsTheNumeratorAtUnitScale() {
        assertEquals(Optional.of(new BigDecimal("120.00")),
                catalogue.require(KpiCatalogue.SALES_AMOUNT).valueOf(new BigDecimal("120"), BigDecimal.ZERO));
        assertEquals(Optional.of(new BigDecimal("-5.50")),
                catalogue.require(KpiCatalogue.SALES_AMOUNT).valueOf(new BigDecimal("-5.5"), BigDecimal.ZERO));
        assertEquals(Optional.of(new BigDecimal("7")),
                catalogue.require(KpiCatalogue.NEW_CUSTOMERS).valueOf(new BigDecimal("7"), BigDecimal.ZERO));
    }
}
