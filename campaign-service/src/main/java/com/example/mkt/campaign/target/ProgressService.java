package com.example.mkt.campaign.target;

import com.example.mkt.campaign.attribution.ContributionStore;
import com.example.mkt.campaign.campaign.Campaign;
import com.example.mkt.campaign.campaign.CampaignStore;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** A campaign's progress, recomputed from its stored contributions on every read (the single source of truth). */
@ApplicationScoped
public class ProgressService {

    private final CampaignStore campaigns;
    private final ContributionStore contributions;

    public ProgressService(CampaignStore campaigns, ContributionStore contributions) {
        this.campaigns = campaigns;
        this.contributions = contributions;
    }

    public CampaignProgress progress(Campaign c) {
        return progress(c, contributions.ofCampaign(c.id));
    }

    public CampaignProgress progress(Campaign c, List<ContributionStore.Row> rows) {
        return new TargetProgressCalculator().progress(campaigns.allocation(c),
                rows.stream().map(ContributionStore.Row::contribution).toList());
    }
}
