package com.example.mkt.planning.shared;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.example.mkt.planning.approval.ApprovalPolicy;
import com.example.mkt.planning.approval.DraftingWindow;
import com.example.mkt.planning.org.OrgStructurePolicy;
import com.example.mkt.planning.plan.GoalProgressTracker;
import com.example.mkt.planning.plan.PlanPolicy;
import com.example.mkt.planning.plan.PlanValidator;
import com.example.mkt.planning.org.OrgUnitKind;
import com.example.mkt.planning.report.ReportCalendar;
import com.example.mkt.planning.report.ReportContentPolicy;
import com.example.mkt.planning.report.ReportObligations;
import com.example.mkt.planning.report.ReportPolicy;
import com.example.mkt.planning.report.ReportTimeliness;

import io.quarkus.arc.DefaultBean;

/** Builds the pure domain policies from configuration, so the rules stay free of CDI and config. */
@ApplicationScoped
public class Policies {

    /** Tests replace it with a clock they move, to cross deadlines without waiting for them. */
    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    OrgStructurePolicy orgStructurePolicy(PlanningConfig config) {
        Set<OrgUnitKind> branchParents = config.org().branchUnderHq()
                ? EnumSet.of(OrgUnitKind.REGION, OrgUnitKind.HQ) : EnumSet.of(OrgUnitKind.REGION);
        return new OrgStructurePolicy(Map.of(
                OrgUnitKind.REGION, Set.of(OrgUnitKind.HQ),
                OrgUnitKind.BRANCH, branchParents,
                OrgUnitKind.TEAM, Set.of(OrgUnitKind.BRANCH)),
                config.org().maxNameLength());
    }

    @Produces
    @Singleton
    PlanPolicy planPolicy(PlanningConfig config) {
        PlanningConfig.Plans p = config.plans();
        PlanPolicy d = PlanPolicy.defaults();
        return new PlanPolicy(d.maxTitleLength(), d.maxTextLength(), p.strategicMinYears(), p.strategicMaxYears(),
                p.maxBudgetSharePercent(), p.taskCostsWithinBudget(), p.phasesMayOverlap(), p.budgetRequiredFor(),
                d.progressCapPercent(), d.risks(), p.budgetBaseUnits());
    }

    @Produces
    @Singleton
    GoalProgressTracker goalProgressTracker(PlanPolicy policy) {
        return new GoalProgressTracker(policy);
    }

    @Produces
    @Singleton
    PlanValidator planValidator(PlanPolicy policy) {
        return new PlanValidator(policy);
    }

    /** Reviewer roles per plan kind and drafting leads are the domain's defaults (gm signs annual plans off). */
    @Produces
    @Singleton
    ApprovalPolicy approvalPolicy(PlanningConfig config) {
        ApprovalPolicy d = ApprovalPolicy.defaults();
        return new ApprovalPolicy(d.reviewerRoles(), config.plans().authorMayDecide(),
                config.plans().rejectionNoteRequired(), d.draftingLead(), config.zone());
    }

    @Produces
    @Singleton
    DraftingWindow draftingWindow(ApprovalPolicy policy) {
        return new DraftingWindow(policy);
    }

    @Produces
    @Singleton
    ReportPolicy reportPolicy(PlanningConfig config) {
        PlanningConfig.Reports r = config.reports();
        return new ReportPolicy(config.zone(), r.weeklyDueDay(), r.dueTime(), r.lateUntilTime(), r.workingDays(),
                r.reasonRequiredWhenOverdue(), r.maxReasonLength(), r.requiredKinds());
    }

    @Produces
    @Singleton
    ReportContentPolicy reportContentPolicy(PlanningConfig config) {
        return new ReportContentPolicy(config.reports().maxTextLength(), config.reports().maxItems());
    }

    @Produces
    @Singleton
    ReportCalendar reportCalendar(ReportPolicy policy) {
        return new ReportCalendar(policy);
    }

    @Produces
    @Singleton
    ReportTimeliness reportTimeliness(ReportCalendar calendar) {
        return new ReportTimeliness(calendar);
    }

    @Produces
    @Singleton
    ReportObligations reportObligations(ReportCalendar calendar) {
        return new ReportObligations(calendar);
    }
}
