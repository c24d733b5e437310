package com.example.mkt.launcher;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far each consuming service's group is behind on sales.events: end offsets minus committed offsets. */
final class BenchLag implements AutoCloseable {

    static final String TOPIC = "sales.events";
    /** The consumer groups of sales.events, by service (their mp.messaging.incoming.sales.group.id). */
    static final Map<String, String> GROUPS = new LinkedHashMap<>(Map.of(
            "kpi-service", "kpi-service.sales",
            "customer-service", "customer-service.sales",
            "campaign-service", "campaign-service.sales"));

    private final Admin admin;

    BenchLag(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "platform-bench"));
    }

    /** Records every service has processed so far (committed), summed over partitions: the slowest one's count. */
    long processedBySlowest() {
        try {
            long slowest = Long.MAX_VALUE;
            for (String group : GROUPS.values()) {
                long sum = 0;
                for (OffsetAndMetadata c : admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS).values()) {
                    sum += c == null ? 0 : c.offset();
                }
                slowest = Math.min(slowest, sum);
            }
            return slowest;
        } catch (Exception e) {
            throw new PlatformException("cannot read committed offsets: " + e);
        }
    }

    /** Records behind, per service. */
    Map<String, Long> lag() {
        try {
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
            for (Map.Entry<String, String> g : GROUPS.entrySet()) {
                committed.put(g.getKey(), admin.listConsumerGroupOffsets(g.getValue()).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS));
            }
            List<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(TOPIC).partitions().stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            Map<String, Long> lag = new LinkedHashMap<>();
            committed.forEach((service, offsets) -> {
                long behind = 0;
                for (TopicPartition p : partitions) {
                    OffsetAndMetadata c = offsets.get(p);
                    behind += ends.get(p).offset() - (c == null ? 0 : c.offset());
                }
                lag.put(service, behind);
            });
            return lag;
        } catch (Exception e) {
            throw new PlatformException("cannot read consumer lag: " + e);
        }
    }

    /** Seconds from {@code startNanos} until each service's lag first read 0 (polled every 100 ms). */
    Map<String, Double> awaitCaughtUp(long startNanos, long timeoutSeconds) {
        Map<String, Double> caughtUp = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (caughtUp.size() < GROUPS.size()) {
            if (System.nanoTime() > deadline) {
                throw new PlatformException("consumers still behind after " + timeoutSeconds + " s: " + lag());
            }
            long now = System.nanoTime();
            lag().forEach((service, behind) -> {
                if (behind == 0) {
                    caughtUp.putIfAbsent(service, (now - startNanos) / 1e9);
                }
            });
            BenchSetup.sleep(100);
        }
        return caughtUp;
    }

    @Override
    public void close() {
        admin.close();
    }
}
