package com.example.mkt.planning.shared;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import com.example.mkt.planning.plan.PlanKind;
import com.example.mkt.planning.report.ReportKind;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every threshold and deadline of planning-service; the defaults are those of docs/domain.md#plans. */
@ConfigMapping(prefix = "planning")
public interface PlanningConfig {

    /** The business zone in which dates and times of day are read. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    Org org();

    Reports reports();

    Plans plans();

    Progress progress();

    interface Progress {
        /** A goal is at risk when its completion trails the linear schedule by more than this many points. */
        @WithDefault("10.00")
        BigDecimal atRiskMarginPercent();

        /**
         * How often every tracked goal is re-evaluated against the linear schedule as days pass (read by the
         * scheduler; "off" disables it). Each goal is evaluated once per business day, whichever replica runs.
         */
        @WithDefault("1h")
        String atRiskEvery();

        /** Goals evaluated per transaction by the at-risk check. */
        @WithDefault("500")
        int atRiskBatchSize();
    }

    interface Plans {
        /** false = four eyes: the author of a version never reviews it. */
        @WithDefault("false")
        boolean authorMayDecide();

        @WithDefault("true")
        boolean rejectionNoteRequired();

        /** Plan kinds that cannot be submitted without a budget (the annual plan is above all a budget request). */
        @WithDefault("ANNUAL")
        Set<PlanKind> budgetRequiredFor();

        @WithDefault("true")
        boolean taskCostsWithinBudget();

        @WithDefault("false")
        boolean phasesMayOverlap();

        /** A budget share of the sales target above this is a typo, not a plan. */
        @WithDefault("100.00")
        BigDecimal maxBudgetSharePercent();

        @WithDefault("1")
        int strategicMinYears();

        @WithDefault("10")
        int strategicMaxYears();

        /**
         * Besides a task's or goal's owner, who may move any task of a plan in their scope through its execution
         * states and report progress of its goals by hand.
         */
        @WithDefault("gm,marketing_director,manager,supervisor")
        Set<String> executionRoles();

        /** Units of a goal target a budget line may take a percentage of (a sales target in money). */
        @WithDefault("CNY,元")
        Set<String> budgetBaseUnits();

        /** How often overdue tasks are flagged (read by the scheduler; "off" disables it). */
        @WithDefault("1h")
        String overdueEvery();
    }

    interface Org {
        /** In characters (code points), so Chinese names are measured by characters. */
        @WithDefault("100")
        int maxNameLength();

        /** Branches run directly by head office ("总部直属分公司"); false forces a region in between. */
        @WithDefault("true")
        boolean branchUnderHq();

        /** The head office a fresh platform starts with (docs/domain.md#org-tree). */
        Root root();
    }

    interface Root {
        /** Whether the service creates the root on start when the tree has no head office. */
        @WithDefault("true")
        boolean createOnStart();

        @WithDefault("HQ")
        String code();

        @WithDefault("总部")
        String name();
    }

    interface Reports {
        @WithDefault("FRIDAY")
        DayOfWeek weeklyDueDay();

        @WithDefault("18:00")
        LocalTime dueTime();

        @WithDefault("09:00")
        LocalTime lateUntilTime();

        @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
        Set<DayOfWeek> workingDays();

        @WithDefault("true")
        boolean reasonRequiredWhenOverdue();

        @WithDefault("500")
        int maxReasonLength();

        @WithDefault("WEEKLY,MONTHLY")
        Set<ReportKind> requiredKinds();

        @WithDefault("4000")
        int maxTextLength();

        @WithDefault("50")
        int maxItems();

        /** Staff holding one of these roles owe periodic reports (salespeople, service agents, their supervisors). */
        @WithDefault("staff,supervisor")
        Set<String> authorRoles();

        /** How often obligations are generated (read by the scheduler; "off" disables it). */
        @WithDefault("1h")
        String generateEvery();

        /** How often reminders and deadline flags are raised (read by the scheduler; "off" disables it). */
        @WithDefault("5m")
        String flagEvery();

        /** How long before a report is due its author is reminded. */
        @WithDefault("PT4H")
        Duration reminderLead();
    }
}
