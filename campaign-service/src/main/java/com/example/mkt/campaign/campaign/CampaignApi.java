package com.example.mkt.campaign.campaign;

import com.example.mkt.campaign.attribution.WindowMode;
import com.example.mkt.campaign.award.RecipientRole;
import com.example.mkt.campaign.lifecycle.PilotOutcome;
import com.example.mkt.campaign.shared.Api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Request and response bodies of /api/v1/campaigns. */
public final class CampaignApi {

    private CampaignApi() {
    }

    public record CampaignInput(
            @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9-]*$",
                    message = "letters, digits and hyphens") String code,
            @NotBlank @Size(max = 200) String theme,
            @NotBlank @Size(max = 64) String orgUnit,
            @NotNull @Valid PeriodInput period,
            @Size(max = 20) List<@Valid @NotNull WindowInput> subWindows,
            WindowMode windowMode,
            @Size(max = 50) List<@NotBlank @Size(max = 64) String> targetSegments,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull ProductInput> products,
            @Size(max = 20) List<@NotBlank @Size(max = 32) String> channels,
            @Size(max = 4000) String offerRules,
            @Size(max = 50) List<@Valid @NotNull BudgetLineInput> budgetLines,
            @Pattern(regexp = "^CNY$", message = "only CNY is supported") String currency,
            @Valid AwardRulesInput awardRules) {
    }

    public record PeriodInput(@NotNull LocalDate start, @NotNull LocalDate end) {
    }

    public record WindowInput(@NotBlank @Size(max = 64) String name, @NotNull LocalDate start,
                              @NotNull LocalDate end) {
    }

    public record ProductInput(@NotBlank @Size(max = 64) String code, @NotBlank @Size(max = 200) String name) {
    }

    public record BudgetLineInput(@NotBlank @Size(max = 200) String name,
                                  @NotNull @Pattern(regexp = Api.MONEY, message = Api.MONEY_MESSAGE) String amount) {
    }

    public record BandInput(@Min(1) int fromPlace, @Min(1) int toPlace,
                            @NotNull @Pattern(regexp = Api.MONEY, message = Api.MONEY_MESSAGE) String amount) {
    }

    public record RecipientInput(@NotBlank @Size(max = 64) String staffId, @NotNull RecipientRole role) {
    }

    public record AwardRulesInput(
            @NotNull @Pattern(regexp = Api.MONEY, message = Api.MONEY_MESSAGE) String pool,
            @NotNull @Size(max = 100) List<@Valid @NotNull BandInput> speedBands,
            boolean fillSpeedWithStarting,
            @NotNull @Pattern(regexp = "^[0-9]{1,3}(\\.[0-9]{1,4})?$", message = "a non-negative decimal") String managerWeight,
            @NotNull @Pattern(regexp = "^[0-9]{1,3}(\\.[0-9]{1,4})?$", message = "a non-negative decimal") String staffWeight,
            Map<String, List<@Valid @NotNull RecipientInput>> speedRecipients,
            @NotNull @Pattern(regexp = Api.MONEY, message = Api.MONEY_MESSAGE) String individualMinimumSales,
            @NotNull @Size(max = 100) List<@Valid @NotNull BandInput> individualBands) {
    }

    public record CommentInput(@Size(max = 2000) String comment) {
    }

    public record ReasonInput(@NotBlank @Size(max = 2000) String reason) {
    }

    public record PilotReportInput(@NotNull PilotOutcome outcome, @NotBlank @Size(max = 4000) String summary) {
    }

    public record SpentInput(@NotBlank @Size(max = 200) String name,
                             @NotNull @Pattern(regexp = Api.MONEY, message = Api.MONEY_MESSAGE) String spent) {
    }

    public record EvaluationRecordInput(@NotNull @Size(max = 50) List<@Valid @NotNull SpentInput> costs) {
    }

    // ---- responses

    public record MoneyView(String amount, String currency) {
    }

    public record BudgetLineView(String name, String amount, String currency) {
    }

    public record ProductView(String code, String name) {
    }

    public record PeriodView(LocalDate start, LocalDate end) {
    }

    public record WindowView(String name, LocalDate start, LocalDate end) {
    }

    public record HitView(String field, String keyword, int offset, String matched) {
    }

    public record DecisionView(String role, String actor, String verdict, String comment, String decidedAt) {
    }

    public record ReviewView(String submittedBy, String awaitedRole, List<String> approvalChain,
                             List<HitView> keywordHits, List<DecisionView> decisions) {
    }

    public record PilotView(String startedAt, String deadline, boolean overdue) {
    }

    public record BandView(int fromPlace, int toPlace, String amount) {
    }

    /**
     * The campaign's award rule set: {@code awards} is the declarative document (as GET .../award-rules shows
     * it); the fields before it are the earlier fixed-shape view, filled when the rule set has that shape (a speed
     * and an individual award) and null otherwise.
     */
    public record AwardRulesView(String pool, String currency, List<BandView> speedBands,
                                 Boolean fillSpeedWithStarting, String managerWeight, String staffWeight,
                                 Map<String, List<RecipientInput>> speedRecipients, String individualMinimumSales,
                                 List<BandView> individualBands, Object awards) {
    }

    public record CampaignView(
            String id, String code, String theme, String orgUnit, String state, List<String> allowedNext,
            PeriodView period, List<WindowView> subWindows, WindowMode windowMode, List<String> targetSegments,
            List<ProductView> products, List<String> channels, String offerRules, List<BudgetLineView> budgetLines,
            MoneyView budgetTotal, String currency, AwardRulesView awardRules, ReviewView review, PilotView pilot,
            boolean evaluationRecorded, String createdBy, String createdAt, String updatedAt, long version) {
    }

    public record Summary(String id, String code, String theme, String orgUnit, String state, PeriodView period,
                          String updatedAt) {
    }
}
