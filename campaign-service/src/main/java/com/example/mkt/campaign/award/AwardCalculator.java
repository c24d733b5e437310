package com.example.mkt.campaign.award;

import com.example.mkt.campaign.target.CampaignProgress;

import java.util.List;
import java.util.Map;

/**
 * Awards of the fixed-shape rules of an {@link AwardPolicy} (docs/domain.md#awards),
 * computed by the declarative engine: the policy becomes the {@link AwardPresets#of speed-and-individual} rule set.
 */
public final class AwardCalculator {

    private final AwardPolicy policy;

    public AwardCalculator(AwardPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param progress            the campaign's final progress
     * @param recipientsByBranch  the speed-award recipients of each branch (missing: the branch keeps it whole)
     */
    public AwardResult calculate(CampaignProgress progress, Map<String, List<SpeedRecipient>> recipientsByBranch) {
        return new AwardEngine().compute(AwardPresets.of(policy, recipientsByBranch), progress);
    }
}
