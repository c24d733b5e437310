package com.example.mkt.planning.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.example.mkt.eventing.jdbc.UnnestColumns;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.planning.shared.DomainProblems;
import com.example.mkt.planning.shared.PlanningConfig;
import com.example.mkt.planning.staff.StaffEntity;
import com.example.mkt.planning.validation.FieldError;
import com.example.mkt.rest.problem.ApiException;

/**
 * Periodic reports (docs/domain.md#periodic-reports): obligations generated per staff member and period, submissions
 * judged by {@link ReportTimeliness} at the moment they arrive, and the deadline flags KPIs count.
 *
 * <p>Both scheduled jobs are safe on several replicas: generation inserts by the deterministic {@link ReportKey}
 * with {@code ON CONFLICT DO NOTHING}; flagging claims each row with a conditional {@code UPDATE ... RETURNING},
 * so a flag is raised (and published) once whichever replica gets there first.
 */
@ApplicationScoped
public class ReportService {

    // One statement for all obligations; RETURNING counts what was new (a JDBC batch's counts say nothing once the
    // driver rewrites it into a multi-row insert, reWriteBatchedInserts).
    private static final String INSERT = "INSERT INTO report (id, report_key, staff_id, org_unit, kind, period,"
            + " period_start, due_at, late_until, created_at)"
            + " SELECT u.i, u.k, u.s, u.o, u.kind, u.p, u.ps::date, u.d::timestamptz, u.l::timestamptz, ?::timestamptz"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[]) AS u(i, k, s, o, kind, p, ps, d, l)"
            + " ON CONFLICT (report_key) DO NOTHING RETURNING id";

    private final EntityManager em;
    private final DataSource dataSource;
    private final Outbox outbox;
    private final Clock clock;
    private final ReportCalendar calendar;
    private final ReportObligations obligations;
    private final ReportTimeliness timeliness;
    private final ReportContentPolicy contentPolicy;
    private final PlanningConfig config;
    private final ZoneId zone;

    public ReportService(EntityManager em, DataSource dataSource, Outbox outbox, Clock clock, ReportCalendar calendar,
            ReportObligations obligations, ReportTimeliness timeliness, ReportContentPolicy contentPolicy,
            PlanningConfig config) {
        this.em = em;
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.clock = clock;
        this.calendar = calendar;
        this.obligations = obligations;
        this.timeliness = timeliness;
        this.contentPolicy = contentPolicy;
        this.config = config;
        this.zone = calendar.policy().zone();
    }

    /** What a staff member hands in; only the fields of its kind are read. */
    public record Submission(ReportKind kind, String period, String summary, List<String> problems,
            List<String> nextWeekPriorities, List<String> supportNeeded, List<String> results,
            List<String> nextMonthPriorities, String lateReason) {
    }

    /**
     * Creates the obligations of every required kind for the periods containing {@code day}; returns how many were
     * new. Staff who do not hold one of the author roles owe nothing.
     */
    @Transactional
    public int generate(LocalDate day) {
        ReportPeriod week = ReportPeriod.weekContaining(day);
        ReportPeriod month = ReportPeriod.monthContaining(day);
        LocalDate from = week.start().isBefore(month.start()) ? week.start() : month.start();
        LocalDate to = week.end().isAfter(month.end()) ? week.end() : month.end();
        Set<String> authorRoles = config.reports().authorRoles();
        List<ReportingStaff> staff = StaffEntity.<StaffEntity>find(
                "onDutyFrom <= ?1 and (onDutyUntil is null or onDutyUntil >= ?2)", to, from).stream()
                .filter(s -> s.roleList().stream().anyMatch(authorRoles::contains))
                .map(StaffEntity::toReportingStaff).toList();
        return insertIfAbsent(obligations.dueForPeriodsContaining(staff, day));
    }

    private int insertIfAbsent(Collection<ReportObligation> due) {
        if (due.isEmpty()) {
            return 0;
        }
        UnnestColumns rows = new UnnestColumns(9);
        for (ReportObligation o : due) {
            rows.add(UUID.randomUUID().toString(), o.key().value(), o.staffId(), o.orgUnitCode(),
                    o.period().kind().name(), o.period().label(), o.period().start().toString(),
                    o.deadlines().due().toString(), o.deadlines().lateUntil().toString());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, clock.instant().toString());
            rows.bind(ps, 2);
            int inserted = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted++;
                }
            }
            return inserted;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store report obligations: " + e.getMessage(), e);
        }
    }

    /**
     * Records {@code author}'s report. A submission after the deadline is accepted and marked LATE or OVERDUE
     * (with the reason the policy requires); a second submission for the same period is refused.
     */
    @Transactional
    public ReportEntity submit(String authorId, Submission s) {
        StaffEntity author = authorId == null ? null : StaffEntity.findById(authorId);
        if (author == null) {
            throw ApiException.forbidden("only registered staff submit periodic reports");
        }
        ReportPeriod period;
        try {
            period = ReportPeriod.parse(s.kind(), s.period());
        } catch (RuntimeException e) {
            throw ApiException.invalid("period", s.kind() == ReportKind.WEEKLY
                    ? "must be an ISO week like 2026-W19" : "must be a month like 2026-05");
        }
        if (!calendar.policy().requiredKinds().contains(s.kind())) {
            throw ApiException.unprocessable("kind", s.kind() + " reports are not collected");
        }
        List<FieldError> contentErrors = s.kind() == ReportKind.WEEKLY
                ? new WeeklyReportContent(s.summary(), s.problems(), s.nextWeekPriorities(), s.supportNeeded())
                        .errors(contentPolicy)
                : new MonthlyReportContent(s.results(), s.problems(), s.nextMonthPriorities()).errors(contentPolicy);
        if (!contentErrors.isEmpty()) {
            throw DomainProblems.invalid(contentErrors);
        }
        Instant now = clock.instant();
        List<FieldError> timing = timeliness.checkSubmission(period, now, s.lateReason());
        if (!timing.isEmpty()) {
            throw DomainProblems.unprocessable(timing);
        }
        ReportKey key = new ReportKey(author.id, period);
        ReportDeadlines deadlines = calendar.deadlines(period);
        // Someone who joined after generation ran still hands in their report: the obligation appears now.
        insertIfAbsent(List.of(new ReportObligation(key, author.orgUnit, deadlines)));
        ReportEntity report = ReportEntity.<ReportEntity>find("reportKey", key.value())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (report.submittedAt != null) {
            throw ApiException.illegalTransition("the " + s.kind() + " report for " + period.label()
                    + " was already submitted", List.of());
        }
        report.submittedAt = now;
        report.status = timeliness.classify(period, now);
        report.lateReason = s.lateReason() == null || s.lateReason().isBlank() ? null : s.lateReason();
        report.content = ReportContentJson.write(s);
        em.flush();
        List<OutboundEvent> events = new ArrayList<>();
        events.add(ReportEvents.submitted(report, zone));
        if (report.status.isDelinquent()) {
            events.add(ReportEvents.flagged(report, report.status, true, zone));
        }
        outbox.publishAll(events);
        return report;
    }

    /**
     * Raises reminders before the deadline, a provisional flag once it has passed, and the final one when the late
     * window has closed, each once per report. Returns the number of events published.
     */
    @Transactional
    public int flag(Instant now) {
        List<OutboundEvent> events = new ArrayList<>();
        Timestamp at = Timestamp.from(now);
        Timestamp remindFrom = Timestamp.from(now.plus(config.reports().reminderLead()));
        for (ReportEntity r : claim("UPDATE report SET reminded_at = ?1 WHERE submitted_at IS NULL"
                + " AND reminded_at IS NULL AND due_at >= ?1 AND due_at <= ?2 RETURNING id", at, remindFrom)) {
            events.add(ReportEvents.reminded(r, zone));
        }
        for (ReportEntity r : claim("UPDATE report SET flagged_due_at = ?1 WHERE submitted_at IS NULL"
                + " AND flagged_due_at IS NULL AND due_at < ?1 AND late_until >= ?1 RETURNING id", at, null)) {
            events.add(ReportEvents.flagged(r, ReportStatus.MISSING, false, zone));
        }
        for (ReportEntity r : claim("UPDATE report SET flagged_final_at = ?1, flagged_due_at = COALESCE("
                + "flagged_due_at, ?1) WHERE submitted_at IS NULL AND flagged_final_at IS NULL AND late_until < ?1"
                + " RETURNING id", at, null)) {
            events.add(ReportEvents.flagged(r, ReportStatus.MISSING, true, zone));
        }
        outbox.publishAll(events);
        return events.size();
    }

    @SuppressWarnings("unchecked")
    private List<ReportEntity> claim(String sql, Timestamp first, Timestamp second) {
        var query = em.createNativeQuery(sql).setParameter(1, first);
        if (second != null) {
            query.setParameter(2, second);
        }
        List<String> ids = query.getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        // The native update bypassed the persistence context; read the rows as they are now.
        em.clear();
        return ReportEntity.<ReportEntity>list("id in ?1 order by dueAt, id", ids);
    }

    /** The status at {@code now}: the submission's, or NOT_DUE / MISSING while nothing has arrived. */
    public ReportStatus statusOf(ReportEntity r, Instant now) {
        if (r.status != null) {
            return r.status;
        }
        return now.isAfter(r.dueAt) ? ReportStatus.MISSING : ReportStatus.NOT_DUE;
    }

    public Instant now() {
        return clock.instant();
    }
}
