package com.example.mkt.kpi.dashboard;

import java.util.List;

import com.example.mkt.kpi.measurement.KpiResource.SeriesPoint;
import com.example.mkt.kpi.measurement.Measurement;
import com.example.mkt.kpi.staff.StaffMeasurement;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Everything a manager's dashboard shows for one org unit on one business day, in one answer: a tile per KPI with the
 * day's, week's and month's figures, trends with their targets, and the month's ranking of the unit's children (of its
 * staff when it has no children). Its shape is in the OpenAPI document (docs/api.md#dashboard).
 */
public record Dashboard(
        String orgUnit,
        String orgUnitName,
        /** The unit's ancestors the caller may open, the root first: the way back up a drill-down. */
        List<UnitRef> path,
        /** The units one level down, by code: where a drill-down goes next. */
        List<UnitRef> children,
        String date,
        String timeZone,
        String day,
        String week,
        String month,
        List<Tile> tiles) {

    public record UnitRef(String code, String name) {
    }

    /** One KPI: {@code day}, {@code week} and {@code month} are the last points of the three trends. */
    public record Tile(
            String kpi,
            String name,
            String unit,
            String direction,
            Measurement day,
            Measurement week,
            Measurement month,
            List<SeriesPoint> days,
            List<SeriesPoint> weeks,
            List<SeriesPoint> months,
            /** The children at the month, best first; empty for a unit without children. */
            List<Measurement> ranking,
            /** The subtree's staff at the month, best first, when the unit has no children and the KPI counts people. */
            @JsonInclude(JsonInclude.Include.NON_NULL) List<StaffMeasurement> staffRanking) {
    }
}
