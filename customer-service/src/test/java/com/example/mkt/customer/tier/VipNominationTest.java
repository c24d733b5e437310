package com.example.mkt.customer.tier;

import com.example.mkt.customer.workflow.FourEyesViolationException;
import com.example.mkt.customer.workflow.IllegalTransitionException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VipNominationTest {

    private static final Instant T0 = Instant.parse("2026-05-01T02:00:00Z");
    private final VipNomination nominated = VipNomination.nominate("n1", "c-1", "s-042", "长期合作，年采购额大", T0);

    @Test
    void nominatedMayBeApprovedOrRejected() {
        assertEquals(EnumSet.of(NominationAction.APPROVE, NominationAction.REJECT), nominated.allowedActions());
        VipNomination approved = nominated.approve("m-7", null, T0.plusSeconds(60));
        assertEquals(NominationState.APPROVED, approved.state());
        assertEquals("m-7", approved.decider().orElseThrow());
        assertEquals("长期合作，年采购额大", approved.reason());
    }

    @Test
    void decisionsAreFinal() {
        VipNomination rejected = nominated.reject("m-7", "采购额不足", T0);
        assertEquals(NominationState.REJECTED, rejected.state());
        assertTrue(rejected.allowedActions().isEmpty());
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> rejected.approve("m-7", null, T0));
        assertEquals(NominationState.REJECTED, e.currentState());
        assertEquals(NominationAction.APPROVE, e.attemptedAction());
        assertEquals(Set.of(), e.allowedActions());
    }

    @Test
    void nominatorCannotApproveOwnNomination() {
        assertThrows(FourEyesViolationException.class, () -> nominated.approve("s-042", null, T0));
    }

    @Test
    void rejectionNeedsANote() {
        assertThrows(IllegalArgumentException.class, () -> nominated.reject("m-7", " ", T0));
    }

    @Test
    void nominationNeedsAReason() {
        assertThrows(IllegalArgumentException.class, () -> VipNomination.nominate("n2", "c-1", "s-1", "", T0));
    }

    @Test
    void decisionCannotPrecedeNomination() {
        assertThrows(IllegalArgumentException.class, () -> nominated.approve("m-7", null, T0.minusMillis(1)));
    }
}
