package com.example.mkt.planning.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.example.mkt.testinfra.EventSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The events this service wrote to its outbox, in publication order: what the relay sends to Kafka. */
public final class OutboxEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public record Row(String topic, String key, String type, JsonNode envelope) {

        public JsonNode data() {
            return envelope.get("data");
        }

        /** Validates {@code data} against this service's schema for its type and version. */
        public void assertSchemaValid() {
            String schema = "schemas/" + type + ".v" + envelope.path("dataversion").asText() + ".json";
            EventSchemas.assertValid(schema, data().toString());
        }
    }

    private OutboxEvents() {
    }

    public static List<Row> forKey(DataSource ds, String key) {
        return query(ds, "SELECT topic, event_key, event_type, payload FROM eventing_outbox WHERE event_key = ? ORDER BY id",
                key);
    }

    public static List<Row> all(DataSource ds) {
        return query(ds, "SELECT topic, event_key, event_type, payload FROM eventing_outbox ORDER BY id", null);
    }

    private static List<Row> query(DataSource ds, String sql, String key) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (key != null) {
                ps.setString(1, key);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), MAPPER.readTree(rs.getString(4))));
                }
            }
            return rows;
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
