package com.example.mkt.customer.tier;

import com.example.mkt.customer.shared.BusinessTime;
import com.example.mkt.customer.shared.Money;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Objects;

/**
 * VIP thresholds (docs/domain.md#vip-and-membership-tiers: "单次购买...一万元以上或单月累计两万元以上";
 * "以上" is read as inclusive).
 *
 * @param singlePurchase    one purchase, net of its own refunds, at least this much
 * @param monthlyAccumulated net purchases within one calendar month of {@code zone} at least this much
 * @param validityMonths     a qualification holds through the end of the N-th month after the qualifying
 *                           month; the business is silent on lapse, a year is the usual membership term
 * @param zone               whose calendar months count
 */
public record VipPolicy(BigDecimal singlePurchase, BigDecimal monthlyAccumulated, int validityMonths, ZoneId zone) {

    public VipPolicy {
        singlePurchase = Money.requirePositive(singlePurchase, "singlePurchase");
        monthlyAccumulated = Money.requirePositive(monthlyAccumulated, "monthlyAccumulated");
        if (validityMonths < 0) {
            throw new IllegalArgumentException("validityMonths must not be negative");
        }
        Objects.requireNonNull(zone, "zone");
    }

    public static VipPolicy defaults() {
        return new VipPolicy(Money.of("10000.00"), Money.of("20000.00"), 12, BusinessTime.SHANGHAI);
    }
}
