package com.example.mkt.campaign.attribution;

import com.example.mkt.campaign.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Whether a sale counts for a campaign, how much, and why.
 *
 * @param counted          whether it counts
 * @param amount           the amount it adds (negative for a refund, zero when it does not count)
 * @param countedItems     the items in the campaign's products; only their amounts count
 * @param subWindow        the name of the sub-window the sale fell in, null if none
 * @param matchedSegments  target segments the customer was in
 * @param reasons          one per criterion checked, in the order checked
 */
public record Attribution(
        boolean counted,
        BigDecimal amount,
        List<SaleItem> countedItems,
        String subWindow,
        Set<String> matchedSegments,
        List<AttributionReason> reasons) {

    public Attribution {
        amount = Money.of(amount);
        countedItems = List.copyOf(countedItems);
        matchedSegments = Set.copyOf(matchedSegments);
        reasons = List.copyOf(reasons);
        if (!counted && amount.signum() != 0) {
            throw new IllegalArgumentException("an uncounted sale attributes nothing");
        }
    }
}
