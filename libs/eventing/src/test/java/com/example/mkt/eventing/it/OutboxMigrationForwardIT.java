package com.example.mkt.eventing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import com.example.mkt.testinfra.SharedInfra;

/**
 * The library's V0_3 (parked outbox rows) reaches databases whose service already applied its own V1..V12: Flyway
 * refuses a pending migration below the applied ones unless out-of-order is on, which is why every service sets
 * {@code quarkus.flyway.out-of-order=true}. Migrates such a database forward with an unpublished row in it.
 */
class OutboxMigrationForwardIT {

    @Test
    void theParkedRowsMigrationAppliesOutOfOrderOnADatabaseWithTheServicesMigrations() throws Exception {
        SharedInfra.Database db = SharedInfra.get().freshDatabase("outbox-forward");
        // as it was: the library's V0_1, then the service's migrations up to V12
        flyway(db, "classpath:db/eventing").target("0.1").load().migrate();
        flyway(db, "classpath:db/forward").ignoreMigrationPatterns("*:missing").load().migrate();
        execute(db, "INSERT INTO eventing_outbox (event_id, topic, event_key, event_type, payload)"
                + " VALUES (gen_random_uuid(), 'customer.events', 'C-1', 'customer.created', '{}')");

        var inOrder = flyway(db, "classpath:db/eventing", "classpath:db/forward").load();
        var refused = assertThrows(RuntimeException.class, inOrder::migrate, "without out-of-order Flyway refuses");
        assertTrue(refused.getMessage().contains("0.3"), refused.getMessage());

        var result = flyway(db, "classpath:db/eventing", "classpath:db/forward").outOfOrder(true).load().migrate();
        assertEquals(List.of("0.3"), result.migrations.stream().map(m -> m.version).toList());
        assertEquals(List.of("0|null|null"), query(db, "SELECT attempts || '|' || coalesce(last_error, 'null') || '|'"
                + " || coalesce(parked_at::text, 'null') FROM eventing_outbox"), "the waiting row is ready to relay");
        assertEquals(List.of("eventing_outbox_parked", "eventing_outbox_ready"), query(db, "SELECT indexname FROM"
                + " pg_indexes WHERE tablename = 'eventing_outbox' AND indexname IN ('eventing_outbox_pending',"
                + " 'eventing_outbox_ready', 'eventing_outbox_parked') ORDER BY indexname"));
        assertEquals(0, flyway(db, "classpath:db/eventing", "classpath:db/forward").outOfOrder(true).load().migrate()
                .migrationsExecuted, "nothing left to apply");
    }

    private static FluentConfiguration flyway(SharedInfra.Database db, String... locations) {
        return Flyway.configure().dataSource(db.jdbcUrl(), db.username(), db.password()).locations(locations);
    }

    private static void execute(SharedInfra.Database db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> query(SharedInfra.Database db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
