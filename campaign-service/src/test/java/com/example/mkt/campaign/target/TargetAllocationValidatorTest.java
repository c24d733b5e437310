package com.example.mkt.campaign.target;

import com.example.mkt.campaign.SeedCampaign;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetAllocationValidatorTest {

    private final TargetAllocationValidator validator = new TargetAllocationValidator();

    private static BranchTarget target(String branch, String starting, String budget) {
        return new BranchTarget(branch, new BigDecimal(starting), new BigDecimal(budget));
    }

    @Test
    void theSeedAllocationIsValid() {
        assertEquals(List.of(), validator.validate(SeedCampaign.allocation()));
        assertEquals(11, SeedCampaign.BRANCH_TARGETS.size());
    }

    @ParameterizedTest
    @CsvSource({
            "1499999.99, 2000000.00, startingTotal",
            "1500000.01, 2000000.00, startingTotal",
            "1500000.00, 1999999.99, budgetTotal",
            "1500000.00, 2000000.01, budgetTotal"})
    void sumsMustEqualStatedTotalsToTheCent(String startingTotal, String budgetTotal, String field) {
        List<TargetViolation> v = validator.validate(new TargetAllocation(SeedCampaign.BRANCH_TARGETS,
                new BigDecimal(startingTotal), new BigDecimal(budgetTotal)));
        assertEquals(1, v.size(), v::toString);
        assertEquals(field, v.get(0).field());
    }

    @Test
    void totalsWithDifferentScaleStillMatch() {
        assertEquals(List.of(), validator.validate(new TargetAllocation(SeedCampaign.BRANCH_TARGETS,
                new BigDecimal("1500000"), new BigDecimal("2.0E+6"))));
    }

    @Test
    void withoutTotalsOnlyTheBranchesAreChecked() {
        assertEquals(List.of(), validator.validate(TargetAllocation.withoutTotals(SeedCampaign.BRANCH_TARGETS)));
        assertEquals(List.of(), validator.validate(TargetAllocation.withoutTotals(List.of())));
    }

    @Test
    void anEmptyAllocationCannotMeetNonZeroTotals() {
        List<TargetViolation> v = validator.validate(new TargetAllocation(List.of(),
                SeedCampaign.STARTING_TOTAL, SeedCampaign.BUDGET_TOTAL));
        assertEquals(List.of("startingTotal", "budgetTotal"), v.stream().map(TargetViolation::field).toList());
    }

    @ParameterizedTest
    @CsvSource({
            "180000.00, 179999.99, 1",
            "180000.00, 180000.00, 0",
            "180000.00, 180000.01, 0"})
    void budgetIsAtLeastStarting(String starting, String budget, int violations) {
        List<TargetViolation> v = validator.validate(TargetAllocation.withoutTotals(List.of(
                target("B-NANCHANG", starting, budget))));
        assertEquals(violations, v.size(), v::toString);
        if (violations == 1) {
            assertEquals("branches[0].budget", v.get(0).field());
        }
    }

    @Test
    void aBranchAppearsOnce() {
        List<BranchTarget> targets = new ArrayList<>(SeedCampaign.BRANCH_TARGETS);
        targets.add(target("B-NANCHANG", "1", "1"));
        List<TargetViolation> v = validator.validate(TargetAllocation.withoutTotals(targets));
        assertEquals(1, v.size());
        assertEquals("branches[11].branch", v.get(0).field());
        assertTrue(v.get(0).message().contains("B-NANCHANG"));
    }

    @ParameterizedTest
    @CsvSource({
            "0.00, 1.00, branches[0].starting",
            "-1.00, 1.00, branches[0].starting",
            "1.001, 2.00, branches[0].starting",
            "1.00, 2.005, branches[0].budget"})
    void targetsArePositiveCnyWithCents(String starting, String budget, String field) {
        List<TargetViolation> v = validator.validate(TargetAllocation.withoutTotals(List.of(
                target("B-NANCHANG", starting, budget))));
        assertEquals(1, v.size(), v::toString);
        assertEquals(field, v.get(0).field());
    }

    @Test
    void trailingZerosBeyondCentsAreFine() {
        assertEquals(List.of(), validator.validate(TargetAllocation.withoutTotals(List.of(
                target("B-NANCHANG", "1.000", "2.0000")))));
    }

    @Test
    void aBlankBranchIsRefused() {
        assertEquals("branches[0].branch", validator.validate(TargetAllocation.withoutTotals(List.of(
                target(" ", "1", "1")))).get(0).field());
    }

    @Test
    void budgetTotalIsAtLeastStartingTotal() {
        List<TargetViolation> v = validator.validate(new TargetAllocation(List.of(), BigDecimal.ZERO.add(BigDecimal.ONE),
                BigDecimal.ZERO));
        assertTrue(v.stream().anyMatch(x -> x.field().equals("budgetTotal") && x.message().contains("below")));
    }
}
