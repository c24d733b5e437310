package com.example.mkt.planning.staff;

import java.time.LocalDate;
import java.util.List;

import com.example.mkt.eventing.outbox.OutboundEvent;

/**
 * The staff events other services replicate (who is on duty in which unit, with which roles: kpi-service's
 * expected follow-ups per unit): the person's whole state, so a consumer applies the newest {@code version}.
 * Key = staff id. The login is not published.
 */
public final class StaffEvents {

    public static final String TOPIC = "planning.events";
    public static final String CREATED = "staff.created";
    public static final String UPDATED = "staff.updated";
    public static final String DEACTIVATED = "staff.deactivated";

    public record StaffData(String id, String name, String orgUnit, List<String> roles, LocalDate onDutyFrom,
            LocalDate onDutyUntil, boolean active, long version) {
    }

    private StaffEvents() {
    }

    public static OutboundEvent of(String type, StaffEntity s) {
        return new OutboundEvent(TOPIC, type, 1, s.id, new StaffData(s.id, s.name, s.orgUnit, s.roleList(),
                s.onDutyFrom, s.onDutyUntil, s.isActive(), s.version));
    }
}
