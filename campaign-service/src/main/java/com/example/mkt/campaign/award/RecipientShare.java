package com.example.mkt.campaign.award;

import java.math.BigDecimal;

/** One person's part of a branch's speed award. */
public record RecipientShare(String staffId, RecipientRole role, BigDecimal weight, BigDecimal amount) {
}
