package com.example.mkt.campaign.target;

import com.example.mkt.campaign.campaign.Campaign;
import com.example.mkt.campaign.campaign.CampaignStore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.util.Set;

/**
 * A campaign's progress from its running aggregates (ProgressStore): what branches and salespeople achieved and
 * when targets were reached. A read costs what the campaign's branches and people number, whatever its history.
 */
@ApplicationScoped
public class ProgressService {

    private final CampaignStore campaigns;
    private final ProgressStore store;
    private final TargetWatch targets;

    public ProgressService(CampaignStore campaigns, ProgressStore store, TargetWatch targets) {
        this.campaigns = campaigns;
        this.store = store;
        this.targets = targets;
    }

    /**
     * Recomputes the campaign's aggregates and reached moments from its contributions, under the campaign's lock so
     * that no batch interleaves. Corrects; announces nothing.
     */
    @Transactional
    public CampaignProgress rebuild(Campaign c) throws SQLException {
        targets.lock(Set.of(c.id));
        store.rebuild(c.id);
        targets.rebuild(c);
        return progress(c);
    }

    public CampaignProgress progress(Campaign c) {
        ProgressStore.Totals totals = store.totals(c.id);
        return new TargetProgressCalculator().fromTotals(campaigns.allocation(c), totals.branches(), totals.reached(),
                totals.people());
    }
}
