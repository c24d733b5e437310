package com.example.mkt.campaign.attribution;

import com.example.mkt.campaign.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether a sale counts for a campaign (docs/domain.md#attribution): its time lies in the campaign
 * period (and in a sub-window when the campaign is limited to them; start inclusive, end exclusive, in the
 * business zone), AND the customer is in a target segment OR the sale names the campaign code, AND at least
 * one item is a campaign product. Only those items' amounts count; refunds subtract.
 *
 * <p>Every criterion is checked even after one fails, so the answer explains all of "why not" at once.
 */
public final class CampaignAttributor {

    private final AttributionPolicy policy;

    public CampaignAttributor(AttributionPolicy policy) {
        this.policy = policy;
    }

    /** A sale, or a refund whose original is unknown here, judged on its own facts. */
    public Attribution attribute(CampaignScope scope, Sale sale) {
        List<AttributionReason> reasons = new ArrayList<>();

        boolean inPeriod = scope.period().contains(sale.occurredAt(), policy.zone());
        reasons.add(inPeriod ? AttributionReason.IN_PERIOD : AttributionReason.OUTSIDE_PERIOD);
        String subWindow = scope.subWindows().stream()
                .filter(w -> w.contains(sale.occurredAt(), policy.zone()))
                .map(SalesWindow::name)
                .findFirst().orElse(null);
        if (subWindow != null) {
            reasons.add(AttributionReason.IN_SUB_WINDOW);
        } else if (scope.windowMode() == WindowMode.SUB_WINDOWS_ONLY) {
            reasons.add(AttributionReason.OUTSIDE_SUB_WINDOWS);
        }
        boolean inTime = inPeriod && (scope.windowMode() == WindowMode.WHOLE_PERIOD || subWindow != null);

        Set<String> matchedSegments = new TreeSet<>(sale.customerSegments());
        matchedSegments.retainAll(scope.targetSegments());
        boolean namesCode = scope.isNamedBy(sale.campaignCode());
        if (!matchedSegments.isEmpty()) {
            reasons.add(AttributionReason.TARGET_SEGMENT);
        }
        if (namesCode) {
            reasons.add(AttributionReason.NAMES_CAMPAIGN_CODE);
        }
        boolean targeted = !matchedSegments.isEmpty() || namesCode;
        if (!targeted) {
            reasons.add(AttributionReason.NOT_TARGETED);
        }

        List<SaleItem> campaignItems = campaignItems(scope, sale, reasons);

        boolean counted = inTime && targeted && !campaignItems.isEmpty();
        BigDecimal amount = counted ? signed(sale.kind(), sumOf(campaignItems)) : Money.ZERO;
        return new Attribution(counted, amount, counted ? campaignItems : List.of(), subWindow, matchedSegments,
                reasons);
    }

    /**
     * A refund whose original sale's attribution is known. Under
     * {@link AttributionPolicy#refundFollowsOriginal()} it subtracts exactly when the original counted,
     * wherever the refund falls in time, and never more than the original added.
     */
    public Attribution attributeRefund(CampaignScope scope, Sale refund, Attribution original) {
        if (refund.kind() != SaleKind.REFUND) {
            throw new IllegalArgumentException(refund.eventId() + " is not a refund");
        }
        if (!policy.refundFollowsOriginal()) {
            return attribute(scope, refund);
        }
        List<AttributionReason> reasons = new ArrayList<>();
        if (!original.counted()) {
            reasons.add(AttributionReason.REFUND_OF_UNATTRIBUTED_SALE);
            return new Attribution(false, Money.ZERO, List.of(), null, Set.of(), reasons);
        }
        reasons.add(AttributionReason.REFUND_OF_ATTRIBUTED_SALE);
        List<SaleItem> campaignItems = campaignItems(scope, refund, reasons);
        if (campaignItems.isEmpty()) {
            return new Attribution(false, Money.ZERO, List.of(), null, Set.of(), reasons);
        }
        BigDecimal refunded = sumOf(campaignItems).min(original.amount());
        return new Attribution(true, refunded.negate(), campaignItems, original.subWindow(),
                original.matchedSegments(), reasons);
    }

    private static List<SaleItem> campaignItems(CampaignScope scope, Sale sale, List<AttributionReason> reasons) {
        if (sale.items().isEmpty()) {
            reasons.add(AttributionReason.NO_ITEMS);
            return List.of();
        }
        List<SaleItem> items = sale.items().stream().filter(i -> scope.hasProduct(i.productCode())).toList();
        reasons.add(items.isEmpty() ? AttributionReason.NO_CAMPAIGN_PRODUCT : AttributionReason.CAMPAIGN_PRODUCT);
        return items;
    }

    private static BigDecimal sumOf(List<SaleItem> items) {
        return Money.sum(items.stream().map(SaleItem::lineAmount).toList());
    }

    private static BigDecimal signed(SaleKind kind, BigDecimal amount) {
        return kind == SaleKind.REFUND ? amount.negate() : amount;
    }
}
