package com.example.mkt.customer.workflow;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An action that the current state (or its guards) does not allow. Carries what the REST layer
 * needs for a 409 with {@code allowed} (docs/api.md#errors).
 */
public final class IllegalTransitionException extends RuntimeException {

    private final String aggregate;
    private final Enum<?> currentState;
    private final Enum<?> attemptedAction;
    private final Set<Enum<?>> allowedActions;
    private final Set<Enum<?>> allowedStates;

    public IllegalTransitionException(String aggregate, Enum<?> currentState, Enum<?> attemptedAction,
                                      Set<? extends Enum<?>> allowedActions, Set<? extends Enum<?>> allowedStates) {
        super(aggregate + " in state " + currentState + " cannot " + attemptedAction + "; allowed: " + allowedActions);
        this.aggregate = aggregate;
        this.currentState = currentState;
        this.attemptedAction = attemptedAction;
        this.allowedActions = Collections.unmodifiableSet(new LinkedHashSet<>(allowedActions));
        this.allowedStates = Collections.unmodifiableSet(new LinkedHashSet<>(allowedStates));
    }

    public String aggregate() {
        return aggregate;
    }

    public Enum<?> currentState() {
        return currentState;
    }

    public Enum<?> attemptedAction() {
        return attemptedAction;
    }

    public Set<Enum<?>> allowedActions() {
        return allowedActions;
    }

    public Set<Enum<?>> allowedStates() {
        return allowedStates;
    }

    /** Action names in declaration order, ready for the problem+json {@code allowed} member. */
    public List<String> allowedActionNames() {
        return allowedActions.stream().sorted((a, b) -> Integer.compare(a.ordinal(), b.ordinal()))
                .map(Enum::name).collect(Collectors.toList());
    }
}
