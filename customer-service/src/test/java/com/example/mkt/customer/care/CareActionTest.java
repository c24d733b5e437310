package com.example.mkt.customer.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CareActionTest {

    private final CareAction ordinaryGift = CareAction.capped(CareActionKind.GIFT, "100.00");

    @Test
    void configuredSpellingsParse() {
        assertEquals(CareAction.capped(CareActionKind.GIFT, "500.00"), CareAction.parse("GIFT:500.00"));
        assertEquals(CareAction.capped(CareActionKind.GIFT, "300"), CareAction.parse("GIFT: 300"));
        assertEquals(CareAction.of(CareActionKind.CARD), CareAction.parse("CARD"));
        assertEquals(new BigDecimal("500.00"), CareAction.parse("GIFT:500").budgetCap().orElseThrow());
    }

    @Test
    void badSpellingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CareAction.parse("FLOWERS"));
        assertThrows(IllegalArgumentException.class, () -> CareAction.parse("GIFT:lots"));
        assertThrows(IllegalArgumentException.class, () -> CareAction.parse("GIFT:-1"));
    }

    @Test
    void costCeilingIsTheOwnCapElseTheOrdinaryGiftCapButTheTripIsUncapped() {
        assertEquals(Optional.of(new BigDecimal("500.00")), CareAction.parse("GIFT:500").costCeiling(ordinaryGift));
        assertEquals(Optional.of(new BigDecimal("100.00")), CareAction.parse("CARD").costCeiling(ordinaryGift));
        assertEquals(Optional.of(new BigDecimal("100.00")), CareAction.parse("SMS").costCeiling(ordinaryGift));
        assertTrue(CareAction.parse("TRIP").costCeiling(ordinaryGift).isEmpty());
        assertEquals(Optional.of(new BigDecimal("8000.00")), CareAction.parse("TRIP:8000").costCeiling(ordinaryGift));
    }

    @Test
    void onlyOpenTasksCanBeCompletedOrSkipped() {
        assertEquals(java.util.List.of("complete", "skip"), CareTaskState.OPEN.allowedActions());
        assertTrue(CareTaskState.DONE.allowedActions().isEmpty());
        assertTrue(CareTaskState.SKIPPED.allowedActions().isEmpty());
    }
}
