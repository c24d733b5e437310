package com.example.mkt.campaign.attribution;

/** Why a sale counts for a campaign or not; every criterion checked leaves one reason. */
public enum AttributionReason {
    IN_PERIOD,
    OUTSIDE_PERIOD,
    IN_SUB_WINDOW,
    OUTSIDE_SUB_WINDOWS,
    TARGET_SEGMENT,
    NAMES_CAMPAIGN_CODE,
    NOT_TARGETED,
    CAMPAIGN_PRODUCT,
    NO_CAMPAIGN_PRODUCT,
    /** The sale has no items, so its products cannot be checked. */
    NO_ITEMS,
    REFUND_OF_ATTRIBUTED_SALE,
    REFUND_OF_UNATTRIBUTED_SALE
}
