package com.example.mkt.kpi.scorecard;

import java.time.Instant;
import java.time.YearMonth;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.kpi.config.KpiConfig;
import com.example.mkt.kpi.period.HolidayCalendar;
import com.example.mkt.kpi.period.PeriodCalendar;

import io.quarkus.scheduler.Scheduled;

/**
 * Runs the previous month's scorecards daily (default 02:00 in Asia/Shanghai, {@code kpi.scorecard.run-cron}), acting
 * only inside the run window (the 1st-5th of the next month, {@link ScorecardSchedule}); each run refreshes the
 * drafts with the measurements that arrived since.
 */
@ApplicationScoped
public class ScorecardRunJob {

    private final ScorecardRun run;
    private final ScorecardSchedule schedule;

    public ScorecardRunJob(ScorecardRun run, KpiConfig config, PeriodCalendar calendar) {
        this.run = run;
        KpiConfig.Scorecard s = config.scorecard();
        this.schedule = new ScorecardSchedule(new RunWindowPolicy(s.runFirstDay(), s.runWorkingDays()),
                HolidayCalendar.none(), calendar.zone());
    }

    @Scheduled(cron = "${kpi.scorecard.run-cron:0 0 2 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() throws Exception {
        for (YearMonth month : schedule.monthsToRun(Instant.now())) {
            run.run(month);
        }
    }
}
