package com.example.mkt.kpi.scorecard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.example.mkt.kpi.attendance.AttendanceStore;
import com.example.mkt.kpi.attendance.RecordedAttendance;
import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.period.Period;
import com.example.mkt.kpi.rollup.CellStore;
import com.example.mkt.kpi.rollup.StaffCellStore;

/**
 * The monthly scorecard run (docs/domain.md#staff-scorecard): creates or refreshes the
 * DRAFT scorecard of every staff member with measurements in the month, filling the event-derived inputs
 * ({@link EventInputs}) and keeping the manual ones. Published scorecards are never touched. Attendance comes from
 * the staff register's records of the month ({@link AttendanceStore}, read once per run) where there are any; a
 * record alone drafts no card (the register holds managers and analysts too, who have no scorecard), it prorates the
 * card of someone with measurements.
 *
 * <p>Safe with two replicas: one run at a time per database (transaction-level advisory lock), a card per staff
 * member and month at most ({@code scorecard_staff_month}), and drafts are locked while refreshed, so a concurrent
 * edit either waits or fails its ETag check.
 */
@ApplicationScoped
public class ScorecardRun {

    private static final Logger LOG = Logger.getLogger(ScorecardRun.class);

    /** Arbitrary but fixed: the advisory lock of the scorecard run. */
    private static final long RUN_LOCK = 0x6b70695f73636f72L;

    /** What one run did. */
    public record Result(String month, boolean ran, int created, int refreshed, int published) {
    }

    private final DataSource dataSource;
    private final ScorecardSheets sheets;

    public ScorecardRun(DataSource dataSource, ScorecardSheets sheets) {
        this.dataSource = dataSource;
        this.sheets = sheets;
    }

    @Transactional
    public Result run(YearMonth month) throws SQLException {
        Map<String, Map<String, Map<String, CellStore.Sums>>> cells;
        Map<String, RecordedAttendance> attendance;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, RUN_LOCK);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return new Result(month.toString(), false, 0, 0, 0);
                    }
                }
            }
            cells = StaffCellStore.atPeriod(c, Period.month(month));
            attendance = AttendanceStore.atMonth(c, month);
        }
        // staff → unit → facts weight, to place a new card at the unit the person's month names most
        Map<String, Map<String, Integer>> units = new TreeMap<>();
        cells.values().forEach(byStaff -> byStaff.forEach((staff, byUnit) -> byUnit.keySet()
                .forEach(unit -> units.computeIfAbsent(staff, s -> new TreeMap<>()).merge(unit, 1, Integer::sum))));
        int created = 0;
        int refreshed = 0;
        int published = 0;
        for (String staff : new TreeSet<>(units.keySet())) {
            ScorecardEntity card = ScorecardEntity.<ScorecardEntity>find("staffId = ?1 and month = ?2", staff,
                    month.toString()).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
            if (card != null && !ScorecardEntity.DRAFT.equals(card.status)) {
                published++;
                continue;
            }
            ScorecardResource.Stored stored = card == null ? null : sheets.stored(card);
            ScorecardResource.Inputs inputs = EventInputs.merge(stored == null ? null : stored.inputs(), month,
                    sum(cells, KpiCatalogue.FOLLOW_UP_COMPLETION_RATE, staff),
                    sum(cells, KpiCatalogue.SATISFACTION_RATE, staff),
                    sum(cells, KpiCatalogue.COMPLAINT_ON_TIME_RATE, staff),
                    Optional.ofNullable(attendance.get(staff)));
            if (card == null) {
                card = new ScorecardEntity();
                card.id = UUID.randomUUID().toString();
                card.staffId = staff;
                card.orgUnit = units.get(staff).entrySet().stream()
                        .max(Map.Entry.<String, Integer>comparingByValue()
                                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                        .orElseThrow().getKey();
                card.month = month.toString();
                card.status = ScorecardEntity.DRAFT;
                card.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
                sheets.compute(card, inputs, null);
                card.persist();
                created++;
            } else {
                if (!inputs.equals(stored.inputs())) {
                    sheets.compute(card, inputs, stored.reviews());
                    refreshed++;
                }
            }
        }
        ScorecardEntity.getEntityManager().flush();
        LOG.infof("scorecard run %s: %d created, %d refreshed, %d published left alone", month, created, refreshed,
                published);
        return new Result(month.toString(), true, created, refreshed, published);
    }

    /** A staff member's sums of one KPI over all units in the month. */
    private static Optional<CellStore.Sums> sum(Map<String, Map<String, Map<String, CellStore.Sums>>> cells,
            String kpi, String staff) {
        Map<String, CellStore.Sums> byUnit = cells.getOrDefault(kpi, Map.of()).get(staff);
        if (byUnit == null) {
            return Optional.empty();
        }
        CellStore.Sums total = CellStore.Sums.ZERO;
        for (CellStore.Sums s : byUnit.values()) {
            total = new CellStore.Sums(total.numerator().add(s.numerator()), total.denominator().add(s.denominator()));
        }
        return Optional.of(total);
    }
}
