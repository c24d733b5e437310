package com.example.mkt.eventing.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Column-wise text arrays for an {@code INSERT ... SELECT FROM unnest(?::text[], ...)} statement (every parameter
 * cast to {@code text[]} in the SQL): many rows in one
 * statement and one round trip, each value cast in SQL ({@code u.a::numeric}, ISO-8601 instants
 * {@code ::timestamptz}) so that nothing depends on how the driver would render a Java type.
 */
public final class UnnestColumns {

    private final List<List<String>> columns = new ArrayList<>();

    public UnnestColumns(int n) {
        for (int i = 0; i < n; i++) {
            columns.add(new ArrayList<>());
        }
    }

    /** One row: a value per column, null allowed. */
    public void add(String... values) {
        for (int i = 0; i < values.length; i++) {
            columns.get(i).add(values[i]);
        }
    }

    public boolean isEmpty() {
        return columns.get(0).isEmpty();
    }

    public void bind(PreparedStatement ps) throws SQLException {
        bind(ps, 1);
    }

    /**
     * Binds the columns as parameters {@code first}, {@code first + 1}, ..., each as its array literal
     * ({@link TextArrays}); the statement casts every one of them ({@code ?::text[]}).
     */
    public void bind(PreparedStatement ps, int first) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            TextArrays.bind(ps, first + i, columns.get(i));
        }
    }
}
