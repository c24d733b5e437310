package com.example.mkt.customer.workflow;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TransitionTableTest {

    enum S { OPEN, DONE }

    enum A { FINISH, REOPEN, POKE }

    private final TransitionTable<S, A> table = TransitionTable.builder("thing", S.class, A.class)
            .on(S.OPEN, A.FINISH, S.DONE)
            .on(S.OPEN, A.POKE, S.OPEN)
            .on(S.DONE, A.REOPEN, S.OPEN)
            .build();

    @Test
    void lookups() {
        assertEquals(Optional.of(S.DONE), table.target(S.OPEN, A.FINISH));
        assertEquals(Optional.empty(), table.target(S.DONE, A.FINISH));
        assertEquals(EnumSet.of(A.FINISH, A.POKE), table.allowedActions(S.OPEN));
        assertEquals(EnumSet.of(S.OPEN, S.DONE), table.allowedTargets(S.OPEN));
    }

    @Test
    void illegalTransitionCarriesWhatA409Needs() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> table.require(S.DONE, A.FINISH));
        assertEquals("thing", e.aggregate());
        assertEquals(S.DONE, e.currentState());
        assertEquals(A.FINISH, e.attemptedAction());
        assertEquals(List.of("REOPEN"), e.allowedActionNames());
        assertEquals(EnumSet.of(S.OPEN), e.allowedStates());
    }

    @Test
    void guardsNarrowTheAllowedSet() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> table.require(S.OPEN, A.POKE, EnumSet.of(A.FINISH)));
        assertEquals(List.of("FINISH"), e.allowedActionNames());
        assertEquals(S.DONE, table.require(S.OPEN, A.FINISH, EnumSet.of(A.FINISH)));
    }

    @Test
    void duplicateEdgesAreADefinitionError() {
        assertThrows(IllegalStateException.class, () -> TransitionTable.builder("x", S.class, A.class)
                .on(S.OPEN, A.FINISH, S.DONE).on(S.OPEN, A.FINISH, S.OPEN));
    }
}
