package com.example.mkt.campaign.shared;

import com.example.mkt.campaign.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How this service writes money, rates and times on the wire (docs/api.md). */
public final class Api {

    public static final String MONEY = "^[0-9]{1,13}(\\.[0-9]{1,2})?$";
    public static final String SIGNED_MONEY = "^-?[0-9]{1,13}(\\.[0-9]{1,2})?$";
    public static final String MONEY_MESSAGE = "must be a non-negative decimal string with at most 2 decimals";
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String CURRENCY = "CNY";

    private Api() {
    }

    public static String money(BigDecimal amount) {
        return amount == null ? null : Money.of(amount).toPlainString();
    }

    /** Rates are percentages as decimal strings; null when there is nothing to divide by. */
    public static String rate(BigDecimal rate) {
        return rate == null ? null : rate.toPlainString();
    }

    /** ISO-8601 with the business zone's offset, seconds always written. */
    public static String time(Instant at) {
        return at == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(ZONE).toOffsetDateTime());
    }
}
