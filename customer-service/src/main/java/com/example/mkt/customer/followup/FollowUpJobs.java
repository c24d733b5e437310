package com.example.mkt.customer.followup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.customer.grade.CustomerGrade;
import com.example.mkt.customer.web.CustomerEvents;
import com.example.mkt.customer.web.Times;
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Follow-up generation from each customer's A/B/C cadence and the overdue sweep. Safe with two replicas:
 * generated tasks have deterministic keys (insert-if-absent), and the sweep flips OPEN to OVERDUE with
 * row locks (SKIP LOCKED) and publishes only the rows it flipped itself.
 */
@ApplicationScoped
public class FollowUpJobs {

    private static final int PAGE = 1000;

    public record Overdue(String taskKey, String customerId, String orgUnit, String salesperson, String kind,
            String period, String dueBy, String at) {
    }

    private final DataSource dataSource;
    private final FollowUpPlanner planner;
    private final FollowUpStore store;
    private final Outbox outbox;
    private final Clock clock;

    public FollowUpJobs(DataSource dataSource, FollowUpPlanner planner, FollowUpStore store, Outbox outbox,
            Clock clock) {
        this.dataSource = dataSource;
        this.planner = planner;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(cron = "${customer.jobs.follow-up-cron:0 0 1 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledGeneration() {
        generate();
    }

    @Scheduled(every = "${customer.jobs.overdue-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSweep() {
        markOverdue();
    }

    /** Plans the next call and visit of every graded, active customer; one transaction per page. @return tasks added */
    public int generate() {
        Instant now = clock.instant();
        int added = 0;
        String after = "";
        while (after != null) {
            String from = after;
            Page page = QuarkusTransaction.requiringNew().call(() -> generatePage(from, now));
            added += page.added();
            after = page.next();
        }
        return added;
    }

    private record Page(int added, String next) {
    }

    private Page generatePage(String after, Instant now) throws SQLException {
        List<FollowUpStore.Planned> planned = new ArrayList<>();
        String last = null;
        int rows = 0;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT c.id, c.grade, c.org_unit, c.salesperson, "
                    + "(SELECT max(l.occurred_at) FROM customer_contact_log l WHERE l.customer_id = c.id "
                    + "AND l.channel <> 'VISIT'), "
                    + "(SELECT max(l.occurred_at) FROM customer_contact_log l WHERE l.customer_id = c.id "
                    + "AND l.channel = 'VISIT') "
                    + "FROM customer c WHERE c.id > ? AND c.grade IN ('A', 'B', 'C') AND c.status = 'ACTIVE' "
                    + "ORDER BY c.id LIMIT ?")) {
                ps.setString(1, after);
                ps.setInt(2, PAGE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        last = rs.getString(1);
                        Optional<Instant> lastCall = Optional.ofNullable(rs.getTimestamp(5)).map(Timestamp::toInstant);
                        Optional<Instant> lastVisit = Optional.ofNullable(rs.getTimestamp(6)).map(Timestamp::toInstant);
                        for (FollowUpTask t : planner.nextTasks(last, CustomerGrade.valueOf(rs.getString(2)), lastCall,
                                lastVisit, now)) {
                            planned.add(new FollowUpStore.Planned(t, rs.getString(3), rs.getString(4)));
                        }
                    }
                }
            }
            int added = store.insertIfAbsent(c, planned, now);
            return new Page(added, rows < PAGE ? null : last);
        }
    }

    /** @return the tasks this run marked overdue */
    public int markOverdue() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboundEvent> events = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("UPDATE follow_up SET state = 'OVERDUE', "
                         + "version = version + 1 WHERE key IN (SELECT key FROM follow_up WHERE state = 'OPEN' "
                         + "AND due_by <= ? ORDER BY due_by LIMIT 1000 FOR UPDATE SKIP LOCKED) "
                         + "RETURNING key, customer_id, org_unit, salesperson, kind, period, due_by")) {
                ps.setTimestamp(1, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(CustomerEvents.of("follow-up.overdue", rs.getString(1), new Overdue(
                                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), Times.out(rs.getTimestamp(7).toInstant()).toString(),
                                Times.out(now).toString())));
                    }
                }
            }
            outbox.publishAll(events);
            return events.size();
        });
    }
}
