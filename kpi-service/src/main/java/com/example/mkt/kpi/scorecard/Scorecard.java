package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A computed monthly scorecard sheet.
 *
 * @param items         each item's score
 * @param countedWeight the weights of the items in the total: the sheet's maximum unless an unmeasured item was left
 *                      out ({@link UnmeasuredTreatment#EXCLUDED_REWEIGHTED}), then the items total is scaled by
 *                      maximum ÷ countedWeight
 * @param bonus         points added for commendations
 * @param penalty       points taken for criticism
 * @param total         items total + bonus − penalty, never below 0; bonuses may lift it above 100
 */
public record Scorecard(Map<ScoreItem, ItemScore> items, BigDecimal countedWeight, BigDecimal bonus,
                        BigDecimal penalty, BigDecimal total) {

    public Scorecard {
        // item order kept for display: the order of the business's table
        EnumMap<ScoreItem, ItemScore> ordered = new EnumMap<>(ScoreItem.class);
        ordered.putAll(items);
        items = Collections.unmodifiableMap(ordered);
    }

    /** The item's points; null for an item left out of the total. */
    public BigDecimal score(ScoreItem item) {
        return items.get(item).score();
    }
}
