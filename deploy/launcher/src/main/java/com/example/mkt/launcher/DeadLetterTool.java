package com.example.mkt.launcher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What operations need from the dead-letter topics: list them with their reasons, show one whole, and publish chosen
 * ones again to the topic they came from once the cause is fixed. A replayed record is the original, key and value
 * unchanged, so every consumer recognises an event it already applied (by its id) and applies the others once;
 * the consumers that dead-lettered it try it again. Reading never commits offsets: the dead letters stay for the
 * next look.
 */
final class DeadLetterTool {

    /** One dead letter, with the headers the consumer wrote (dlq-reason, dlq-consumer, dlq-original-topic...). */
    record DeadLetter(String topic, int partition, long offset, String key, String value, Map<String, String> headers,
            Instant timestamp) {

        Instant failedAt() {
            try {
                return Instant.parse(headers.getOrDefault("dlq-failed-at", timestamp.toString()));
            } catch (RuntimeException e) {
                return timestamp;
            }
        }

        String originalTopic() {
            return headers.getOrDefault("dlq-original-topic",
                    topic.substring(0, topic.length() - DeadLetterRequest.SUFFIX.length()));
        }

        /** The sale's own eventId, else the envelope's id; empty when the record is not a JSON envelope. */
        String eventId() {
            JsonNode envelope = envelope();
            String saleId = envelope.path("data").path("eventId").asText("");
            return saleId.isEmpty() ? envelope.path("id").asText("") : saleId;
        }

        String type() {
            return envelope().path("type").asText("");
        }

        private JsonNode envelope() {
            try {
                JsonNode node = BenchHttp.JSON.readTree(value == null ? "" : value);
                return node == null ? BenchHttp.JSON.createObjectNode() : node;
            } catch (Exception e) {
                return BenchHttp.JSON.createObjectNode();
            }
        }
    }

    private final String bootstrap;
    private final Console console;

    DeadLetterTool(String bootstrap, Console console) {
        this.bootstrap = bootstrap;
        this.console = console;
    }

    void run(DeadLetterRequest request) {
        switch (request.action()) {
            case LIST -> list(request);
            case SHOW -> show(request);
            case REPLAY -> replay(request);
        }
    }

    private void list(DeadLetterRequest request) {
        List<String> topics = request.deadLetterTopic().map(List::of)
                .orElse(Topics.EVENT_TOPICS.stream().map(t -> t + DeadLetterRequest.SUFFIX).toList());
        for (String topic : topics) {
            List<DeadLetter> letters = read(topic);
            console.step(topic + ": " + letters.size() + " dead letter" + (letters.size() == 1 ? "" : "s"));
            if (letters.isEmpty()) {
                continue;
            }
            console.table(rows(letters));
        }
    }

    /**
     * One row per original record: each consumer of a topic dead-letters a bad record on its own, so one record may
     * be there once per consumer; the row names them all, with the dead letters' offsets (any of them replays it).
     */
    static List<List<String>> rows(List<DeadLetter> letters) {
        Map<String, List<DeadLetter>> byOriginal = new LinkedHashMap<>();
        for (DeadLetter l : letters) {
            String original = l.headers().containsKey("dlq-original-offset")
                    ? l.originalTopic() + "-" + l.headers().getOrDefault("dlq-original-partition", "?") + "@"
                            + l.headers().get("dlq-original-offset")
                    : l.topic() + "@" + l.offset();
            byOriginal.computeIfAbsent(original, k -> new ArrayList<>()).add(l);
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("OFFSET", "ORIGINAL", "FAILED AT", "CONSUMERS", "TYPE", "EVENT ID", "REASON"));
        byOriginal.forEach((original, group) -> {
            DeadLetter first = group.get(0);
            String offsets = group.stream().map(l -> Long.toString(l.offset())).collect(java.util.stream.Collectors
                    .joining(","));
            String consumers = group.stream().map(l -> l.headers().getOrDefault("dlq-consumer", "?")).distinct()
                    .collect(java.util.stream.Collectors.joining(","));
            long reasons = group.stream().map(l -> l.headers().getOrDefault("dlq-reason", "")).distinct().count();
            String reason = cut(first.headers().getOrDefault("dlq-reason", ""), 100)
                    + (reasons > 1 ? " (+" + (reasons - 1) + " other reasons: dlq show)" : "");
            rows.add(List.of(offsets, original, first.failedAt().toString(), consumers, first.type(), first.eventId(),
                    reason));
        });
        return rows;
    }

    private void show(DeadLetterRequest request) {
        String topic = request.deadLetterTopic().orElseThrow();
        DeadLetter letter = read(topic).stream().filter(l -> l.offset() == request.offset().getAsLong()).findFirst()
                .orElseThrow(() -> new PlatformException("no dead letter at offset " + request.offset().getAsLong()
                        + " of " + topic + " (./platform dlq list " + topic + ")"));
        console.line(topic + " offset " + letter.offset() + ", key " + letter.key());
        letter.headers().forEach((name, value) -> console.line("  " + name + ": "
                + (name.equals("dlq-stacktrace") ? cut(value, 600) : value)));
        console.line(letter.value());
    }

    private void replay(DeadLetterRequest request) {
        String topic = request.deadLetterTopic().orElseThrow();
        List<DeadLetter> chosen = read(topic).stream().filter(request::chooses).toList();
        if (chosen.isEmpty()) {
            throw new PlatformException("no dead letter of " + topic + " matches (./platform dlq list " + topic + ")");
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (DeadLetter letter : chosen) {
                ProducerRecord<String, String> again = new ProducerRecord<>(letter.originalTopic(), null, letter.key(),
                        letter.value());
                letter.headers().forEach((name, value) -> {
                    if (!name.startsWith("dlq-")) {
                        again.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
                    }
                });
                again.headers().add("dlq-replayed-from", (topic + "@" + letter.offset()).getBytes(StandardCharsets.UTF_8));
                producer.send(again).get(30, TimeUnit.SECONDS);
                console.line("replayed " + topic + "@" + letter.offset() + " (" + letter.eventId() + ") to "
                        + letter.originalTopic());
            }
        } catch (Exception e) {
            throw new PlatformException("cannot replay to Kafka at " + bootstrap + ": " + e, e);
        }
        console.line(chosen.size() + " dead letter" + (chosen.size() == 1 ? "" : "s") + " replayed; consumers apply"
                + " each event once, whatever they applied before");
    }

    /** Every record of a dead-letter topic, in offset order, without committing anything. */
    List<DeadLetter> read(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new PlatformException("reading " + topic + " took longer than 60 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
                    }
                    letters.add(new DeadLetter(topic, r.partition(), r.offset(), r.key(), r.value(), headers,
                            Instant.ofEpochMilli(r.timestamp())));
                }
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new PlatformException("cannot read " + topic + " from Kafka at " + bootstrap + ": " + e, e);
        }
        return letters;
    }

    private static String cut(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
