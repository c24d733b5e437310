package com.example.mkt.kpi.campaign;

import static com.example.mkt.kpi.rollup.FactFields.code;
import static com.example.mkt.kpi.rollup.FactFields.decimal;
import static com.example.mkt.kpi.rollup.FactFields.instant;
import static com.example.mkt.kpi.rollup.FactFields.text;

import java.math.BigDecimal;
import java.util.Optional;

import com.example.mkt.eventing.consumer.PoisonEventException;
import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.rollup.Fact;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads {@code campaign.evaluated} (v1) into a CAMPAIGN_ROI fact (and, see {@link #expenses}, an
 * EXPENSE_CONTROL_RATE fact): numerator revenue − cost, denominator cost, at the
 * evaluation's {@code occurredAt}, for the campaign's org unit; so a unit's ROI over a period is
 * (Σ revenue − Σ cost) ÷ Σ cost of the campaigns evaluated in it, never a mean of ROIs.
 *
 * <p>Revenue and cost are read from the optional fields {@code revenue} and {@code cost} (decimal strings in
 * {@code currency}); v1 events without them carry no figures and are ignored, as is a campaign that cost nothing
 * (no return on nothing). One fact per campaign (key {@code campaign:<campaignId>}): the first evaluation counts.
 * A currency other than the KPI currency is poison.
 */
public final class CampaignFacts {

    public static final String EVALUATED = "campaign.evaluated";

    private CampaignFacts() {
    }

    public static Optional<Fact> read(String type, JsonNode data, String currency) {
        if (!EVALUATED.equals(type) || !data.hasNonNull("revenue") || !data.hasNonNull("cost")) {
            return Optional.empty();
        }
        String campaignId = text(data, type, "campaignId");
        String eventCurrency = text(data, type, "currency");
        if (!eventCurrency.equals(currency)) {
            throw new PoisonEventException(campaignId + ": currency " + eventCurrency + " is not " + currency);
        }
        BigDecimal revenue = decimal(data, type, "revenue");
        BigDecimal cost = decimal(data, type, "cost");
        if (cost.signum() < 0 || revenue.signum() < 0) {
            throw new PoisonEventException(campaignId + ": negative revenue or cost");
        }
        if (cost.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Fact("campaign:" + campaignId, type, KpiCatalogue.CAMPAIGN_ROI,
                code(data, type, "orgUnit"), null, instant(data, type, "occurredAt"), revenue.subtract(cost), cost));
    }

    /**
     * EXPENSE_CONTROL_RATE from the same evaluation: numerator what was spent, denominator the budget it was spent
     * against (the optional {@code budget}, the sum of the campaign's budget lines), so a unit's rate over a period
     * is Σ cost ÷ Σ budget. No budget, or a zero one, gives no fact (nothing to control against).
     */
    public static Optional<Fact> expenses(String type, JsonNode data, String currency) {
        if (!EVALUATED.equals(type) || !data.hasNonNull("cost") || !data.hasNonNull("budget")) {
            return Optional.empty();
        }
        String campaignId = text(data, type, "campaignId");
        String eventCurrency = text(data, type, "currency");
        if (!eventCurrency.equals(currency)) {
            throw new PoisonEventException(campaignId + ": currency " + eventCurrency + " is not " + currency);
        }
        BigDecimal cost = decimal(data, type, "cost");
        BigDecimal budget = decimal(data, type, "budget");
        if (cost.signum() < 0 || budget.signum() < 0) {
            throw new PoisonEventException(campaignId + ": negative cost or budget");
        }
        if (budget.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Fact("campaign:" + campaignId, type, KpiCatalogue.EXPENSE_CONTROL_RATE,
                code(data, type, "orgUnit"), null, instant(data, type, "occurredAt"), cost, budget));
    }
}
