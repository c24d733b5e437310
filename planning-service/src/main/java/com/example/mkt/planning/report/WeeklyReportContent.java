package com.example.mkt.planning.report;

import com.example.mkt.planning.validation.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * The weekly report: the summary of this week's priorities (completion and problems) and
 * the plan for next week (its priorities and the support or resources needed, so the department manager can
 * arrange them).
 */
public record WeeklyReportContent(String summary, List<String> problems, List<String> nextWeekPriorities,
        List<String> supportNeeded) {

    public WeeklyReportContent {
        problems = ReportContentPolicy.copy(problems);
        nextWeekPriorities = ReportContentPolicy.copy(nextWeekPriorities);
        supportNeeded = ReportContentPolicy.copy(supportNeeded);
    }

    public List<FieldError> errors(ReportContentPolicy policy) {
        List<FieldError> errors = new ArrayList<>();
        policy.checkText("summary", summary, true, errors);
        policy.checkItems("problems", problems, false, errors);
        policy.checkItems("nextWeekPriorities", nextWeekPriorities, true, errors);
        policy.checkItems("supportNeeded", supportNeeded, false, errors);
        return errors;
    }
}
