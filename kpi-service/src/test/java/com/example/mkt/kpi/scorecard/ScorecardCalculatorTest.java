package com.example.mkt.kpi.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScorecardCalculatorTest {

    private final ScorecardCalculator calculator = new ScorecardCalculator(ScorecardPolicy.defaults());

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** A flawless month: 200 follow-ups of 200, 10 complaints resolved, 100 of 100 satisfied. */
    private static Builder month() {
        return new Builder();
    }

    private static final class Builder {
        int failedSpotChecks;
        int complaintsReceived = 10;
        int complaintsResolved = 10;
        int followUpsDone = 200;
        BigDecimal followUpsExpected = d("200.00");
        int falseFollowUps;
        int surveyed = 100;
        int satisfied = 100;
        int falseReports;
        List<BigDecimal> audits = List.of();
        List<Commendation> commendations = List.of();
        List<Criticism> criticisms = List.of();

        ScorecardInput build() {
            return new ScorecardInput(failedSpotChecks, complaintsReceived, complaintsResolved, followUpsDone,
                    Fraction.of(followUpsExpected), falseFollowUps, surveyed, satisfied, falseReports, audits, commendations,
                    criticisms);
        }
    }

    private Scorecard score(Builder b) {
        return calculator.compute(b.build());
    }

    @Test
    void flawlessMonthScoresTheFullHundred() {
        Scorecard card = score(month());
        assertEquals(0, d("100").compareTo(card.total()));
        assertEquals(0, d("100").compareTo(ScorecardPolicy.defaults().maximum()));
        for (ScoreItem item : ScoreItem.values()) {
            assertEquals(0, card.items().get(item).weight().compareTo(card.score(item)), item.name());
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 30, 0", "1, 28, 2", "14, 2, 28", "15, 0, 30", "16, 0, 32"})
    void callQualityLosesTwoPerFailedSpotCheckDownToZero(int failed, BigDecimal score, BigDecimal deductions) {
        Builder b = month();
        b.failedSpotChecks = failed;
        ItemScore item = score(b).items().get(ScoreItem.CALL_QUALITY);
        assertEquals(0, score.compareTo(item.score()));
        assertEquals(0, deductions.compareTo(item.deductions()));
    }

    @ParameterizedTest
    @CsvSource({"10, 10, 20", "10, 9, 10", "10, 0, 10", "1, 1, 20", "300, 299, 10"})
    void complaintResolutionIsAllOrTen(int received, int resolved, BigDecimal score) {
        Builder b = month();
        b.complaintsReceived = received;
        b.complaintsResolved = resolved;
        assertEquals(0, score.compareTo(score(b).score(ScoreItem.COMPLAINT_RESOLUTION)));
    }

    @ParameterizedTest
    @CsvSource({
            "201, 200.00, 10",
            "200, 200.00, 10",
            "199, 200.00, 9",
            "190, 200.00, 9",
            "189, 200.00, 8",
            "160, 200.00, 8",
            "159, 200.00, 7",
            "150, 200.00, 7",
            "149, 200.00, 5",
            "0, 200.00, 5",
            // prorated expectations: 95% of 189.48 is 180.006, so 180 is just under it; 95% of 189.47 is 179.9965
            "180, 189.48, 8",
            "180, 189.47, 9"})
    // nobody expected anything (absent all month): UnmeasuredItemsTest
    void followUpCompletionBands(int done, BigDecimal expected, BigDecimal score) {
        Builder b = month();
        b.followUpsDone = done;
        b.followUpsExpected = expected;
        assertEquals(0, score.compareTo(score(b).score(ScoreItem.FOLLOW_UP_COMPLETION)));
    }

    @ParameterizedTest
    @CsvSource({"0, 10", "1, 9", "2, 8", "3, 7", "5, 7", "6, 5", "100, 5"})
    void falseFollowUpBands(int falseOnes, BigDecimal score) {
        Builder b = month();
        b.falseFollowUps = falseOnes;
        assertEquals(0, score.compareTo(score(b).score(ScoreItem.FOLLOW_UP_AUTHENTICITY)));
    }

    @ParameterizedTest
    @CsvSource({"100, 100, 10", "100, 99, 9", "100, 95, 9", "100, 94, 8", "100, 80, 8", "100, 79, 7", "100, 75, 7",
            "100, 74, 5", "3, 2, 5", "20, 19, 9", "20, 18, 8", "20, 16, 8", "20, 15, 7", "20, 14, 5", "4, 3, 7"})
    void satisfactionBands(int surveyed, int satisfied, BigDecimal score) {
        Builder b = month();
        b.surveyed = surveyed;
        b.satisfied = satisfied;
        assertEquals(0, score.compareTo(score(b).score(ScoreItem.SATISFACTION)));
    }

    @ParameterizedTest
    @CsvSource({"0, 10", "1, 8", "4, 2", "5, 0", "6, 0"})
    void falseReportsCostTwoEachDownToZero(int falseReports, BigDecimal score) {
        Builder b = month();
        b.falseReports = falseReports;
        assertEquals(0, score.compareTo(score(b).score(ScoreItem.REPORT_TRUTHFULNESS)));
    }

    @Test
    void auditNoticesDeductTwoToTenEachDownToZero() {
        Builder b = month();
        b.audits = List.of(d("3"));
        assertEquals(0, d("7").compareTo(score(b).score(ScoreItem.AUDIT_NOTICES)));
        b.audits = List.of(d("2"), d("10"));
        Scorecard card = score(b);
        assertEquals(0, card.score(ScoreItem.AUDIT_NOTICES).signum());
        assertEquals(0, d("12").compareTo(card.items().get(ScoreItem.AUDIT_NOTICES).deductions()));
        assertEquals(0, d("90").compareTo(card.total()), "the overflow does not reach other items");
        b.audits = List.of(d("1.99"));
        assertThrows(IllegalArgumentException.class, () -> score(b));
        b.audits = List.of(d("10.01"));
        assertThrows(IllegalArgumentException.class, () -> score(b));
    }

    @Test
    void bonusesLiftTheTotalAboveAHundred() {
        Builder b = month();
        b.commendations = List.of(Commendation.CUSTOMER_LETTER, Commendation.CUSTOMER_LETTER, Commendation.DEPARTMENT,
                Commendation.COMPANY, Commendation.MEDIA);
        Scorecard card = score(b);
        assertEquals(0, d("12").compareTo(card.bonus()));
        assertEquals(0, d("112").compareTo(card.total()));
    }

    @Test
    void penaltiesComeOffTheTotalWhichNeverGoesNegative() {
        Builder b = month();
        b.criticisms = List.of(Criticism.DEPARTMENT, Criticism.COMPANY, Criticism.MEDIA);
        assertEquals(0, d("90").compareTo(score(b).total()));

        Builder worst = month();
        worst.failedSpotChecks = 20;
        worst.complaintsResolved = 0;
        worst.followUpsDone = 0;
        worst.falseFollowUps = 9;
        worst.satisfied = 0;
        worst.falseReports = 9;
        worst.audits = List.of(d("10"));
        worst.criticisms = List.of(Criticism.MEDIA, Criticism.MEDIA, Criticism.MEDIA, Criticism.MEDIA);
        Scorecard card = score(worst);
        // 0 + 10 + 5 + 5 + 5 + 0 + 0 = 25 from items, minus 20
        assertEquals(0, d("5").compareTo(card.total()));
        worst.criticisms = List.of(Criticism.MEDIA, Criticism.MEDIA, Criticism.MEDIA, Criticism.MEDIA, Criticism.MEDIA,
                Criticism.MEDIA);
        assertEquals(0, score(worst).total().signum());
    }

    @Test
    void inputIsValidated() {
        Builder b = month();
        b.complaintsResolved = 11;
        assertThrows(IllegalArgumentException.class, b::build);
        Builder c = month();
        c.satisfied = 101;
        assertThrows(IllegalArgumentException.class, c::build);
        Builder e = month();
        e.failedSpotChecks = -1;
        assertThrows(IllegalArgumentException.class, e::build);
        Builder f = month();
        f.followUpsExpected = d("-1");
        assertThrows(IllegalArgumentException.class, f::build);
    }

    @Test
    void bandsMustBeOrdered() {
        assertThrows(IllegalArgumentException.class, () -> Bands.of("0.80", "2", "0.95", "1", "5"));
        assertThrows(IllegalArgumentException.class, () -> Bands.of("0.80", "2"));
    }
}
