package com.example.mkt.campaign.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static com.example.mkt.campaign.lifecycle.CampaignState.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignTransitionsTest {

    private static final Map<CampaignState, Set<CampaignState>> EXPECTED_WITH_PILOT = Map.of(
            DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN),
            SUBMITTED, EnumSet.of(IN_REVIEW, DRAFT, WITHDRAWN),
            IN_REVIEW, EnumSet.of(APPROVED, DRAFT, WITHDRAWN),
            APPROVED, EnumSet.of(PILOT, DRAFT, WITHDRAWN),
            PILOT, EnumSet.of(ACTIVE, DRAFT, CLOSED, WITHDRAWN),
            ACTIVE, EnumSet.of(CLOSED, WITHDRAWN),
            CLOSED, EnumSet.of(ARCHIVED),
            ARCHIVED, EnumSet.of(CLOSED, WITHDRAWN),
            WITHDRAWN, EnumSet.of(ARCHIVED));

    private final CampaignTransitions table = new CampaignTransitions(LifecyclePolicy.defaults());

    @ParameterizedTest
    @EnumSource(CampaignState.class)
    void everyPairIsAllowedExactlyWhenTheTableSaysSo(CampaignState from) {
        for (CampaignState to : CampaignState.values()) {
            assertEquals(EXPECTED_WITH_PILOT.get(from).contains(to), table.isAllowed(from, to), from + " -> " + to);
        }
        assertEquals(EXPECTED_WITH_PILOT.get(from), table.allowedNext(from));
    }

    @ParameterizedTest
    @EnumSource(value = CampaignState.class, names = {"DRAFT", "SUBMITTED", "IN_REVIEW", "APPROVED", "PILOT", "ACTIVE"})
    void withdrawnFromEveryNonFinalState(CampaignState from) {
        assertFalse(from.isFinal());
        assertTrue(table.isAllowed(from, WITHDRAWN));
    }

    @ParameterizedTest
    @EnumSource(value = CampaignState.class, names = {"CLOSED", "ARCHIVED", "WITHDRAWN"})
    void finalStatesCannotBeWithdrawnExceptByRestoringAnArchive(CampaignState from) {
        assertTrue(from.isFinal());
        assertEquals(from == ARCHIVED, table.isAllowed(from, WITHDRAWN));
    }

    @Test
    void withoutRequiredPilotAnApprovedCampaignMayGoStraightToActive() {
        CampaignTransitions noPilot = new CampaignTransitions(LifecyclePolicy.defaults().withPilotRequired(false));
        assertEquals(EnumSet.of(PILOT, ACTIVE, DRAFT, WITHDRAWN), noPilot.allowedNext(APPROVED));
        assertFalse(table.isAllowed(APPROVED, ACTIVE));
    }

    @ParameterizedTest
    @EnumSource(CampaignState.class)
    void noStateLeadsToItself(CampaignState state) {
        assertFalse(table.isAllowed(state, state));
    }

    @Test
    void theTableCannotBeChangedByCallers() {
        Set<CampaignState> next = table.allowedNext(DRAFT);
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> next.add(ACTIVE));
    }
}
