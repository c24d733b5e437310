package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A computed monthly scorecard sheet.
 *
 * @param items   each item's score
 * @param bonus   points added for commendations
 * @param penalty points taken for criticism
 * @param total   sum of item scores + bonus − penalty, never below 0; bonuses may lift it above 100
 */
public record Scorecard(Map<ScoreItem, ItemScore> items, BigDecimal bonus, BigDecimal penalty, BigDecimal total) {

    public Scorecard {
        // item order kept for display: the order of the business's table
        EnumMap<ScoreItem, ItemScore> ordered = new EnumMap<>(ScoreItem.class);
        ordered.putAll(items);
        items = Collections.unmodifiableMap(ordered);
    }

    public BigDecimal score(ScoreItem item) {
        return items.get(item).score();
    }
}
