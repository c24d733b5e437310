package com.example.mkt.eventing;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.HealthGroup;

/**
 * Whether the Kafka broker answers, kept OUT of readiness: the outbox lets a service take writes while the broker
 * is away, so a broker outage must not take every pod out of its Service. A background probe (2 s deadline, every
 * 10 s) keeps the last answer, so {@code /q/health/group/kafka} replies at once; the gauge
 * {@code eventing_kafka_broker_up} is what an alert watches. Quarkus' own Kafka check waited up to 60 s for the
 * broker on every readiness call.
 */
@ApplicationScoped
@HealthGroup("kafka")
public class KafkaBrokerHealth implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(KafkaBrokerHealth.class);
    private static final int DEADLINE_MS = 2_000;

    private final Map<String, Object> kafkaConfig;
    private volatile Admin admin;
    private volatile boolean up;
    private volatile Instant checkedAt;
    private volatile String reason = "not probed yet";

    public KafkaBrokerHealth(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            MeterRegistry registry) {
        this.kafkaConfig = kafkaConfig;
        registry.gauge("eventing.kafka.broker.up", this, h -> h.up ? 1 : 0);
    }

    @Scheduled(every = "10s", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(DEADLINE_MS)).nodes()
                    .get(DEADLINE_MS + 500L, TimeUnit.MILLISECONDS).size();
            if (!up) {
                LOG.infof("Kafka broker reachable (%d nodes)", nodes);
            }
            up = nodes > 0;
            reason = up ? null : "no broker nodes";
        } catch (Exception e) {
            if (up) {
                LOG.warnf("Kafka broker unreachable: %s", e.toString());
            }
            up = false;
            reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } finally {
            checkedAt = Instant.now();
        }
    }

    /** The last probe's answer: whether the broker answered. */
    public boolean up() {
        return up;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Kafka broker").status(up)
                .withData("checkedAt", String.valueOf(checkedAt));
        if (!up) {
            response.withData("reason", reason);
        }
        return response.build();
    }

    private Admin admin() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> config = new java.util.HashMap<>(KafkaConnection.of(kafkaConfig));
                    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, DEADLINE_MS);
                    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, DEADLINE_MS);
                    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "broker-health");
                    admin = Admin.create(config);
                }
                a = admin;
            }
        }
        return a;
    }

    @PreDestroy
    void close() {
        Admin a = admin;
        if (a != null) {
            a.close(java.time.Duration.ofSeconds(2));
        }
    }
}
