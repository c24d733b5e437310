package com.example.mkt.testinfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What a database served, from pg_stat_statements (preloaded by libs/infra, enabled in every database it creates):
 * statements executed, rows returned or written, and shared buffers touched, per normalised statement. Tests take a
 * snapshot before and after a step and compare the difference, e.g. to prove that the cost of a batch stays flat
 * while the stored history grows. Counting statements instead of timing them keeps such tests independent of the
 * machine's speed.
 */
public final class StatementStats {

    private static final String QUERY = "SELECT s.queryid, s.query, s.calls, s.rows,"
            + " s.shared_blks_hit + s.shared_blks_read AS blocks"
            + " FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid"
            + " WHERE d.datname = current_database() AND s.query NOT LIKE '%pg_stat_statements%'";

    private final String jdbcUrl;
    private final String username;
    private final String password;

    private StatementStats(String jdbcUrl, String username, String password) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    public static StatementStats of(String jdbcUrl, String username, String password) {
        return new StatementStats(jdbcUrl, username, password);
    }

    /** The statistics of the running Quarkus test's own database. */
    public static StatementStats ofQuarkusDatasource() {
        var config = ConfigProvider.getConfig();
        return of(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /**
     * Statements a service's own background runs while a test measures something else: the outbox relay's polling
     * and marking, scheduled jobs' try-locks and pruning, session and transaction chatter.
     */
    public static boolean notBackground(String query) {
        // the relay's reads and marks, its parking updates and the outbox gauges' query (every 15 s) run on their own
        return !query.startsWith("SELECT id, topic, event_key") && !query.startsWith("UPDATE eventing_outbox")
                && !query.startsWith("SELECT (SELECT count(*) FROM eventing_outbox")
                && !query.contains("pg_try_advisory_xact_lock") && !query.startsWith("DELETE FROM eventing_")
                && !query.startsWith("SET ") && !query.startsWith("SHOW ") && !query.equals("BEGIN")
                && !query.equals("COMMIT") && !query.equals("ROLLBACK") && !savepoint(query);
    }

    /**
     * Savepoint commands: transaction control like BEGIN and COMMIT (libs/eventing's FreshRows sets one around each
     * insert of new rows), a round trip each and no work on data.
     */
    private static boolean savepoint(String query) {
        return query.startsWith("SAVEPOINT ") || query.startsWith("RELEASE SAVEPOINT ")
                || query.startsWith("ROLLBACK TO SAVEPOINT ");
    }

    /** What one step cost the database, and the heap after it (after full collections). */
    public record StepCost(long statements, long rows, long blocks, long heapMb, String top) {
    }

    /**
     * Runs {@code step} (e.g. one batch through a consumer bean) and reports what it cost: the statements that match
     * {@code ofTheStep} (usually {@link #notBackground}), their rows and buffers, and the used heap after it.
     */
    public StepCost measure(Runnable step, Predicate<String> ofTheStep) {
        Snapshot before = snapshot();
        step.run();
        Snapshot cost = snapshot().minus(before).matching(ofTheStep);
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return new StepCost(cost.calls(), cost.rows(), cost.blocks(), (rt.totalMemory() - rt.freeMemory()) >> 20,
                cost.top(20));
    }

    /**
     * The cost of the measurement of {@code step}, run {@code tries} times, that issued the fewest statements. The
     * counts are the whole database's: a statement of one of the service's own scheduled jobs that lands inside a
     * measured step counts as the step's ({@code DayGrainCostIT} in CI, 2026-12-08: 8 statements against 7). What a
     * step itself issues is the same every time and background only adds, so the least is the step's. For comparing
     * two steps' counts exactly; a bound with headroom can take one {@link #measure}.
     */
    public StepCost measureFewest(Runnable step, Predicate<String> ofTheStep, int tries) {
        StepCost least = null;
        for (int i = 0; i < tries; i++) {
            StepCost cost = measure(step, ofTheStep);
            if (least == null || cost.statements() < least.statements()) {
                least = cost;
            }
        }
        return least;
    }

    /** One polled batch of {@code topic}, as a batch consumer receives it: key and CloudEvents value per record. */
    public static org.apache.kafka.clients.consumer.ConsumerRecords<String, String> batch(String topic,
            Map<String, String> valuesByKey) {
        java.util.List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records =
                new java.util.ArrayList<>();
        long offset = 0;
        for (Map.Entry<String, String> e : valuesByKey.entrySet()) {
            records.add(new org.apache.kafka.clients.consumer.ConsumerRecord<>(topic, 0, offset++, e.getKey(),
                    e.getValue()));
        }
        return new org.apache.kafka.clients.consumer.ConsumerRecords<>(
                Map.of(new org.apache.kafka.common.TopicPartition(topic, 0), records), Map.of());
    }

    public Snapshot snapshot() {
        try (Connection c = DriverManager.getConnection(jdbcUrl, username, password);
             PreparedStatement ps = c.prepareStatement(QUERY);
             ResultSet rs = ps.executeQuery()) {
            Map<String, Statement> byQuery = new LinkedHashMap<>();
            while (rs.next()) {
                // one normalised statement may appear once per user: summed
                byQuery.merge(rs.getString("query"), new Statement(rs.getString("query"), rs.getLong("calls"),
                        rs.getLong("rows"), rs.getLong("blocks")), Statement::plus);
            }
            return new Snapshot(byQuery);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_statements of " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /** One normalised statement: times executed, rows returned or affected, shared buffers hit or read. */
    public record Statement(String query, long calls, long rows, long blocks) {

        Statement plus(Statement other) {
            return new Statement(query, calls + other.calls, rows + other.rows, blocks + other.blocks);
        }

        Statement minus(Statement other) {
            return other == null ? this
                    : new Statement(query, calls - other.calls, rows - other.rows, blocks - other.blocks);
        }
    }

    /** Counters at one moment, or the difference of two moments. */
    public record Snapshot(Map<String, Statement> byQuery) {

        public Snapshot minus(Snapshot before) {
            Map<String, Statement> diff = new LinkedHashMap<>();
            byQuery.forEach((query, now) -> {
                Statement d = now.minus(before.byQuery.get(query));
                if (d.calls() > 0) {
                    diff.put(query, d);
                }
            });
            return new Snapshot(diff);
        }

        /** Only the statements whose text matches, e.g. to leave out a scheduled job's polling. */
        public Snapshot matching(Predicate<String> query) {
            return new Snapshot(byQuery.entrySet().stream().filter(e -> query.test(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                            LinkedHashMap::new)));
        }

        public long calls() {
            return byQuery.values().stream().mapToLong(Statement::calls).sum();
        }

        public long rows() {
            return byQuery.values().stream().mapToLong(Statement::rows).sum();
        }

        public long blocks() {
            return byQuery.values().stream().mapToLong(Statement::blocks).sum();
        }

        /** The busiest statements, for an assertion's message. */
        public String top(int n) {
            return byQuery.values().stream().sorted(Comparator.comparingLong(Statement::calls).reversed()).limit(n)
                    .map(s -> String.format("%6d calls %8d rows %8d blocks  %s", s.calls(), s.rows(), s.blocks(),
                            s.query().replaceAll("\\s+", " ").substring(0, Math.min(160, s.query().length()))))
                    .collect(Collectors.joining("\n"));
        }
    }
}
