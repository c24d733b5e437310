package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The sheet totals each reviewer gave one person for one month. Peers are a group: several may review, or none.
 */
public record Reviews(Optional<BigDecimal> self, Optional<BigDecimal> manager, List<BigDecimal> peers) {

    public Reviews {
        peers = List.copyOf(peers);
    }
}
