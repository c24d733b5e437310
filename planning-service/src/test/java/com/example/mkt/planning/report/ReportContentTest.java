package com.example.mkt.planning.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.mkt.planning.validation.FieldError;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReportContentTest {

    private final ReportContentPolicy policy = ReportContentPolicy.defaults();

    @Test
    void completeWeeklyReport() {
        WeeklyReportContent weekly = new WeeklyReportContent("完成拜访客户 20 家", List.of("两家客户投诉未结"),
                List.of("跟进 A 级客户"), List.of());
        assertEquals(List.of(), weekly.errors(policy));
    }

    @Test
    void weeklyNeedsSummaryAndNextWeekPriorities() {
        WeeklyReportContent weekly = new WeeklyReportContent(" ", null, List.of(), null);
        assertEquals(List.of(new FieldError("summary", "must not be blank"),
                new FieldError("nextWeekPriorities", "must list at least one entry")), weekly.errors(policy));
    }

    @Test
    void monthlyNeedsResultsAndNextMonthPriorities() {
        MonthlyReportContent monthly = new MonthlyReportContent(List.of(), List.of(), List.of());
        assertEquals(List.of(new FieldError("results", "must list at least one entry"),
                new FieldError("nextMonthPriorities", "must list at least one entry")), monthly.errors(policy));
    }

    @Test
    void nullAndBlankEntriesAreNamedByIndex() {
        MonthlyReportContent monthly = new MonthlyReportContent(Arrays.asList("销售额 120 万", null),
                List.of("", "回款慢"), List.of("开拓新渠道"));
        assertEquals(List.of(new FieldError("results[1]", "must not be blank"),
                new FieldError("problems[0]", "must not be blank")), monthly.errors(policy));
    }

    @Test
    void limitsAtAndOverTheBoundary() {
        ReportContentPolicy small = new ReportContentPolicy(3, 2);
        assertEquals(List.of(), new MonthlyReportContent(List.of("一二三", "四"), List.of(), List.of("五")).errors(small));
        assertEquals(List.of(new FieldError("results", "must list at most 2 entries"),
                new FieldError("nextMonthPriorities[0]", "must be at most 3 characters")),
                new MonthlyReportContent(Collections.nCopies(3, "一"), List.of(), List.of("一二三四")).errors(small));
    }
}
