package com.example.mkt.planning.report;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/**
 * The periodic report jobs. Both are idempotent and replica-safe by construction (see {@link ReportService}), so
 * they run often: a missed or doubled run changes nothing.
 */
@ApplicationScoped
public class ReportJobs {

    private final ReportService service;
    private final Clock clock;
    private final ReportCalendar calendar;

    public ReportJobs(ReportService service, Clock clock, ReportCalendar calendar) {
        this.service = service;
        this.clock = clock;
        this.calendar = calendar;
    }

    @Scheduled(identity = "report-obligations", every = "${planning.reports.generate-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void generateObligations() {
        LocalDate today = calendar.localDate(clock.instant());
        service.generate(today);
    }

    @Scheduled(identity = "report-flags", every = "${planning.reports.flag-every}", delayed = "45s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flagDeadlines() {
        service.flag(clock.instant());
    }
}
