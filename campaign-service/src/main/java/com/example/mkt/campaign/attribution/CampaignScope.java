package com.example.mkt.campaign.attribution;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a sale must match to count for a campaign (docs/domain.md#attribution).
 *
 * @param campaignCode   the code a sale may name, e.g. "BYWY-2018" (compared ignoring case and surrounding blanks)
 * @param period         the campaign period
 * @param subWindows     focus windows inside the period; may be empty
 * @param windowMode     whether only sub-windows count
 * @param targetSegments customer segment ids the campaign targets; may be empty (then only sales naming the
 *                       code count)
 * @param productCodes   the campaign's products (LAY, LAI)
 */
public record CampaignScope(
        String campaignCode,
        SalesWindow period,
        List<SalesWindow> subWindows,
        WindowMode windowMode,
        Set<String> targetSegments,
        Set<String> productCodes) {

    public CampaignScope {
        Objects.requireNonNull(campaignCode, "campaignCode");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(windowMode, "windowMode");
        subWindows = List.copyOf(subWindows);
        targetSegments = Set.copyOf(targetSegments);
        productCodes = productCodes.stream().map(CampaignScope::normalizeCode).collect(Collectors.toUnmodifiableSet());
        if (productCodes.isEmpty()) {
            throw new IllegalArgumentException("a campaign needs at least one product");
        }
        for (SalesWindow w : subWindows) {
            if (!period.covers(w)) {
                throw new IllegalArgumentException("sub-window " + w.name() + " lies outside the campaign period");
            }
        }
        if (windowMode == WindowMode.SUB_WINDOWS_ONLY && subWindows.isEmpty()) {
            throw new IllegalArgumentException("SUB_WINDOWS_ONLY needs sub-windows");
        }
    }

    static String normalizeCode(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    boolean isNamedBy(String saleCampaignCode) {
        return saleCampaignCode != null && normalizeCode(saleCampaignCode).equals(normalizeCode(campaignCode));
    }

    boolean hasProduct(String productCode) {
        return productCodes.contains(normalizeCode(productCode));
    }
}
