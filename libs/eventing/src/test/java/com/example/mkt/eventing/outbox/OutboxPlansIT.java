package com.example.mkt.eventing.outbox;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.it.RelayResumptionIT;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The outbox keeps a week of published rows, so none of the relay's, the gauges' or the ops queries may read the whole
 * table: each is planned on a partial index of waiting or parked rows.
 */
@QuarkusTest
@TestProfile(RelayResumptionIT.NoRelay.class)
class OutboxPlansIT {

    private static final String TOPIC = "eventing.test.plans";

    @Inject
    DataSource dataSource;

    @Test
    void noQueryOfTheRelayGaugesOrOpsScansTheWholeOutbox() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO eventing_outbox (event_id, topic, event_key, event_type, payload, created_at,"
                    + " published_at) SELECT gen_random_uuid(), '" + TOPIC + "', 'k' || (g % 1000), 'test.plan', '{}',"
                    + " now() - interval '1 day', now() - interval '1 day' FROM generate_series(1, 50000) g");
            s.execute("ANALYZE eventing_outbox"); // as autovacuum does after such a growth (and V0_3 after its change)
            try {
                Map<String, String> queries = Map.of(
                        "relay select", OutboxRelay.SELECT.replace("?", "500"),
                        "backlog gauges", OutboxBacklog.QUERY,
                        "ops list", ParkedOutbox.LIST.replaceFirst("\\?", "0").replace("?", "100"),
                        "ops release", "EXPLAIN " + ParkedOutbox.RELEASE_ONE.replace("?", "1"));
                for (var query : queries.entrySet()) {
                    String sql = query.getValue().startsWith("EXPLAIN") ? query.getValue() : "EXPLAIN " + query.getValue();
                    StringBuilder plan = new StringBuilder();
                    try (ResultSet rs = s.executeQuery(sql)) {
                        while (rs.next()) {
                            plan.append(rs.getString(1)).append('\n');
                        }
                    }
                    assertFalse(plan.toString().contains("Seq Scan"), query.getKey() + ":\n" + plan);
                }
            } finally {
                s.execute("DELETE FROM eventing_outbox WHERE topic = '" + TOPIC + "'");
            }
        }
    }
}
