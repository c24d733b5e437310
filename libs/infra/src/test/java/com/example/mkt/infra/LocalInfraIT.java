package com.example.mkt.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Starts the real servers the way the launcher and the test resource do, and uses them. */
class LocalInfraIT {

    private static Path dir;

    @BeforeAll
    static void workDir() throws Exception {
        dir = Files.createTempDirectory("mkt-infra-it-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterAll
    static void cleanUp() {
        Processes.deleteTree(dir);
    }

    @Test
    void postgresStoresChineseTextAndSurvivesRestart() throws Exception {
        Path binaries = PostgresServer.install(dir.resolve("dist"));
        PostgresServer pg = new PostgresServer(binaries, dir.resolve("pg/data"), dir.resolve("pg/pg.log"),
                Processes.freePort(), "s3cret-superuser", false);
        pg.initIfNeeded();
        pg.start();
        try {
            assertTrue(pg.running());
            pg.ensureDatabase("customer", "customer", "pw1");
            pg.ensureDatabase("customer", "customer", "pw1"); // twice is harmless
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("customer"), "customer", "pw1");
                 Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (name text)");
                st.execute("INSERT INTO t VALUES ('南昌分公司·张三')");
            }
            pg.stop();
            assertFalse(pg.running());
            pg.start();
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("customer"), "customer", "pw1");
                 Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name FROM t")) {
                assertTrue(rs.next());
                assertEquals("南昌分公司·张三", rs.getString(1));
            }
        } finally {
            pg.stop();
        }
    }

    @Test
    void kafkaBrokerStartsAndCreatesTopics() {
        KafkaBroker kafka = new KafkaBroker(dir.resolve("kafka"), Processes.freePort(), Processes.freePort(), "256m", 1);
        long pid = kafka.start();
        try {
            kafka.awaitReady(pid, Duration.ofSeconds(120));
            kafka.createTopics(Map.of("customer.events", 3, "customer.events.dlq", 1));
            kafka.createTopics(Map.of("customer.events", 3)); // existing topics are left alone
        } finally {
            Processes.terminate(pid, Duration.ofSeconds(20));
        }
        assertFalse(Processes.alive(pid));
    }
}
