package com.example.mkt.kpi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.StatementStats;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The sales consumer live on the broker at a steady 1,000 sales a second, as {@code ./platform bench} drives it: probe
 * sales of 1.00 to their own unit, five a second, and the probe unit's cell polled every few milliseconds, so each
 * probe's time from the broker's acknowledgement to its KPI cell is known to the poll. It prints the latency
 * percentiles, the batches the consumer formed and what they cost (statements and kpi.measured events per 1,000
 * sales): the figures the consumer's poll settings are tuned by. Only exactness is asserted (every probe arrives
 * once); timings depend on the machine and are printed, never judged.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SaleToKpiLatencyIT {

    private static final int RATE = 1_000;
    private static final int SECONDS = 12;
    /** Load before the measured phase, so that a cold JVM's first batches (JIT, first plans) are not measured. */
    private static final int WARM_UP_SECONDS = 5;
    private static final int PROBES_PER_SECOND = 5;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** The poller's own query (left out of the consumer's statements by its start). */
    private static final String PROBE_CELL = "SELECT numerator FROM kpi_cell WHERE kpi_code = 'SALES_AMOUNT'"
            + " AND org_unit = ?";

    @Inject
    DataSource dataSource;
    @Inject
    OrgDirectory directory;

    private final String s = Fixtures.suffix();

    @Test
    void salesReachTheirKpiCellsWithinAPollOfTheirBatch() throws Exception {
        String hq = "HQ-L" + s;
        String region = "R-L" + s;
        String probe = "B-PROBE-L" + s;
        List<String> branches = new ArrayList<>();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Fixtures.unit(kafka, hq, "总部", "HQ", null);
            Fixtures.unit(kafka, region, "江西省区", "REGION", hq);
            Fixtures.unit(kafka, probe, "探针", "BRANCH", region);
            for (int i = 0; i < 11; i++) {
                branches.add("B" + i + "-L" + s);
                Fixtures.unit(kafka, branches.get(i), "分公司" + i, "BRANCH", region);
            }
        }
        Fixtures.await("org tree", () -> directory.subtree(region).containsAll(branches)
                && directory.exists(probe));
        String month = OffsetDateTime.now(SHANGHAI).toLocalDate().toString().substring(0, 7);
        drive(branches, probe, null, WARM_UP_SECONDS);
        Fixtures.await("warm-up applied", () -> {
            try {
                return count("SELECT count(*) FROM measure_fact WHERE source_id LIKE 'L" + s + "-w%'")
                        >= (long) WARM_UP_SECONDS * RATE;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        int probes = SECONDS * PROBES_PER_SECOND;
        long[] sentAt = new long[probes];
        long[] seenAt = new long[probes];
        StatementStats stats = StatementStats.ofQuarkusDatasource();
        StatementStats.Snapshot before = stats.snapshot();
        long outboxBefore = count("SELECT count(*) FROM eventing_outbox WHERE event_type = 'kpi.measured'");
        double sqlMsBefore = sqlMillis();
        long cpuBefore = processCpuNanos();
        Thread poller = new Thread(() -> poll(probe, month, seenAt), "probe-poller");
        poller.start();
        int sales = drive(branches, probe, sentAt, SECONDS);
        poller.join(60_000);
        double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
        double sqlMs = sqlMillis() - sqlMsBefore;
        StatementStats.Snapshot cost = stats.snapshot().minus(before)
                .matching(q -> StatementStats.notBackground(q) && !q.contains("WHERE parked AND")
                        && !q.startsWith("SELECT numerator FROM kpi_cell"));
        long measured = count("SELECT count(*) FROM eventing_outbox WHERE event_type = 'kpi.measured'") - outboxBefore;
        long batches = cost.byQuery().entrySet().stream().filter(e -> e.getKey().startsWith("INSERT INTO measure_fact"))
                .mapToLong(e -> e.getValue().calls()).sum();
        assertEquals(0, new BigDecimal(probes).compareTo(cell(probe, month)), "every probe counted once");
        long[] latency = new long[probes];
        for (int i = 0; i < probes; i++) {
            latency[i] = (seenAt[i] - sentAt[i]) / 1_000_000;
        }
        Arrays.sort(latency);
        System.out.printf("SaleToKpiLatencyIT: %,d sales at %,d/s, %d probes (sales.events: %s)%n"
                        + "  broker ack -> KPI cell: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n"
                        + "  %d batches (%.0f sales each); per 1,000 sales: %.0f statements, %.0f kpi.measured events,"
                        + " %.0f ms in SQL; %.1f s of CPU in this JVM (producer and poller included)%n",
                sales, RATE, probes, settings(), latency[probes / 2], latency[probes * 9 / 10],
                latency[Math.min(probes - 1, (int) Math.ceil(probes * 0.99) - 1)], latency[probes - 1], batches,
                (double) sales / Math.max(1, batches), cost.calls() * 1000.0 / sales, measured * 1000.0 / sales,
                sqlMs * 1000.0 / sales, cpuSeconds);
    }

    /**
     * Sends RATE sales a second for {@code seconds}, in 10 ms ticks; with {@code sentAt}, a probe every
     * 1/PROBES_PER_SECOND s.
     */
    private int drive(List<String> branches, String probe, long[] sentAt, int seconds) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        int sent = 0;
        int probe0 = 0;
        int ticks = seconds * 100;
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int tick = 0; tick < ticks; tick++) {
                long due = start + tick * 10_000_000L;
                while (System.nanoTime() < due) {
                    Thread.sleep(1);
                }
                String now = OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.SECONDS).toString();
                for (int i = 0; i < RATE / 100; i++) {
                    String id = "L" + s + "-" + (sentAt == null ? "w" : "") + sent++;
                    String unit = branches.get(ThreadLocalRandom.current().nextInt(branches.size()));
                    send(producer, id, Fixtures.sale(id, "SALE", withSeconds(now), unit, "10.00"), null, -1);
                }
                if (sentAt != null && tick % (100 / PROBES_PER_SECOND) == 0) {
                    int n = probe0++;
                    String id = "P" + s + "-" + n;
                    Map<String, Object> sale = Fixtures.sale(id, "SALE", withSeconds(now), probe, "1.00");
                    // one key: the probes stay in order on one partition, so the cell's count names the last one in
                    send(producer, "probe-" + s, sale, sentAt, n);
                    sent++;
                }
            }
            producer.flush();
        }
        return sent;
    }

    /** Sends a sale; for a probe ({@code probe} >= 0) records when the broker acknowledged it. */
    private static void send(KafkaProducer<String, String> producer, String key, Map<String, Object> sale,
            long[] ackedAt, int probe) {
        String eventId = (String) sale.get("eventId");
        String value = Fixtures.envelope("/pos-system", "sales.recorded", "c-" + eventId, sale);
        producer.send(new ProducerRecord<>("sales.events", key, value), (meta, error) -> {
            if (probe >= 0 && error == null) {
                ackedAt[probe] = System.nanoTime();
            }
        });
    }

    /** The schema wants seconds; OffsetDateTime.toString drops ":00". */
    private static String withSeconds(String at) {
        return at.length() == "2026-01-01T10:00+08:00".length() ? at.substring(0, 16) + ":00" + at.substring(16) : at;
    }

    private void poll(String probe, String month, long[] seenAt) {
        int seen = 0;
        long deadline = System.nanoTime() + (SECONDS + 60) * 1_000_000_000L;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(PROBE_CELL + " AND period_key = ?")) {
            ps.setString(1, probe);
            ps.setString(2, month);
            while (seen < seenAt.length && System.nanoTime() < deadline) {
                int now = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        now = rs.getBigDecimal(1).intValue();
                    }
                }
                long at = System.nanoTime();
                while (seen < now && seen < seenAt.length) {
                    seenAt[seen++] = at;
                }
                Thread.sleep(5);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private BigDecimal cell(String unit, String month) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT numerator FROM kpi_cell WHERE kpi_code = 'SALES_AMOUNT' AND org_unit = ? AND period_key = ?")) {
            ps.setString(1, unit);
            ps.setString(2, month);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1) : BigDecimal.ZERO;
            }
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Time PostgreSQL spent executing this database's statements so far (pg_stat_statements), in ms. */
    private double sqlMillis() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(sum(s.total_exec_time), 0) FROM pg_stat_statements s JOIN pg_database d"
                        + " ON d.oid = s.dbid WHERE d.datname = current_database()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The consumer settings in force, for the printout. */
    private static String settings() {
        var config = ConfigProvider.getConfig();
        StringBuilder out = new StringBuilder();
        for (String key : List.of("max.poll.records", "max-queue-size-factor", "fetch.min.bytes",
                "fetch.max.wait.ms")) {
            // the channel's own value, else the connector-wide default (libs/eventing's), else Kafka's
            out.append(key).append('=').append(config.getOptionalValue("mp.messaging.incoming.sales." + key,
                    String.class).or(() -> config.getOptionalValue("mp.messaging.connector.smallrye-kafka." + key,
                    String.class)).orElse("default")).append(' ');
        }
        return out.toString().trim();
    }
}
