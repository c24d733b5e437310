package com.example.mkt.planning.report;

import com.example.mkt.planning.validation.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * The monthly report: the month's results, its problems, and next month's priorities, which
 * "must be listed explicitly" (下月工作計劃中必須明確列出工作重點) and therefore may not be empty.
 */
public record MonthlyReportContent(List<String> results, List<String> problems, List<String> nextMonthPriorities) {

    public MonthlyReportContent {
        results = ReportContentPolicy.copy(results);
        problems = ReportContentPolicy.copy(problems);
        nextMonthPriorities = ReportContentPolicy.copy(nextMonthPriorities);
    }

    public List<FieldError> errors(ReportContentPolicy policy) {
        List<FieldError> errors = new ArrayList<>();
        policy.checkItems("results", results, true, errors);
        policy.checkItems("problems", problems, false, errors);
        policy.checkItems("nextMonthPriorities", nextMonthPriorities, true, errors);
        return errors;
    }
}
