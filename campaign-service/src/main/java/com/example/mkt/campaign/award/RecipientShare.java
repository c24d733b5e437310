package com.example.mkt.campaign.award;

import java.math.BigDecimal;

/** One person's part of a branch's award; {@code role} as the rule set names it, upper case (e.g. MANAGER). */
public record RecipientShare(String staffId, String role, BigDecimal weight, BigDecimal amount) {
}
