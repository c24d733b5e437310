package com.example.mkt.customer.care;

import com.example.mkt.customer.grade.CustomerGrade;
import com.example.mkt.customer.tier.MembershipTier;

/**
 * How much care a customer gets ("为A级客户每年安排一次旅游,为B级客户安排节日礼品,
 * 为普遍客户发送贺卡"), best first. The business keys care on the A/B/C grade; a VIP or a Diamond member
 * is cared for like an A customer, Gold like B, Silver like C, whichever is better.
 */
public enum CareLevel {
    A,
    B,
    C,
    ORDINARY;

    public static CareLevel of(CustomerGrade grade, MembershipTier tier, boolean vip) {
        CareLevel byGrade = switch (grade) {
            case A -> A;
            case B -> B;
            case C -> C;
            case D -> ORDINARY;
        };
        CareLevel byTier = vip ? A : switch (tier) {
            case DIAMOND -> A;
            case GOLD -> B;
            case SILVER -> C;
            case NONE -> ORDINARY;
        };
        return byGrade.ordinal() <= byTier.ordinal() ? byGrade : byTier;
    }
}
