package com.example.mkt.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** The platform's topics and their dead-letter topics, created on whichever Kafka the services use. */
final class Topics {

    static final List<String> EVENT_TOPICS = List.of("sales.events", "customer.events", "campaign.events",
            "kpi.events", "planning.events");
    static final int PARTITIONS = 6;
    /** Dead letters are rare and read by hand: one partition keeps them in order. */
    static final int DLQ_PARTITIONS = 1;

    private Topics() {
    }

    static Map<String, Integer> wanted() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String topic : EVENT_TOPICS) {
            topics.put(topic, PARTITIONS);
        }
        for (String topic : EVENT_TOPICS) {
            topics.put(topic + ".dlq", DLQ_PARTITIONS);
        }
        return topics;
    }

    /** Creates the missing topics; returns how many were created. Existing topics are left as they are. */
    static int ensure(String bootstrapServers, Map<String, Integer> partitionsByTopic) {
        try (Admin admin = admin(bootstrapServers)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            // The replication factor is left to the broker: 1 on ours, whatever an external cluster prefers.
            List<NewTopic> missing = partitionsByTopic.entrySet().stream()
                    .filter(e -> !existing.contains(e.getKey()))
                    .map(e -> new NewTopic(e.getKey(), Optional.of(e.getValue()), Optional.empty())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            return missing.size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return 0;
            }
            throw new PlatformException("cannot create the topics on " + bootstrapServers + ": " + e.getCause(), e);
        } catch (Exception e) {
            throw new PlatformException("cannot create the topics on " + bootstrapServers + ": " + e, e);
        }
    }

    /** Fails early when a Kafka given by PLATFORM_KAFKA does not answer. */
    static void checkReachable(String bootstrapServers) {
        try (Admin admin = admin(bootstrapServers)) {
            admin.describeCluster().nodes().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new PlatformException("cannot reach the Kafka in " + Settings.KAFKA + " (" + bootstrapServers + "): "
                    + (e instanceof ExecutionException ? e.getCause() : e), e);
        }
    }

    private static Admin admin(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000);
        return Admin.create(props);
    }
}
