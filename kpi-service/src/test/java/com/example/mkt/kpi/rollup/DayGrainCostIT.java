package com.example.mkt.kpi.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.org.OrgUnits;
import com.example.mkt.kpi.period.PeriodCalendar;
import com.example.mkt.kpi.period.PeriodType;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.StatementStats;
import com.example.mkt.testinfra.TestEvents;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the day grain costs the sales path, measured in one run: the consumer's write path (org tree, facts, cell
 * upsert, targets, outbox, staff-cell upsert, as {@link RollupService#apply} runs it) with the four grains of before
 * and with the day added, in alternating rounds so that both see the same machine. The statements per batch must be
 * the same (the day rows ride in the same upserts); the times are printed, never judged.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class DayGrainCostIT {

    private static final int ROUNDS = 12;
    private static final String S = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

    @Inject
    DataSource dataSource;
    @Inject
    Outbox outbox;
    @Inject
    KpiEvents events;
    @Inject
    KpiCatalogue catalogue;
    @Inject
    PeriodCalendar calendar;
    @Inject
    OrgDirectory directory;

    private final List<String> branches = new ArrayList<>();
    private int sent;

    @Test
    void theDayGrainAddsRowsNotStatements() throws Exception {
        String hq = "HQ-C" + S;
        String region = "R-C" + S;
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            TestEvents.publishOrgUnits(kafka, new TestEvents.OrgUnit(hq, "总部", "HQ", null));
            TestEvents.publishOrgUnits(kafka, new TestEvents.OrgUnit(region, "江西省区", "REGION", hq));
            for (int i = 0; i < 11; i++) {
                branches.add("B" + i + "-C" + S);
                TestEvents.publishOrgUnits(kafka, new TestEvents.OrgUnit(branches.get(i), "分公司" + i, "BRANCH",
                        region));
            }
        }
        TestEvents.await("org tree", () -> directory.subtree(region).containsAll(branches));
        RollupPolicy before = new RollupPolicy(EnumSet.of(PeriodType.YEAR, PeriodType.QUARTER, PeriodType.MONTH,
                PeriodType.WEEK));
        RollupPolicy after = RollupPolicy.defaults();
        StringBuilder report = new StringBuilder("DayGrainCostIT: the consumer's write path per batch, "
                + ROUNDS + " alternating rounds each\n");
        // a live batch: ~120 sales of one hour (application.properties); a backlog batch: 500 sales over 18 days
        for (int[] shape : new int[][] {{120, 1}, {500, 18}}) {
            int sales = shape[0];
            int days = shape[1];
            StatementStats stats = StatementStats.ofQuarkusDatasource();
            for (int warmUp = 0; warmUp < 3; warmUp++) {
                batch(before, sales, days);
                batch(after, sales, days);
            }
            // the fewest of three: the counts are the database's, and a scheduled job's statement can land inside one
            StatementStats.StepCost costBefore = stats.measureFewest(() -> batch(before, sales, days),
                    StatementStats::notBackground, 3);
            StatementStats.StepCost costAfter = stats.measureFewest(() -> batch(after, sales, days),
                    StatementStats::notBackground, 3);
            double[] msBefore = new double[ROUNDS];
            double[] msAfter = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                // which goes first alternates too, so that neither always follows the other's writes
                if (i % 2 == 0) {
                    msBefore[i] = batch(before, sales, days);
                    msAfter[i] = batch(after, sales, days);
                } else {
                    msAfter[i] = batch(after, sales, days);
                    msBefore[i] = batch(before, sales, days);
                }
            }
            double medianBefore = median(msBefore);
            double medianAfter = median(msAfter);
            report.append(String.format("  %d sales over %d day(s): 4 grains %d statements, %,d rows, %,d buffers,"
                    + " median %.1f ms; with DAY %d statements, %,d rows, %,d buffers, median %.1f ms; x%.2f%n",
                    sales, days, costBefore.statements(), costBefore.rows(), costBefore.blocks(), medianBefore,
                    costAfter.statements(), costAfter.rows(), costAfter.blocks(), medianAfter,
                    medianAfter / medianBefore));
            assertEquals(costBefore.statements(), costAfter.statements(),
                    report + "4 grains:\n" + costBefore.top() + "\nwith DAY:\n" + costAfter.top());
        }
        System.out.print(report);
    }

    /** One batch through the consumer's write path with the given grains; returns its time in ms. */
    private double batch(RollupPolicy policy, int sales, int days) {
        List<Fact> facts = new ArrayList<>(sales);
        Instant start = Instant.parse("2026-11-10T02:00:00Z");
        for (int i = 0; i < sales; i++) {
            Instant at = start.plusSeconds((i % days) * 86_400L + (i * 29L) % 3_600);
            facts.add(new Fact("C" + S + "-" + sent++, "sales.recorded", KpiCatalogue.SALES_AMOUNT,
                    branches.get(i % branches.size()), "s-" + (i % 40), at, new BigDecimal((50 + i % 70) + ".10"),
                    BigDecimal.ZERO));
        }
        long t0 = System.nanoTime();
        QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                Rollup rollup = new Rollup(OrgUnits.load(c).tree(), catalogue, calendar, policy);
                FactStore.insertFacts(c, facts, Collections.nCopies(facts.size(), null));
                List<CellDelta> merged = rollup.merge(facts.stream().map(Fact::delta).toList());
                var out = events.forChanges(c, CellStore.upsert(c, merged));
                if (!out.isEmpty()) {
                    outbox.publishAll(out);
                }
                StaffCellStore.upsert(c, rollup.mergeStaff(facts));
            }
            return null;
        });
        return (System.nanoTime() - t0) / 1_000_000.0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
    }
}
