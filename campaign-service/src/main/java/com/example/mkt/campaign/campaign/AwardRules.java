package com.example.mkt.campaign.campaign;

import com.example.mkt.campaign.award.AwardPolicy;
import com.example.mkt.campaign.award.PlacePrize;
import com.example.mkt.campaign.award.PrizeTable;
import com.example.mkt.campaign.award.RecipientRole;
import com.example.mkt.campaign.award.SpeedRecipient;
import com.example.mkt.campaign.config.Policies;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A campaign's declarative award rules (docs/domain.md#awards): the pool; the speed award's rank bands, its fill-in
 * rule, the role weights and the named recipients per branch; the individual award's qualification threshold and bands.
 */
public record AwardRules(
        BigDecimal pool,
        List<PlacePrize> speedBands,
        boolean fillSpeedWithStarting,
        BigDecimal managerWeight,
        BigDecimal staffWeight,
        Map<String, List<SpeedRecipient>> speedRecipients,
        BigDecimal individualMinimumSales,
        List<PlacePrize> individualBands) {

    public AwardRules {
        speedBands = List.copyOf(speedBands);
        individualBands = List.copyOf(individualBands);
        speedRecipients = speedRecipients == null ? Map.of() : Map.copyOf(speedRecipients);
    }

    public static AwardRules of(AwardPolicy p) {
        return new AwardRules(p.pool(), p.speedPrizes().bands(), p.fillSpeedWithStarting(),
                p.speedRecipientWeights().get(RecipientRole.MANAGER), p.speedRecipientWeights().get(RecipientRole.STAFF),
                Map.of(), p.individualMinimumSales(), p.individualPrizes().bands());
    }

    /** @throws IllegalArgumentException when the rules are inconsistent (gaps in bands, prizes over the pool) */
    public AwardPolicy policy() {
        return new AwardPolicy(pool, new PrizeTable(speedBands), fillSpeedWithStarting, new PrizeTable(individualBands),
                individualMinimumSales, Policies.weights(managerWeight, staffWeight));
    }
}
