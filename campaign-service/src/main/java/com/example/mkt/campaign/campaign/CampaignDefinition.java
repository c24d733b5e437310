package com.example.mkt.campaign.campaign;

import com.example.mkt.campaign.attribution.CampaignScope;
import com.example.mkt.campaign.attribution.SalesWindow;
import com.example.mkt.campaign.attribution.WindowMode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

/** The campaign template (docs/domain.md#campaign-template-and-targets), as stored in the aggregate's JSON. */
public record CampaignDefinition(
        String theme,
        LocalDate periodStart,
        LocalDate periodEnd,
        List<Window> subWindows,
        WindowMode windowMode,
        List<String> targetSegments,
        List<Product> products,
        List<String> channels,
        String offerRules,
        List<BudgetLine> budgetLines,
        String currency) {

    public record Window(String name, LocalDate start, LocalDate end) {
    }

    public record Product(String code, String name) {
    }

    public record BudgetLine(String name, BigDecimal amount) {
    }

    public CampaignScope scope(String code) {
        return new CampaignScope(code, SalesWindow.ofDays("period", periodStart, periodEnd),
                subWindows.stream().map(w -> SalesWindow.ofDays(w.name(), w.start(), w.end())).toList(),
                windowMode, new LinkedHashSet<>(targetSegments),
                new LinkedHashSet<>(products.stream().map(Product::code).toList()));
    }
}
