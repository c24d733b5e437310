package com.example.mkt.customer.grade;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GradeClassifierTest {

    private final GradeClassifier classifier = new GradeClassifier(GradePolicy.defaults());
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 15);

    private static DealOutlook qualified(String signing) {
        return new DealOutlook(Optional.of(LocalDate.parse(signing)), true, true, true);
    }

    @ParameterizedTest
    @CsvSource({
            "2026-05-01,A", "2026-05-15,A", "2026-06-15,A", "2026-06-16,B", "2026-08-15,B", "2026-08-16,C",
            "2026-11-15,C", "2026-11-16,D", "2027-05-15,D"})
    void horizonBandsUpperBoundsInclusive(String signing, CustomerGrade grade) {
        assertEquals(grade, classifier.classify(qualified(signing), TODAY));
    }

    @ParameterizedTest
    @CsvSource({
            // today, A's last day
            "2026-01-31,2026-02-28",
            "2028-01-31,2028-02-29",   // leap year
            "2026-03-31,2026-04-30"})
    void monthEndsClampToTheShorterMonth(String today, String lastA) {
        LocalDate t = LocalDate.parse(today);
        LocalDate last = LocalDate.parse(lastA);
        assertEquals(CustomerGrade.A, classifier.classify(qualified(lastA), t));
        assertEquals(CustomerGrade.B, classifier.classify(qualified(last.plusDays(1).toString()), t));
    }

    @Test
    void qualificationsMatter() {
        Optional<LocalDate> soon = Optional.of(TODAY.plusDays(10));
        assertEquals(CustomerGrade.B, classifier.classify(new DealOutlook(Optional.of(TODAY.plusMonths(2)), true, true, false), TODAY));
        assertEquals(CustomerGrade.C, classifier.classify(new DealOutlook(Optional.of(TODAY.plusMonths(2)), true, false, false), TODAY),
                "a need without intent is not B");
        assertEquals(CustomerGrade.C, classifier.classify(new DealOutlook(soon, false, false, true), TODAY),
                "no clear need is not A");
        assertEquals(CustomerGrade.D, classifier.classify(new DealOutlook(soon, false, false, false), TODAY));
    }

    @Test
    void noDateYet() {
        assertEquals(CustomerGrade.C, classifier.classify(new DealOutlook(Optional.empty(), false, false, true), TODAY));
        assertEquals(CustomerGrade.C, classifier.classify(new DealOutlook(Optional.empty(), true, true, false), TODAY));
        assertEquals(CustomerGrade.D, classifier.classify(new DealOutlook(Optional.empty(), false, false, false), TODAY));
    }

    @Test
    void policyMustRise() {
        assertThrows(IllegalArgumentException.class, () -> new GradePolicy(3, 3, 6));
        assertThrows(IllegalArgumentException.class, () -> new GradePolicy(0, 3, 6));
    }
}
