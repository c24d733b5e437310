package com.example.mkt.campaign.review;

import java.util.ArrayList;
import java.util.List;

/**
 * The customer-facing texts of a campaign that the review checks (docs/domain.md#campaign-review-and-approval: theme,
 * offer rules, products). Null texts are treated as empty: a draft may not have all of them yet.
 */
public record CampaignTexts(String theme, String offerRules, List<String> productNames) {

    public CampaignTexts {
        theme = theme == null ? "" : theme;
        offerRules = offerRules == null ? "" : offerRules;
        productNames = productNames == null ? List.of() : List.copyOf(productNames);
    }

    /** Field paths as the REST layer reports validation errors, e.g. {@code products[1].name}. */
    List<CheckedField> fields() {
        List<CheckedField> fields = new ArrayList<>();
        fields.add(new CheckedField("theme", theme));
        fields.add(new CheckedField("offerRules", offerRules));
        for (int i = 0; i < productNames.size(); i++) {
            String name = productNames.get(i);
            fields.add(new CheckedField("products[" + i + "].name", name == null ? "" : name));
        }
        return fields;
    }

    record CheckedField(String path, String text) {
    }
}
