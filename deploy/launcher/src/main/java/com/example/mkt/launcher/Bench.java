package com.example.mkt.launcher;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code ./platform bench}: the sales pipeline measured from the outside on a running platform, in one run beside
 * the raw Kafka rate of the same broker. Phases: setup (idempotent), anchor, warm-up, throughput with per-consumer
 * catch-up, latency at a fixed rate, reads through the gateway against direct, exactness. Prints one table and a
 * last, machine-readable line; fails (exit 1) when the totals are not exact.
 */
final class Bench {

    private final Layout layout;
    private final Settings settings;
    private final Console console;
    private final BenchOptions options;
    private final BenchHttp http = new BenchHttp();
    private final BenchCompilerTime compilers = new BenchCompilerTime();

    Bench(Layout layout, Settings settings, Console console, BenchOptions options) {
        this.layout = layout;
        this.settings = settings;
        this.console = console;
        this.options = options;
    }

    /** @return whether every figure came out exact */
    boolean run() throws Exception {
        int gatewayPort = port("gateway");
        if (!Health.ready(new ServiceProcess(ServiceSpec.byName("gateway").orElseThrow(), layout)
                .managementPort(settings))) {
            throw new PlatformException("the gateway on port " + gatewayPort + " is not ready: start the platform with"
                    + " ./platform up first (or check ./platform status)");
        }
        String gateway = "http://127.0.0.1:" + gatewayPort;
        String bootstrap = settings.externalKafka().orElse("127.0.0.1:"
                + new EmbeddedKafka(layout, settings.kafkaPort(), settings.kafkaControllerPort()).port());
        String apiKey = DevApiClient.key(Secrets.open(layout.secrets()));
        DevTokens tokens = new DevTokens(layout.jwtDir());
        LocalDate today = LocalDate.now(BenchSales.SHANGHAI);
        String month = YearMonth.from(today).toString();
        BenchReport report = new BenchReport();
        report.put("load average before", BenchCpu.loadAverage());

        console.step("setup: org tree, 200 salespeople, this month's campaign (idempotent)");
        BenchSetup setup = new BenchSetup(http, gateway, tokens, console);
        BenchWorld world = setup.run(today);
        Map<String, String> gm = setup.as("gm", "bench-gm");
        BenchSales sales = new BenchSales(UUID.randomUUID().toString().substring(0, 8), world);
        BenchLoad load = new BenchLoad(http, gateway, apiKey);
        BigDecimal kpiBefore = cell(gateway, gm, world.region(), month);
        BigDecimal campaignBefore = campaignTotal(gateway, gm, world.campaignId());

        int recordSize = recordSize(load, sales, bootstrap);
        console.step("anchor: ProducerPerformance, " + BenchAnchor.RUNS + " runs of " + options.anchorRecords()
                + " records of " + recordSize + " bytes");
        double[] anchors = new BenchAnchor(bootstrap, layout.logs()).runs(options.anchorRecords(), recordSize, 6);
        double anchor = BenchAnchor.median(anchors);
        report.put("anchor (raw produce, acks=all, idempotent, lz4)", fmt(anchor) + " rec/s, the median of "
                + Arrays.stream(anchors).mapToObj(Bench::fmt).collect(Collectors.joining(" / ")));

        String progressPath = "/api/v1/campaigns/" + world.campaignId() + "/progress";
        String direct = "http://127.0.0.1:" + port("campaign-service") + progressPath;
        List<Map<String, String>> readers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            readers.add(setup.as("analyst", "bench-reader-" + i));
        }
        if (options.warmup() > 0) {
            String cell = BenchLatency.cellUrl(gateway, world.probeUnit(), month);
            warmUp(options, load, sales, bootstrap, report,
                    () -> new BenchWarmReads(http, List.of(gateway + progressPath, direct), readers, cell, gm));
        }
        console.step("throughput: " + options.events() + " sales, " + options.clients() + " clients, batches of "
                + options.batch());
        double e2e;
        Map<String, OptionalLong> heapBefore = liveHeaps();
        Map<String, Double> cpuBefore = cpu();
        double[] servicesBefore = servicesCpu();
        Map<String, Double> cpuAfter;
        try (BenchLag lag = new BenchLag(bootstrap); BenchPace pace = new BenchPace(lag)) {
            long start = System.nanoTime();
            BenchLoad.Result sent = load.send(sales, options.events(), options.clients(), options.batch());
            report.put("gateway accepted", fmt(sent.perSecond()) + " events/s (" + sent.throttled() + " waits on 429)");
            Map<String, Double> caughtUp = lag.awaitCaughtUp(start, Math.max(600, options.events() / 50));
            caughtUp.forEach((service, s) -> report.put("caught up: " + service, String.format(Locale.ROOT, "%.1f s", s)));
            e2e = options.events() / caughtUp.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            report.put("end to end", fmt(e2e) + " events/s");
            report.put("end to end / anchor", String.format(Locale.ROOT, "%.1f %%", 100 * e2e / anchor));
            double[] tenths = pace.firstAndLastTenth(options.events());
            report.put("end to end, first / last tenth", tenths == null ? "not measured (" + pace.describe() + ")"
                    : String.format(Locale.ROOT, "%s / %s events/s", fmt(tenths[0]), fmt(tenths[1])));
            double[] each = pace.tenths(options.events());
            if (each != null) {
                // the last tenths can run faster than the first: once the gateway has taken every sale, the
                // consumers have the machine to themselves for the backlog
                report.put("end to end, each tenth", Arrays.stream(each)
                        .mapToObj(r -> Double.isNaN(r) ? "-" : fmt(r)).collect(Collectors.joining(" "))
                        + " events/s");
            }
            cpuAfter = cpu();
            double[] servicesAfter = servicesCpu();
            report.put("JIT compilers' share of the services' CPU (throughput phase)", String.format(Locale.ROOT,
                    "%.0f %%", 100 * (servicesAfter[1] - servicesBefore[1]) / (servicesAfter[0] - servicesBefore[0])));
            report.put("heap after a full collection, before / after (MB)", heapGrowth(heapBefore, liveHeaps()));

            console.step("latency: " + options.probes() + " probes at " + options.rate() + " events/s of background");
            long[] latency = new BenchLatency(http, gateway, gm, load, month, world.probeUnit())
                    .run(sales, options.rate(), options.probes(), apiKey);
            report.p50 = BenchLatency.percentile(latency, 0.50);
            report.p99 = BenchLatency.percentile(latency, 0.99);
            report.put("sale -> KPI visible", "p50 " + report.p50 + " ms, p99 " + report.p99 + " ms");
            lag.awaitCaughtUp(System.nanoTime(), 600);
        }

        console.step("reads: campaign progress through the gateway and direct, after rounds of both until the"
                + " services' JIT compilers settle");
        BenchReads.Result reads = new BenchReads(http, options.reads(), this::servicesCpu)
                .compare(gateway + progressPath, direct, readers, options.clients());
        double readRatio = reads.ratio();
        report.put("reads warm-up rounds (JIT share of the services' CPU)", rounds(reads.warmUp(),
                fmt(options.reads()) + " reads per side"));
        report.put("reads gateway / direct", String.format(Locale.ROOT, "%s / %s req/s = %.2f",
                fmt(reads.viaGateway()), fmt(reads.direct()), readRatio));
        report.put("JIT compilers' share of the services' CPU (reads measured)", String.format(Locale.ROOT,
                "%.0f %%", 100 * reads.compilerShare()));

        BigDecimal kpiWant = kpiBefore.add(sales.total());
        BigDecimal campaignWant = campaignBefore.add(sales.campaignTotal());
        boolean exact = settles(() -> cell(gateway, gm, world.region(), month).compareTo(kpiWant) == 0
                && campaignTotal(gateway, gm, world.campaignId()).compareTo(campaignWant) == 0);
        report.put("exact", exact + " (KPI " + world.region() + " " + cell(gateway, gm, world.region(), month)
                + " of " + kpiWant + ", campaign " + campaignTotal(gateway, gm, world.campaignId()) + " of "
                + campaignWant + ")");
        cpuAfter.forEach((name, s) -> report.put("CPU s (throughput phase): " + name,
                String.format(Locale.ROOT, "%.1f", s - cpuBefore.getOrDefault(name, 0.0))));
        report.put("load average after", BenchCpu.loadAverage());

        console.table(report.rows());
        console.line(String.format(Locale.ROOT, "bench: events=%d anchor_rps=%.0f e2e_rps=%.0f ratio=%.3f p99_ms=%d"
                + " read_ratio=%.2f exact=%s", options.events(), anchor, e2e, e2e / anchor, report.p99, readRatio,
                exact));
        return exact;
    }

    private int port(String service) {
        ServiceSpec spec = ServiceSpec.byName(service).orElseThrow();
        return new ServiceProcess(spec, layout).port(settings);
    }

    /** Warm-up rounds until the services' JIT compilers have settled ({@link BenchWarmUp}); each round is printed. */
    private void warmUp(BenchOptions options, BenchLoad load, BenchSales sales, String bootstrap, BenchReport report,
            Callable<BenchWarmReads> reads) throws Exception {
        console.step("warm-up: rounds of " + options.warmup() + " sales until the services' JIT compilers use under "
                + Math.round(100 * BenchWarmUp.SETTLED) + " % of their CPU or level off (at most " + BenchWarmUp.MAX_ROUNDS
                + ")");
        List<BenchWarmUp.Round> rounds = new BenchWarmUp(this::servicesCpu, n -> {
            try (BenchLag lag = new BenchLag(bootstrap); BenchWarmReads beside = reads.call()) {
                long start = System.nanoTime();
                load.send(sales, n, options.clients(), options.batch());
                lag.awaitCaughtUp(start, 600);
            }
        }).run(options.warmup());
        report.put("warm-up rounds (JIT share of the services' CPU)", rounds(rounds, fmt(options.warmup()) + " sales"));
    }

    /** "4 of 10,000 sales (50 %, 31 %, 20 %, 12 %)": how many rounds of what, and each one's compiler share. */
    static String rounds(List<BenchWarmUp.Round> rounds, String eachOf) {
        return rounds.size() + " of " + eachOf + " (" + rounds.stream()
                .map(r -> Math.round(100 * r.compilerShare()) + " %").collect(Collectors.joining(", ")) + ")";
    }

    /** The five services' CPU seconds and their JIT compilers' part of them. */
    private double[] servicesCpu() {
        List<Long> pids = new ArrayList<>(servicePids().values());
        double cpu = pids.stream().mapToDouble(BenchCpu::seconds).sum();
        return new double[] { cpu, compilers.seconds(pids) };
    }

    /** Each service's heap in use after a full collection ({@link BenchHeap}), in MB. */
    private Map<String, OptionalLong> liveHeaps() {
        BenchHeap heap = BenchHeap.ofThisJdk();
        Map<String, OptionalLong> live = new LinkedHashMap<>();
        servicePids().forEach((name, pid) -> live.put(name, heap.liveMegabytes(pid)));
        return live;
    }

    /** The pid of every service that runs, by name, in the platform's order. */
    private Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            new ServiceProcess(spec, layout).pid().ifPresent(pid -> pids.put(spec.name(), pid));
        }
        return pids;
    }

    /** "gateway 27 / 28, customer-service 25 / 26, ...": "?" where a side was not measured. */
    static String heapGrowth(Map<String, OptionalLong> before, Map<String, OptionalLong> after) {
        return before.keySet().stream().map(name -> name + " " + mb(before.get(name)) + " / "
                + mb(after.getOrDefault(name, OptionalLong.empty()))).collect(Collectors.joining(", "));
    }

    private static String mb(OptionalLong megabytes) {
        return megabytes.isPresent() ? Long.toString(megabytes.getAsLong()) : "?";
    }

    /** CPU seconds so far of every component that runs here. */
    private Map<String, Double> cpu() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        new EmbeddedPostgres(layout, settings.postgresPort(), Secrets.open(layout.secrets())).pid()
                .ifPresent(pid -> seconds.put("postgres", BenchCpu.seconds(pid)));
        new EmbeddedKafka(layout, settings.kafkaPort(), settings.kafkaControllerPort()).pid()
                .ifPresent(pid -> seconds.put("kafka", BenchCpu.seconds(pid)));
        servicePids().forEach((name, pid) -> seconds.put(name, BenchCpu.seconds(pid)));
        return seconds;
    }

    /**
     * The size of a record the gateway writes: one sale sent through it, read back from sales.events.
     */
    private int recordSize(BenchLoad load, BenchSales sales, String bootstrap) {
        String body = sales.batch(1);
        String eventId = parse(body).path("events").get(0).path("eventId").asText();
        load.post(body, 1, new java.util.concurrent.atomic.AtomicLong());
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(BenchLag.TOPIC).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(0, consumer.position(tp) - 5));
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (new String(r.value(), StandardCharsets.UTF_8).contains(eventId)) {
                        return r.value().length + (r.key() == null ? 0 : r.key().length);
                    }
                }
            }
        }
        throw new PlatformException("could not read back the sale " + eventId + " from " + BenchLag.TOPIC);
    }

    private static JsonNode parse(String json) {
        try {
            return BenchHttp.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private BigDecimal cell(String gateway, Map<String, String> gm, String unit, String month) {
        return ApiReads.salesAmount(http, gateway, gm, unit, month);
    }

    private BigDecimal campaignTotal(String gateway, Map<String, String> gm, String campaignId) {
        return ApiReads.campaignTotal(http, gateway, gm, campaignId);
    }

    private static boolean settles(java.util.function.BooleanSupplier condition) {
        return ApiReads.settles(condition, 30);
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** The figures in the order measured. */
    static final class BenchReport {
        private final Map<String, String> figures = new LinkedHashMap<>();
        long p50;
        long p99;

        void put(String figure, String value) {
            figures.put(figure, value);
        }

        List<List<String>> rows() {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("FIGURE", "VALUE"));
            figures.forEach((k, v) -> rows.add(List.of(k, v)));
            return rows;
        }
    }
}
