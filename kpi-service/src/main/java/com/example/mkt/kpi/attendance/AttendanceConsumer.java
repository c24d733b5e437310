package com.example.mkt.kpi.attendance;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.example.mkt.eventing.consumer.EventConsumer;
import com.example.mkt.eventing.consumer.InboundEvent;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps planning-service's attendance records ({@code staff.attendance-recorded} on {@code planning.events}) per
 * staff member and month for the scorecard run. Idempotent through the inbox (envelope id), and by version: a
 * batch is grouped per staff member and month in memory (the highest version wins) and written with one statement,
 * which also leaves a newer stored version alone, so a replayed old record changes nothing. Every other type on the
 * topic is ignored without an inbox entry.
 */
@ApplicationScoped
public class AttendanceConsumer {

    static final String CONSUMER = "kpi-service.attendance";

    private final EventConsumer consumer;
    private final DataSource dataSource;

    public AttendanceConsumer(EventConsumer consumer, DataSource dataSource) {
        this.consumer = consumer;
        this.dataSource = dataSource;
    }

    @Incoming("attendance")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        consumer.consume(CONSUMER, records, e -> e.envelope().id(), AttendanceConsumer::isAttendance, this::apply);
    }

    private static boolean isAttendance(InboundEvent e) {
        return RecordedAttendance.TYPE.equals(e.type());
    }

    private void apply(List<InboundEvent> events) throws Exception {
        Map<String, RecordedAttendance> newest = new LinkedHashMap<>();
        for (InboundEvent e : events) {
            if (isAttendance(e)) {
                RecordedAttendance r = RecordedAttendance.read(e.envelope().data());
                newest.merge(r.staffId() + "/" + r.month(), r, (a, b) -> b.version() > a.version() ? b : a);
            }
        }
        if (newest.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            AttendanceStore.upsert(c, newest.values());
        }
    }
}
