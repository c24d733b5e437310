package com.example.mkt.kpi.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;

/** Miss-streak alert transitions in the caller's scope, optionally for one unit, oldest id first. */
@Path("/api/v1/kpi-alerts")
@RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST})
public class AlertResource {

    public record AlertView(String id, String kind, String kpi, String orgUnit, String periodType, String period,
                            String streakStart, int missesRunning, String createdAt) {
    }

    private final DataSource dataSource;
    private final OrgScope scope;

    public AlertResource(DataSource dataSource, OrgScope scope) {
        this.dataSource = dataSource;
        this.scope = scope;
    }

    @GET
    public Page<AlertView> list(@QueryParam("orgUnit") String orgUnit, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) throws SQLException {
        PageRequest page = PageRequest.of(limit, cursor);
        Optional<Set<String>> visible = scope.visibleUnits();
        StringBuilder sql = new StringBuilder("SELECT id, kind, kpi_code, org_unit, period_type, period_key,"
                + " streak_start, misses, created_at FROM kpi_alert WHERE id > ?");
        if (orgUnit != null) {
            sql.append(" AND org_unit = ?");
        }
        if (visible.isPresent()) {
            sql.append(" AND org_unit = ANY(?)");
        }
        sql.append(" ORDER BY id LIMIT ").append(page.fetchSize());
        List<AlertView> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setString(i++, page.first() ? "" : page.after().get(0));
            if (orgUnit != null) {
                ps.setString(i++, orgUnit);
            }
            if (visible.isPresent()) {
                ps.setArray(i, c.createArrayOf("text", visible.get().toArray(String[]::new)));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AlertView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                            rs.getObject(9, java.time.OffsetDateTime.class).toString()));
                }
            }
        }
        return Page.of(out, page.limit(), a -> PageRequest.cursor(a.id()));
    }
}
