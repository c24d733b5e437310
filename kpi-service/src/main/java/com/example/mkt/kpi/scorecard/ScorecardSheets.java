package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.rest.problem.ApiException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Computes a scorecard's sheet and final score from its inputs and reviews and stores both on the entity: shared by
 * the API (manual inputs) and the monthly run (inputs derived from events).
 */
@ApplicationScoped
public class ScorecardSheets {

    private final ScorecardCalculator calculator;
    private final FollowUpQuota quota;
    private final ReviewBlend blend;
    private final ObjectMapper json;

    public ScorecardSheets(ScorecardCalculator calculator, UnmeasuredConfig unmeasured, FollowUpQuota quota,
            ReviewBlend blend, ObjectMapper json) {
        this.calculator = calculator.withUnmeasured(unmeasured.treatment());
        this.quota = quota;
        this.blend = blend;
        this.json = json;
    }

    /** The stored inputs and reviews of a scorecard. */
    public ScorecardResource.Stored stored(ScorecardEntity s) {
        try {
            return json.readValue(s.inputs, ScorecardResource.Stored.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void compute(ScorecardEntity s, ScorecardResource.Inputs in, ScorecardResource.ReviewScores reviews) {
        if (in.complaintsResolved() > in.complaintsReceived()) {
            throw ApiException.unprocessable("inputs.complaintsResolved", "must not exceed complaintsReceived");
        }
        if (in.satisfied() > in.surveyed()) {
            throw ApiException.unprocessable("inputs.satisfied", "must not exceed surveyed");
        }
        Attendance attendance = new Attendance(in.daysOnDuty(), in.scheduledDays());
        BigDecimal expected = quota.expected(attendance);
        ScorecardInput input;
        Scorecard sheet;
        try {
            input = new ScorecardInput(in.failedSpotChecks(), in.complaintsReceived(), in.complaintsResolved(),
                    in.followUpsDone(), quota.owed(attendance), in.falseFollowUps(), in.surveyed(), in.satisfied(), in.falseReports(),
                    decimals(in.auditDeductions()), in.commendations() == null ? List.of() : in.commendations(),
                    in.criticisms() == null ? List.of() : in.criticisms());
            sheet = calculator.compute(input);
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable("inputs", e.getMessage());
        }
        BigDecimal finalScore = sheet.total();
        if (reviews != null && (reviews.self() != null || reviews.manager() != null
                || (reviews.peers() != null && !reviews.peers().isEmpty()))) {
            finalScore = blend.finalScore(new Reviews(Optional.ofNullable(reviews.self()).map(BigDecimal::new),
                    Optional.ofNullable(reviews.manager()).map(BigDecimal::new),
                    decimals(reviews.peers()))).orElseThrow(() -> ApiException.unprocessable("reviews.manager",
                            "the manager's review is required"));
        }
        ScorecardResource.Sheet view = view(sheet, expected);
        try {
            s.inputs = json.writeValueAsString(new ScorecardResource.Stored(in, reviews));
            s.sheet = json.writeValueAsString(view);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        s.sheetTotal = sheet.total();
        s.finalScore = finalScore;
        s.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static ScorecardResource.Sheet view(Scorecard sheet, BigDecimal expected) {
        Map<String, ScorecardResource.ItemView> items = new LinkedHashMap<>();
        sheet.items().forEach((item, score) -> items.put(item.name(), new ScorecardResource.ItemView(
                points(score.weight()), points(score.deductions()), score.counted() ? points(score.score()) : null,
                score.measured(), score.treatment() == null ? null : score.treatment().name())));
        return new ScorecardResource.Sheet(items, expected.toPlainString(), points(sheet.countedWeight()),
                points(sheet.bonus()), points(sheet.penalty()), points(sheet.total()));
    }

    private static List<BigDecimal> decimals(List<String> values) {
        return values == null ? List.of() : values.stream().map(BigDecimal::new).toList();
    }

    private static String points(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
