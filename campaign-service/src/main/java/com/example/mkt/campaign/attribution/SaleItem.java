package com.example.mkt.campaign.attribution;

import com.example.mkt.campaign.money.Money;

import java.math.BigDecimal;
import java.util.Objects;

/** One line of a sale (docs/domain.md#sales-events: productCode, quantity, unitPrice). */
public record SaleItem(String productCode, BigDecimal quantity, BigDecimal unitPrice) {

    public SaleItem {
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
    }

    /** Quantity times unit price, in cents; a refund's lines may be written either sign, so the size is what counts. */
    public BigDecimal lineAmount() {
        return Money.of(quantity.multiply(unitPrice).abs());
    }
}
