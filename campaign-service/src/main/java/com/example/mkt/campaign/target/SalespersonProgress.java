package com.example.mkt.campaign.target;

import java.math.BigDecimal;

/**
 * A salesperson's contribution measured against their branch's targets (the seed allocates targets to branches
 * only, {@code 001:101-141}).
 *
 * @param startingShare achieved / branch starting target in percent, 2 decimals (null if no target)
 * @param budgetShare   achieved / branch budget target in percent, 2 decimals (null if no target)
 */
public record SalespersonProgress(String salesperson, String branch, BigDecimal achieved, BigDecimal startingShare,
                                  BigDecimal budgetShare) {
}
