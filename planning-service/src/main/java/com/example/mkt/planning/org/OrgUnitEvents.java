package com.example.mkt.planning.org;

import com.example.mkt.eventing.outbox.OutboundEvent;

/**
 * The org-unit events every service replicates (docs/events.md "org-unit events"): the unit's whole state, so a
 * consumer applies the newest version and needs no history. The shape is a contract: add nothing to it here.
 */
public final class OrgUnitEvents {

    public static final String TOPIC = "planning.events";
    public static final String CREATED = "org-unit.created";
    public static final String UPDATED = "org-unit.updated";
    public static final String MOVED = "org-unit.moved";
    public static final String DEACTIVATED = "org-unit.deactivated";
    public static final String REACTIVATED = "org-unit.reactivated";

    public record OrgUnitData(String code, String name, String kind, String parent, boolean active, long version) {
    }

    private OrgUnitEvents() {
    }

    public static OutboundEvent of(String type, OrgUnitEntity unit) {
        return new OutboundEvent(TOPIC, type, 1, unit.code, new OrgUnitData(unit.code, unit.name, unit.kind.name(),
                unit.parentCode, unit.active, unit.version));
    }
}
