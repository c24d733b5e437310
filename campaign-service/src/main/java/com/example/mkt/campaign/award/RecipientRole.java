package com.example.mkt.campaign.award;

/**
 * Who receives a branch's speed award: the sales-management department's manager
 * ("销管部经理") and its staff ("销管部相关工作人员").
 */
public enum RecipientRole {
    MANAGER,
    STAFF
}
