package com.example.mkt.customer.workflow;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable state machine: which action moves which state where. Aggregates keep their guards
 * (e.g. "only when overdue") themselves and filter {@link #allowedActions} with them, so the
 * REST layer can answer 409 with exactly what is possible now.
 */
public final class TransitionTable<S extends Enum<S>, A extends Enum<A>> {

    private final String aggregate;
    private final Class<S> stateType;
    private final Class<A> actionType;
    private final Map<S, Map<A, S>> transitions;

    private TransitionTable(String aggregate, Class<S> stateType, Class<A> actionType, Map<S, Map<A, S>> transitions) {
        this.aggregate = aggregate;
        this.stateType = stateType;
        this.actionType = actionType;
        this.transitions = transitions;
    }

    public static <S extends Enum<S>, A extends Enum<A>> Builder<S, A> builder(String aggregate, Class<S> stateType, Class<A> actionType) {
        return new Builder<>(aggregate, stateType, actionType);
    }

    public String aggregate() {
        return aggregate;
    }

    public Optional<S> target(S from, A action) {
        return Optional.ofNullable(transitions.get(from).get(action));
    }

    public Set<A> allowedActions(S from) {
        Set<A> actions = transitions.get(from).keySet();
        return actions.isEmpty() ? EnumSet.noneOf(actionType) : EnumSet.copyOf(actions);
    }

    public Set<S> allowedTargets(S from) {
        EnumSet<S> targets = EnumSet.noneOf(stateType);
        targets.addAll(transitions.get(from).values());
        return targets;
    }

    public boolean isTerminal(S state) {
        return transitions.get(state).isEmpty();
    }

    /** The target of {@code action} from {@code from}, or an {@link IllegalTransitionException}. */
    public S require(S from, A action) {
        return require(from, action, allowedActions(from));
    }

    /** As {@link #require(Enum, Enum)}, but against actions already narrowed by the aggregate's guards. */
    public S require(S from, A action, Set<A> allowedNow) {
        S to = transitions.get(from).get(action);
        if (to == null || !allowedNow.contains(action)) {
            EnumSet<S> targets = EnumSet.noneOf(stateType);
            allowedNow.forEach(a -> targets.add(transitions.get(from).get(a)));
            throw new IllegalTransitionException(aggregate, from, action, allowedNow, targets);
        }
        return to;
    }

    public static final class Builder<S extends Enum<S>, A extends Enum<A>> {
        private final String aggregate;
        private final Class<S> stateType;
        private final Class<A> actionType;
        private final Map<S, Map<A, S>> transitions;

        private Builder(String aggregate, Class<S> stateType, Class<A> actionType) {
            this.aggregate = Objects.requireNonNull(aggregate);
            this.stateType = stateType;
            this.actionType = actionType;
            this.transitions = new EnumMap<>(stateType);
            for (S state : stateType.getEnumConstants()) {
                transitions.put(state, new EnumMap<>(actionType));
            }
        }

        public Builder<S, A> on(S from, A action, S to) {
            S previous = transitions.get(from).putIfAbsent(action, to);
            if (previous != null) {
                throw new IllegalStateException(aggregate + ": " + from + " --" + action + "--> defined twice");
            }
            return this;
        }

        public TransitionTable<S, A> build() {
            Map<S, Map<A, S>> frozen = new EnumMap<>(stateType);
            transitions.forEach((state, edges) -> frozen.put(state, Collections.unmodifiableMap(new EnumMap<>(edges))));
            return new TransitionTable<>(aggregate, stateType, actionType, Collections.unmodifiableMap(frozen));
        }
    }
}
