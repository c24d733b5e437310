package com.example.mkt.planning.org;

/**
 * Levels of the organisation: head office, region ("大区"), branch ("分公司/分部") and team
 * (docs/domain.md#organisation). Which kind may sit under which is
 * {@link OrgStructurePolicy}'s decision, not the enum's.
 */
public enum OrgUnitKind {
    HQ,
    REGION,
    BRANCH,
    TEAM
}
