package com.example.mkt.campaign.award;

/** Which rule produced an award line: the label an award's definition gives its main and fill-in lines. */
public enum AwardRule {
    /** A place in the speed award by reaching the budget target. */
    SPEED_BUDGET_TARGET,
    /** A speed-award place filled by reaching the starting target ("补齐"). */
    SPEED_STARTING_TARGET_FILL,
    /** The individual premium award. */
    INDIVIDUAL_SALES,
    /** A place by meeting an award's conditions (the default label of a declared award). */
    QUALIFIED,
    /** A place filled by the fill-in rule (the default label of a declared fill-in). */
    FILL_IN
}
