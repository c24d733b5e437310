package com.example.mkt.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Schema patterns end where the text ends, as in ECMA-262: no final line break slips past a '$'. */
class EcmaPatternsTest {

    private static final String MONEY = "^[0-9]{1,13}(\\.[0-9]{1,2})?$";

    @Test
    void dollarMeansTheEndOfTheText() {
        var money = EcmaPatterns.INSTANCE.getRegularExpression(MONEY);
        assertTrue(money.matches("12.00"));
        assertFalse(money.matches("12.00\n"), "java.util.regex alone lets this through");
        assertFalse(money.matches("12.00\r\n"));
        assertFalse(money.matches("12.00\u2028"));
        assertTrue(java.util.regex.Pattern.compile(MONEY).matcher("12.00\n").find(), "the JDK's own reading");
    }

    @Test
    void onlyAnchorsAreRewritten() {
        assertEquals("^a\\z", EcmaPatterns.endAnchored("^a$"));
        assertEquals("a\\$b", EcmaPatterns.endAnchored("a\\$b"));
        assertEquals("[$]x\\z", EcmaPatterns.endAnchored("[$]x$"));
        assertEquals("[\\]$]\\z", EcmaPatterns.endAnchored("[\\]$]$"));
        assertEquals("(Z|[+-][0-9]{2}:[0-9]{2})\\z", EcmaPatterns.endAnchored("(Z|[+-][0-9]{2}:[0-9]{2})$"));
        assertTrue(EcmaPatterns.INSTANCE.getRegularExpression("a\\$").matches("pay a$"));
        assertTrue(EcmaPatterns.INSTANCE.getRegularExpression("[$]").matches("US$"));
    }

    @Test
    void aSaleWhoseAmountEndsInALineBreakBreaksTheContract() {
        ObjectNode sale = new ObjectMapper().createObjectNode().put("eventId", "e-1").put("kind", "SALE")
                .put("occurredAt", "2026-12-06T10:00:00+08:00").put("orgUnit", "B-1").put("amount", "12.00\n")
                .put("currency", "CNY");
        sale.putObject("customer").put("externalRef", "C-1");
        var violations = EventContract.of("sales.recorded", 1).violations(sale);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("$.amount")), violations::toString);
        sale.put("amount", "12.00");
        assertEquals(java.util.List.of(), EventContract.of("sales.recorded", 1).violations(sale));
    }
}
