package com.example.mkt.customer.care;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.customer.grade.CustomerGrade;
import com.example.mkt.customer.shared.BusinessTime;
import com.example.mkt.customer.tier.MembershipTier;
import com.example.mkt.eventing.jdbc.UnnestColumns;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Daily care calendar (docs/domain.md#care-calendar): for every active customer, the birthday, festival
 * and trip tasks whose lead time has begun ({@link CarePlanner}), with the action of the customer's care
 * level. Safe with two replicas and reruns: task keys are deterministic (customer:CARE:occasion:year) and
 * inserted with {@code ON CONFLICT DO NOTHING}, so a task is created once whoever runs first.
 */
@ApplicationScoped
public class CareJob {

    private static final int PAGE = 1000;

    private record Planned(CareTask task, CareLevel level, String orgUnit, String salesperson) {
    }

    private record Page(int added, String next) {
    }

    private final DataSource dataSource;
    private final CarePlanner planner;
    private final CarePolicy policy;
    private final Clock clock;

    public CareJob(DataSource dataSource, CarePlanner planner, CarePolicy policy, Clock clock) {
        this.dataSource = dataSource;
        this.planner = planner;
        this.policy = policy;
        this.clock = clock;
    }

    @Scheduled(cron = "${customer.jobs.care-cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        generate(BusinessTime.dateOf(clock.instant(), policy.zone()));
    }

    /** Creates the tasks due by {@code today} (a business-zone date); one transaction per page. @return tasks added */
    public int generate(LocalDate today) {
        Instant now = clock.instant();
        int added = 0;
        String after = "";
        while (after != null) {
            String from = after;
            Page page = QuarkusTransaction.requiringNew().call(() -> generatePage(from, today, now));
            added += page.added();
            after = page.next();
        }
        return added;
    }

    private Page generatePage(String after, LocalDate today, Instant now) throws SQLException {
        List<Planned> planned = new ArrayList<>();
        String last = null;
        int rows = 0;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT c.id, c.grade, c.tier, c.vip, c.birthday, "
                    + "c.org_unit, c.salesperson FROM customer c WHERE c.id > ? AND c.status = 'ACTIVE' "
                    + "ORDER BY c.id LIMIT ?")) {
                ps.setString(1, after);
                ps.setInt(2, PAGE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        last = rs.getString(1);
                        String grade = rs.getString(2);
                        CareLevel level = CareLevel.of(grade == null ? CustomerGrade.D : CustomerGrade.valueOf(grade),
                                MembershipTier.valueOf(rs.getString(3)), rs.getBoolean(4));
                        Optional<MonthDay> md = Optional.ofNullable(rs.getObject(5, LocalDate.class)).map(MonthDay::from);
                        for (CareTask t : planner.tasksFor(last, level, md, today)) {
                            planned.add(new Planned(t, level, rs.getString(6), rs.getString(7)));
                        }
                    }
                }
            }
            int added = insertIfAbsent(c, planned, now);
            return new Page(added, rows < PAGE ? null : last);
        }
    }

    private int insertIfAbsent(Connection c, List<Planned> tasks, Instant now) throws SQLException {
        if (tasks.isEmpty()) {
            return 0;
        }
        // one multi-row statement; its update count is the number of tasks really added (a JDBC batch's counts
        // read SUCCESS_NO_INFO once the driver rewrites batches, reWriteBatchedInserts)
        UnnestColumns cols = new UnnestColumns(9);
        for (Planned p : tasks) {
            CareTask t = p.task();
            BigDecimal cap = t.action().costCeiling(policy.ordinaryGiftCap()).orElse(null);
            cols.add(t.key(), t.customerId(), p.orgUnit(), p.salesperson(), t.occasion(),
                    t.occasionDate().toString(), p.level().name(), t.action().kind().name(),
                    cap == null ? null : cap.toPlainString());
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO care_task (key, customer_id, org_unit, salesperson, "
                + "occasion, occasion_date, care_level, action, budget_cap, state, created_at) "
                + "SELECT u.k, u.c, u.o, u.s, u.oc, u.d::date, u.l, u.a, u.b::numeric, 'OPEN', ? "
                + "FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                + "?::text[]) AS u(k, c, o, s, oc, d, l, a, b) ON CONFLICT (key) DO NOTHING")) {
            ps.setTimestamp(1, Timestamp.from(now));
            cols.bind(ps, 2);
            return ps.executeUpdate();
        }
    }
}
