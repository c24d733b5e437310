package com.example.mkt.customer.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Customer search on indexes only: fuzzy name (trigram index on the hex-spelled name key, see V1) or
 * phone (trigram index on the phone digits), equality filters on indexed columns, keyset pagination on
 * the primary key. The SQL is built from fixed fragments; every value is a bind parameter.
 */
@ApplicationScoped
public class CustomerSearch {

    /** Filters; null means "any". {@code visibleUnits} empty means the whole company. */
    public record Criteria(String q, String grade, String tier, String creditTier, String lifecycleStage,
            String orgUnit, String salesperson, List<String> tags, Boolean vip, Optional<Set<String>> visibleUnits,
            boolean includeGradeA, String after, int fetch) {
    }

    private final DataSource dataSource;

    public CustomerSearch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Customer> search(Criteria c) {
        StringBuilder sql = new StringBuilder("SELECT c.id FROM customer c WHERE true");
        List<Object> params = new ArrayList<>();
        if (c.q() != null && !c.q().isBlank()) {
            String q = c.q().strip();
            String digits = q.replaceAll("[^0-9]", "");
            // the name key rules out most rows through the index; strpos rechecks char alignment exactly
            sql.append(" AND ((c.name_key LIKE '%' || customer_search_key(?) || '%' AND strpos(lower(c.name), lower(?)) > 0)");
            params.add(q);
            params.add(q);
            if (digits.length() >= 3 && digits.length() * 2 >= q.replace(" ", "").length()) {
                sql.append(" OR c.search_phones LIKE ?");
                params.add("%" + digits + "%");
            }
            sql.append(")");
        }
        eq(sql, params, "c.grade", c.grade());
        eq(sql, params, "c.tier", c.tier());
        eq(sql, params, "c.credit_tier", c.creditTier());
        eq(sql, params, "c.lifecycle_stage", c.lifecycleStage());
        eq(sql, params, "c.org_unit", c.orgUnit());
        eq(sql, params, "c.salesperson", c.salesperson());
        if (c.vip() != null) {
            sql.append(" AND c.vip = ?");
            params.add(c.vip());
        }
        if (c.tags() != null && !c.tags().isEmpty()) {
            sql.append(" AND c.tags @> ?");
            params.add(c.tags().toArray(String[]::new));
        }
        if (c.visibleUnits().isPresent()) {
            sql.append(" AND c.org_unit = ANY(?)");
            params.add(c.visibleUnits().get().toArray(String[]::new));
        }
        if (!c.includeGradeA()) {
            sql.append(" AND c.grade IS DISTINCT FROM 'A'");
        }
        if (c.after() != null) {
            sql.append(" AND c.id > ?");
            params.add(c.after());
        }
        sql.append(" ORDER BY c.id LIMIT ?");
        params.add(c.fetch());

        List<String> ids = new ArrayList<>();
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof String[] array) {
                    ps.setArray(i + 1, conn.createArrayOf("text", array));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("customer search failed", e);
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Customer> byId = new HashMap<>();
        Customer.<Customer>list("id in ?1", ids).forEach(x -> byId.put(x.id, x));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(x -> x.id)).toList();
    }

    private static void eq(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }
}
