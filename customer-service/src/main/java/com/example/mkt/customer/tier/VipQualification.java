package com.example.mkt.customer.tier;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

/**
 * One reason the purchase history qualifies for VIP.
 *
 * @param month        the business-zone month of the qualifying purchase(s)
 * @param netAmount    the qualifying amount after refunds
 * @param saleEventId  the qualifying sale for {@link VipBasis#SINGLE_PURCHASE}, empty for a month
 */
public record VipQualification(VipBasis basis, YearMonth month, BigDecimal netAmount, Optional<String> saleEventId) {
}
