package com.example.mkt.campaign.target;

import java.math.BigDecimal;

/**
 * A salesperson's contribution measured against their branch's targets (targets are allocated to branches
 * only).
 *
 * @param startingShare achieved / branch starting target in percent, 2 decimals (null if no target)
 * @param budgetShare   achieved / branch budget target in percent, 2 decimals (null if no target)
 */
public record SalespersonProgress(String salesperson, String branch, BigDecimal achieved, BigDecimal startingShare,
                                  BigDecimal budgetShare) {
}
