package com.example.mkt.planning.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskPolicyTest {

    private final RiskPolicy policy = RiskPolicy.defaults();

    @ParameterizedTest(name = "{0} x {1} = {2} -> {3}")
    @CsvSource({"1, 1, 1, LOW", "2, 2, 4, LOW", "1, 5, 5, MEDIUM", "3, 3, 9, MEDIUM", "2, 5, 10, HIGH",
            "4, 4, 16, HIGH", "4, 5, 20, CRITICAL", "5, 5, 25, CRITICAL"})
    void scoreAndLevel(int likelihood, int impact, int score, RiskLevel level) {
        Risk risk = new Risk("r", "风险", RiskCategory.MARKET, likelihood, impact, RiskResponse.REDUCE, "措施");
        assertEquals(score, risk.score());
        assertEquals(level, policy.level(risk));
        assertEquals(level.compareTo(RiskLevel.MEDIUM) <= 0, policy.mayAccept(risk));
    }

    @Test
    void bandsMustRise() {
        assertThrows(IllegalArgumentException.class, () -> new RiskPolicy(10, 5, 20, RiskLevel.LOW));
        assertThrows(IllegalArgumentException.class, () -> new RiskPolicy(5, 10, 26, RiskLevel.LOW));
        assertThrows(IllegalArgumentException.class, () -> new RiskPolicy(1, 10, 20, RiskLevel.LOW));
    }
}
