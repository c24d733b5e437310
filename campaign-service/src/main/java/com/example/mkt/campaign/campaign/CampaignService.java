package com.example.mkt.campaign.campaign;

import com.example.mkt.campaign.award.AwardPresets;
import com.example.mkt.campaign.award.AwardRuleSet;
import com.example.mkt.campaign.award.PlacePrize;
import com.example.mkt.campaign.award.SpeedRecipient;
import com.example.mkt.campaign.campaign.CampaignApi.AwardRulesInput;
import com.example.mkt.campaign.campaign.CampaignApi.BandInput;
import com.example.mkt.campaign.campaign.CampaignApi.CampaignInput;
import com.example.mkt.campaign.config.Policies;
import com.example.mkt.campaign.evaluation.CampaignEvaluator;
import com.example.mkt.campaign.lifecycle.ApprovalNotPermittedException;
import com.example.mkt.campaign.lifecycle.ApprovalVerdict;
import com.example.mkt.campaign.lifecycle.CampaignLifecycle;
import com.example.mkt.campaign.lifecycle.CampaignState;
import com.example.mkt.campaign.lifecycle.CampaignWorkflow;
import com.example.mkt.campaign.lifecycle.IllegalTransitionException;
import com.example.mkt.campaign.lifecycle.PilotReport;
import com.example.mkt.campaign.money.Money;
import com.example.mkt.campaign.review.CampaignTexts;
import com.example.mkt.campaign.review.KeywordCheckResult;
import com.example.mkt.campaign.review.SensitiveKeywordChecker;
import com.example.mkt.campaign.shared.Api;
import com.example.mkt.campaign.target.ProgressService;
import com.example.mkt.campaign.target.TargetAllocation;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.problem.FieldError;
import com.example.mkt.rest.security.CurrentUser;
import com.example.mkt.rest.security.OrgScope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Campaign CRUD and lifecycle moves; every change publishes its event in the same transaction. */
@ApplicationScoped
public class CampaignService {

    private final CampaignStore store;
    private final CampaignWorkflow workflow;
    private final SensitiveKeywordChecker keywords;
    private final Policies policies;
    private final Outbox outbox;
    private final ProgressService progress;
    private final Clock clock;

    public CampaignService(CampaignStore store, CampaignWorkflow workflow, SensitiveKeywordChecker keywords,
                           Policies policies, Outbox outbox, ProgressService progress, Clock clock) {
        this.store = store;
        this.workflow = workflow;
        this.keywords = keywords;
        this.policies = policies;
        this.outbox = outbox;
        this.progress = progress;
        this.clock = clock;
    }

    @Transactional
    public Campaign create(CampaignInput in, CurrentUser user, OrgScope scope) {
        CampaignDefinition definition = definition(in);
        AwardRuleSet rules = in.awardRules() == null ? AwardPresets.of(policies.defaultAwards(), Map.of())
                : awardRules(in.awardRules());
        scope.requireAssignable("orgUnit", in.orgUnit());
        if (store.codeTaken(in.code(), null)) {
            throw ApiException.conflict("a campaign with code " + in.code() + " exists");
        }
        Instant now = clock.instant();
        Campaign c = new Campaign();
        c.id = UUID.randomUUID().toString();
        c.code = in.code().strip();
        c.orgUnit = in.orgUnit();
        c.createdBy = user.staffId();
        c.createdAt = now;
        c.branches = new String[0];
        c.allocation = store.write(TargetAllocation.withoutTotals(List.of()));
        c.costs = "{}";
        apply(c, definition, rules, now);
        CampaignLifecycle lifecycle = CampaignLifecycle.draft();
        c.lifecycle = store.write(lifecycle);
        c.state = lifecycle.state().name();
        store.persist(c);
        outbox.publish(CampaignEvents.lifecycle(CampaignEvents.CREATED, c, null, user.staffId(), Api.time(now),
                Map.of("theme", definition.theme())));
        return c;
    }

    @Transactional
    public Campaign update(String id, String ifMatch, CampaignInput in, CurrentUser user, OrgScope scope) {
        Campaign c = store.visible(id, scope);
        ETags.requireMatch(ifMatch, c.version);
        requireEditable(c);
        CampaignDefinition definition = definition(in);
        // without award rules in the body, the stored rule set stays (it has its own resource)
        AwardRuleSet rules = in.awardRules() == null ? null : awardRules(in.awardRules());
        if (!in.orgUnit().equals(c.orgUnit)) {
            scope.requireAssignable("orgUnit", in.orgUnit());
        }
        if (store.codeTaken(in.code(), c.id)) {
            throw ApiException.conflict("a campaign with code " + in.code() + " exists");
        }
        c.code = in.code().strip();
        c.orgUnit = in.orgUnit();
        Instant now = clock.instant();
        apply(c, definition, rules, now);
        outbox.publish(CampaignEvents.lifecycle(CampaignEvents.UPDATED, c, c.state, user.staffId(), Api.time(now),
                Map.of("theme", definition.theme())));
        return c;
    }

    @Transactional
    public Campaign allocate(String id, String ifMatch, TargetAllocation allocation, CurrentUser user, OrgScope scope) {
        Campaign c = store.visible(id, scope);
        ETags.requireMatch(ifMatch, c.version);
        requireEditable(c);
        c.allocation = store.write(allocation);
        c.branches = allocation.branches().stream().map(b -> b.branch()).toArray(String[]::new);
        Instant now = clock.instant();
        c.updatedAt = now;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("branches", allocation.branches().stream().map(b -> Map.of("branch", b.branch(),
                "starting", Api.money(b.starting()), "budget", Api.money(b.budget()))).toList());
        extra.put("currency", Api.CURRENCY);
        outbox.publish(CampaignEvents.lifecycle(CampaignEvents.TARGETS_ALLOCATED, c, c.state, user.staffId(),
                Api.time(now), extra));
        return c;
    }

    /** Submitting starts the review at once: the keyword check runs and its hits are kept for the reviewers. */
    @Transactional
    public Campaign submit(String id, String ifMatch, CurrentUser user, OrgScope scope) {
        Campaign c = store.visible(id, scope);
        optionalMatch(ifMatch, c);
        CampaignDefinition d = store.definition(c);
        KeywordCheckResult check = keywords.check(new CampaignTexts(d.theme(), d.offerRules(),
                d.products().stream().map(CampaignDefinition.Product::name).toList()));
        CampaignLifecycle before = store.lifecycle(c);
        CampaignLifecycle after = guarded(() -> workflow.startReview(workflow.submit(before, user.staffId()), check));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("keywordHits", check.hits().stream().map(h -> Map.of("field", h.field(), "keyword", h.keyword(),
                "offset", h.offset(), "matched", h.matched())).toList());
        return save(c, before, after, CampaignEvents.SUBMITTED, user, extra);
    }

    @Transactional
    public Campaign decide(String id, String ifMatch, ApprovalVerdict verdict, String comment, CurrentUser user,
                           OrgScope scope) {
        Campaign c = store.visible(id, scope);
        optionalMatch(ifMatch, c);
        CampaignLifecycle before = store.lifecycle(c);
        String awaited = workflow.awaitedRole(before).orElse(null);
        if (awaited != null && !user.hasRole(awaited)) {
            throw ApiException.forbidden("the review awaits the " + awaited + " level");
        }
        String role = awaited == null ? "" : awaited;
        CampaignLifecycle after;
        try {
            after = guarded(() -> workflow.decide(before, role, user.staffId(), verdict, comment));
        } catch (ApprovalNotPermittedException e) {
            if (e.reason() == ApprovalNotPermittedException.Reason.COMMENT_REQUIRED) {
                throw ApiException.unprocessable("comment", e.getMessage());
            }
            throw ApiException.forbidden(e.getMessage());
        }
        String type = verdict == ApprovalVerdict.REJECT ? CampaignEvents.REJECTED
                : after.state() == CampaignState.APPROVED ? CampaignEvents.APPROVED : CampaignEvents.LEVEL_APPROVED;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("role", role);
        extra.put("level", after.decisions().size());
        extra.put("levels", policies.lifecycle().approvalChain().levels());
        extra.put("comment", comment == null ? "" : comment);
        return save(c, before, after, type, user, extra);
    }

    @Transactional
    public Campaign move(String id, String ifMatch, String eventType, UnaryOperator<CampaignLifecycle> move,
                         Map<String, Object> extra, CurrentUser user, OrgScope scope) {
        Campaign c = store.visible(id, scope);
        optionalMatch(ifMatch, c);
        CampaignLifecycle before = store.lifecycle(c);
        CampaignLifecycle after = guarded(() -> move.apply(before));
        return save(c, before, after, eventType, user, extra);
    }

    @Transactional
    public Campaign reopen(String id, String ifMatch, CurrentUser user, OrgScope scope) {
        return move(id, ifMatch, CampaignEvents.REOPENED, workflow::reopen, Map.of(), user, scope);
    }

    @Transactional
    public Campaign startPilot(String id, String ifMatch, CurrentUser user, OrgScope scope) {
        return move(id, ifMatch, CampaignEvents.PILOT_STARTED, workflow::startPilot, Map.of(), user, scope);
    }

    @Transactional
    public Campaign concludePilot(String id, String ifMatch, PilotReport report, CurrentUser user, OrgScope scope) {
        return move(id, ifMatch, CampaignEvents.PILOT_CONCLUDED, l -> workflow.concludePilot(l, report),
                Map.of("outcome", report.outcome().name(), "summary", report.summary()), user, scope);
    }

    @Transactional
    public Campaign activate(String id, String ifMatch, CurrentUser user, OrgScope scope) {
        return move(id, ifMatch, CampaignEvents.ACTIVATED, workflow::activate, Map.of(), user, scope);
    }

    @Transactional
    public Campaign close(String id, String ifMatch, CurrentUser user, OrgScope scope) {
        return move(id, ifMatch, CampaignEvents.CLOSED, workflow::close, Map.of(), user, scope);
    }

    @Transactional
    public Campaign withdraw(String id, String ifMatch, String reason, CurrentUser user, OrgScope scope) {
        return move(id, ifMatch, CampaignEvents.WITHDRAWN, l -> workflow.withdraw(l, reason),
                Map.of("reason", reason), user, scope);
    }

    @Transactional
    public Campaign archive(String id, String ifMatch, CurrentUser user, OrgScope scope) {
        return move(id, ifMatch, CampaignEvents.ARCHIVED, workflow::archive, Map.of(), user, scope);
    }

    @Transactional
    public Campaign restore(String id, String ifMatch, CurrentUser user, OrgScope scope) {
        return move(id, ifMatch, CampaignEvents.RESTORED, workflow::restore, Map.of(), user, scope);
    }

    /** Records what each budget line actually cost and marks the closing evaluation as done. */
    @Transactional
    public Campaign recordEvaluation(String id, String ifMatch, Map<String, BigDecimal> spent, CurrentUser user,
                                     OrgScope scope) {
        Campaign c = store.visible(id, scope);
        optionalMatch(ifMatch, c);
        CampaignLifecycle before = store.lifecycle(c);
        if (before.state() != CampaignState.CLOSED) {
            throw ApiException.illegalTransition("an evaluation is recorded for a CLOSED campaign, this one is "
                    + before.state(), List.of());
        }
        List<CampaignDefinition.BudgetLine> budgetLines = store.definition(c).budgetLines();
        List<String> lines = budgetLines.stream().map(CampaignDefinition.BudgetLine::name).toList();
        List<FieldError> errors = new ArrayList<>();
        int i = 0;
        for (String name : spent.keySet()) {
            if (!lines.contains(name)) {
                errors.add(new FieldError("costs[" + i + "].name", "no budget line named " + name));
            }
            i++;
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        c.costs = store.write(spent);
        CampaignLifecycle after = workflow.recordEvaluation(before);
        // the figures ROI is made of (kpi-service's CAMPAIGN_ROI): attributed revenue and what was spent; and the
        // budget it was spent against (EXPENSE_CONTROL_RATE)
        BigDecimal attributed = progress.progress(c).total();
        BigDecimal cost = Money.sum(List.copyOf(spent.values()));
        BigDecimal budget = Money.sum(budgetLines.stream().map(CampaignDefinition.BudgetLine::amount).toList());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("revenue", Api.money(CampaignEvaluator.revenue(attributed)));
        extra.put("cost", Api.money(cost));
        extra.put("budget", Api.money(budget));
        extra.put("currency", Api.CURRENCY);
        extra.put("roi", Api.rate(CampaignEvaluator.roi(attributed, cost).orElse(null)));
        return save(c, before, after, CampaignEvents.EVALUATED, user, extra);
    }

    private Campaign save(Campaign c, CampaignLifecycle before, CampaignLifecycle after, String eventType,
                          CurrentUser user, Map<String, Object> extra) {
        Instant now = clock.instant();
        c.lifecycle = store.write(after);
        c.state = after.state().name();
        c.updatedAt = now;
        outbox.publish(CampaignEvents.lifecycle(eventType, c, before.state().name(), user.staffId(), Api.time(now),
                extra));
        return c;
    }

    private void requireEditable(Campaign c) {
        if (!CampaignState.DRAFT.name().equals(c.state)) {
            throw ApiException.conflict("a campaign is changed only in DRAFT; this one is " + c.state
                    + " (reopen or revise it first)");
        }
    }

    private static void optionalMatch(String ifMatch, Campaign c) {
        // Actions may be sent without If-Match (the state machine guards them); when sent, a stale one loses.
        ETags.requireMatchIfPresent(ifMatch, c.version);
    }

    private <T> T guarded(java.util.function.Supplier<T> move) {
        try {
            return move.get();
        } catch (IllegalTransitionException e) {
            throw ApiException.illegalTransition(e.getMessage(),
                    e.allowed().stream().map(Enum::name).sorted().toList());
        }
    }

    /** Replaces the award rule set of a DRAFT campaign (validated already) and announces the change. */
    @Transactional
    public Campaign replaceAwardRules(String id, String ifMatch, AwardRuleSet rules, CurrentUser user,
                                      OrgScope scope) {
        Campaign c = store.visible(id, scope);
        ETags.requireMatch(ifMatch, c.version);
        requireEditable(c);
        c.awardRules = store.writeAwardRules(rules);
        Instant now = clock.instant();
        c.updatedAt = now;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("theme", store.definition(c).theme());
        extra.put("changed", "awardRules");
        outbox.publish(CampaignEvents.lifecycle(CampaignEvents.UPDATED, c, c.state, user.staffId(), Api.time(now),
                extra));
        return c;
    }

    private void apply(Campaign c, CampaignDefinition d, AwardRuleSet rules, Instant now) {
        c.definition = store.write(d);
        if (rules != null) {
            c.awardRules = store.writeAwardRules(rules);
        }
        c.periodStart = d.periodStart();
        c.periodEnd = d.periodEnd();
        c.updatedAt = now;
    }

    static CampaignDefinition definition(CampaignInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.period().end().isBefore(in.period().start())) {
            errors.add(new FieldError("period.end", "must not be before the start"));
        }
        List<CampaignDefinition.Window> windows = new ArrayList<>();
        List<CampaignApi.WindowInput> subWindows = in.subWindows() == null ? List.of() : in.subWindows();
        for (int i = 0; i < subWindows.size(); i++) {
            CampaignApi.WindowInput w = subWindows.get(i);
            if (w.end().isBefore(w.start())) {
                errors.add(new FieldError("subWindows[" + i + "].end", "must not be before the start"));
            } else if (w.start().isBefore(in.period().start()) || w.end().isAfter(in.period().end())) {
                errors.add(new FieldError("subWindows[" + i + "]", "must lie inside the campaign period"));
            }
            windows.add(new CampaignDefinition.Window(w.name(), w.start(), w.end()));
        }
        com.example.mkt.campaign.attribution.WindowMode mode = in.windowMode() == null
                ? com.example.mkt.campaign.attribution.WindowMode.WHOLE_PERIOD : in.windowMode();
        if (mode == com.example.mkt.campaign.attribution.WindowMode.SUB_WINDOWS_ONLY && windows.isEmpty()) {
            errors.add(new FieldError("windowMode", "SUB_WINDOWS_ONLY needs sub-windows"));
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < in.products().size(); i++) {
            String code = in.products().get(i).code().strip().toUpperCase(java.util.Locale.ROOT);
            if (codes.contains(code)) {
                errors.add(new FieldError("products[" + i + "].code", "product " + code + " appears more than once"));
            }
            codes.add(code);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        List<CampaignDefinition.BudgetLine> budget = in.budgetLines() == null ? List.of()
                : in.budgetLines().stream().map(b -> new CampaignDefinition.BudgetLine(b.name(), Money.of(b.amount())))
                        .toList();
        return new CampaignDefinition(in.theme(), in.period().start(), in.period().end(), windows, mode,
                in.targetSegments() == null ? List.of() : List.copyOf(in.targetSegments()),
                in.products().stream().map(p -> new CampaignDefinition.Product(p.code().strip(), p.name())).toList(),
                in.channels() == null ? List.of() : List.copyOf(in.channels()),
                in.offerRules() == null ? "" : in.offerRules(), budget, Api.CURRENCY);
    }

    /** The earlier request format of award rules (speed and individual bands), as the rule set it describes. */
    AwardRuleSet awardRules(AwardRulesInput in) {
        Map<String, List<SpeedRecipient>> recipients = new HashMap<>();
        if (in.speedRecipients() != null) {
            in.speedRecipients().forEach((branch, people) -> recipients.put(branch,
                    people.stream().map(p -> new SpeedRecipient(p.staffId(), p.role())).toList()));
        }
        try {
            AwardRules rules = new AwardRules(Money.of(in.pool()), bands(in.speedBands()), in.fillSpeedWithStarting(),
                    new BigDecimal(in.managerWeight()), new BigDecimal(in.staffWeight()), recipients,
                    Money.of(in.individualMinimumSales()), bands(in.individualBands()));
            return AwardPresets.of(rules.policy(), rules.speedRecipients());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("awardRules", e.getMessage());
        }
    }

    private static List<PlacePrize> bands(List<BandInput> in) {
        return in.stream().map(b -> new PlacePrize(b.fromPlace(), b.toPlace(), Money.of(b.amount()))).toList();
    }
}
