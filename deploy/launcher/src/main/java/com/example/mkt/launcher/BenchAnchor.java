package com.example.mkt.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import com.example.mkt.infra.KafkaBroker;
import com.example.mkt.infra.Processes;

/**
 * The raw-produce anchor: Kafka's own ProducerPerformance against the same broker, in its own JVM, with records the
 * size the gateway writes and the gateway's producer guarantees (acks=all, idempotent, lz4). What the pipeline
 * achieves is judged against this figure, measured in the same run on the same machine.
 */
final class BenchAnchor {

    static final String TOPIC = "bench.anchor";
    /** Runs per bench, of which the median counts ({@link #median}). */
    static final int RUNS = 3;
    /** How long the anchor's records outlive a bench that never got to delete its topic. */
    static final long RETENTION_MS = Duration.ofMinutes(10).toMillis();
    private static final Pattern SUMMARY = Pattern.compile("^(\\d+) records sent, ([0-9.]+) records/sec");

    private final String bootstrap;
    private final Path logDir;

    BenchAnchor(String bootstrap, Path logDir) {
        this.bootstrap = bootstrap;
        this.logDir = logDir;
    }

    /**
     * Runs the tool {@link #RUNS} times; the rates in the order measured. One run moved by a third between runs minutes
     * apart on an otherwise idle machine (71,256 and 94,895 rec/s), and the pipeline's ratio inherited that noise.
     */
    double[] runs(int records, int recordSize, int partitions) throws Exception {
        double[] rates = new double[RUNS];
        try {
            for (int i = 0; i < RUNS; i++) {
                rates[i] = run(records, recordSize, partitions);
            }
        } catch (Exception e) {
            try {
                deleteTopic();
            } catch (Exception cleanup) {
                e.addSuppressed(cleanup); // why the runs failed matters more than the leftover records
            }
            throw e;
        }
        deleteTopic();
        return rates;
    }

    /**
     * The anchor's records are worth nothing once counted, and each bench writes 0.8 GB of them: kept for the broker's
     * default week, fifty benches filled a 77 GB disk and stopped the platform. The topic goes when the runs end; a
     * bench killed before that leaves records that expire within minutes ({@link #RETENTION_MS}).
     */
    private void deleteTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(TOPIC)) {
                admin.deleteTopics(List.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The middle rate: what the broker does on this machine, neither its best nor its worst minute. */
    static double median(double[] rates) {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Records per second, from the tool's closing summary line. */
    double run(int records, int recordSize, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1)
                        .configs(Map.of("retention.ms", Long.toString(RETENTION_MS))))).all().get(10, TimeUnit.SECONDS);
            }
        }
        List<String> command = new ArrayList<>(List.of(Processes.javaExecutable(), "-Xmx256m", "-cp",
                KafkaBroker.classpath(), "org.apache.kafka.tools.ProducerPerformance", "--topic", TOPIC,
                "--num-records", Integer.toString(records), "--record-size", Integer.toString(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all",
                "enable.idempotence=true", "compression.type=lz4", "linger.ms=5"));
        Files.createDirectories(logDir);
        Path out = logDir.resolve("bench-anchor.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(Duration.ofMinutes(10).toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new PlatformException("ProducerPerformance did not finish in 10 minutes; see " + out);
        }
        return parse(Files.readAllLines(out)).orElseThrow(() -> new PlatformException(
                "ProducerPerformance printed no summary (exit " + p.exitValue() + "); see " + out));
    }

    /** The rate of the last summary line, e.g. "500000 records sent, 123456.7 records/sec (60.28 MB/sec), ...". */
    static java.util.Optional<Double> parse(List<String> lines) {
        Double rate = null;
        for (String line : lines) {
            Matcher m = SUMMARY.matcher(line.trim());
            if (m.find() && line.contains("50th")) {
                rate = Double.parseDouble(m.group(2));
            }
        }
        return java.util.Optional.ofNullable(rate);
    }
}
