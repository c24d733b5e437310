package com.example.mkt.planning.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One task of the plan: what, who (staff id), by when, at what cost (CNY). */
public record PlanTask(String id, String what, String ownerStaffId, LocalDate due, BigDecimal cost) {
}
