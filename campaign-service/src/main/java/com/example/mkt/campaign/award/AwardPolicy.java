package com.example.mkt.campaign.award;

import com.example.mkt.campaign.money.Money;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The award rules of a campaign (docs/domain.md#awards).
 *
 * @param pool                   what the awards may pay out in all (8万元)
 * @param speedPrizes            task-completion speed award by place (10,000 / 8,000 / 6,000)
 * @param fillSpeedWithStarting  fewer than the prized places reached the budget target: fill with branches that
 *                               reached the starting target
 * @param individualPrizes       individual premium award by place (5,000 / 4,000 / 3,000, 2,000 for 4-15,
 *                               1,000 for 16-35)
 * @param individualMinimumSales own sales needed to enter the individual ranking, inclusive ("一万元(含)以上")
 * @param speedRecipientWeights  how a branch's speed award is split among its recipients (manager 1, staff 0.5,
 *                               docs/domain.md#awards)
 */
public record AwardPolicy(
        BigDecimal pool,
        PrizeTable speedPrizes,
        boolean fillSpeedWithStarting,
        PrizeTable individualPrizes,
        BigDecimal individualMinimumSales,
        Map<RecipientRole, BigDecimal> speedRecipientWeights) {

    public AwardPolicy {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(speedPrizes, "speedPrizes");
        Objects.requireNonNull(individualPrizes, "individualPrizes");
        Objects.requireNonNull(individualMinimumSales, "individualMinimumSales");
        speedRecipientWeights = Map.copyOf(speedRecipientWeights);
        for (RecipientRole role : RecipientRole.values()) {
            BigDecimal w = speedRecipientWeights.get(role);
            if (w == null || w.signum() < 0) {
                throw new IllegalArgumentException("a non-negative weight is needed for " + role);
            }
        }
        BigDecimal mostPaid = speedPrizes.total().add(individualPrizes.total());
        if (mostPaid.compareTo(pool) > 0) {
            throw new IllegalArgumentException("prizes can pay " + mostPaid + ", more than the pool of " + pool);
        }
    }

    public static AwardPolicy defaults() {
        Map<RecipientRole, BigDecimal> weights = new EnumMap<>(RecipientRole.class);
        weights.put(RecipientRole.MANAGER, BigDecimal.ONE);
        weights.put(RecipientRole.STAFF, new BigDecimal("0.5"));
        return new AwardPolicy(
                Money.of("80000"),
                PrizeTable.ofPlaces("10000", "8000", "6000"),
                true,
                PrizeTable.of(
                        new PlacePrize(1, 1, Money.of("5000")),
                        new PlacePrize(2, 2, Money.of("4000")),
                        new PlacePrize(3, 3, Money.of("3000")),
                        new PlacePrize(4, 15, Money.of("2000")),
                        new PlacePrize(16, 35, Money.of("1000"))),
                Money.of("10000"),
                weights);
    }
}
