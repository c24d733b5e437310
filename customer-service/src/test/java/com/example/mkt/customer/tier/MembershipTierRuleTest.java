package com.example.mkt.customer.tier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MembershipTierRuleTest {

    private final MembershipTierRule rule = new MembershipTierRule(MembershipTierPolicy.defaults());

    @ParameterizedTest
    @CsvSource({
            "-500.00,NONE", "0.00,NONE", "4999.99,NONE", "5000.00,SILVER", "5000.01,SILVER",
            "19999.99,SILVER", "20000.00,GOLD", "49999.99,GOLD", "50000.00,DIAMOND", "50000.01,DIAMOND"})
    void bandsHaveInclusiveLowerBounds(String spend, MembershipTier tier) {
        assertEquals(tier, rule.tierFor(new BigDecimal(spend)));
    }

    @Test
    void scaleDoesNotMatter() {
        assertEquals(MembershipTier.GOLD, rule.tierFor(new BigDecimal("20000")));
    }

    @Test
    void bandsMustRise() {
        assertThrows(IllegalArgumentException.class, () -> new MembershipTierPolicy(
                new BigDecimal("5000"), new BigDecimal("5000"), new BigDecimal("50000"), 12));
    }

    @Test
    void defaultWindowIsTwelveMonths() {
        assertEquals(12, rule.windowMonths());
    }
}
