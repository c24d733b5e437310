package com.example.mkt.kpi.alert;

import com.example.mkt.kpi.period.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * "Target missed N periods running" alerts per org unit and KPI (docs/domain.md#alerts).
 *
 * <p>An alert opens once per streak, when the N-th consecutive miss is recorded; further misses do not raise it again.
 * It closes on the first period that meets target. Periods must be consecutive to count as "running": when a period
 * has no result (no target was set), the miss count starts again, but an open alert stays open, because nothing has
 * shown the unit back on target.
 */
public final class MissStreakDetector {

    /** The state after a result, and the transition the result caused, if any. */
    public record Step(MissStreak state, Optional<AlertTransition> transition) {
    }

    /** The state after a whole history, and every transition on the way, oldest first. */
    public record Replay(MissStreak state, List<AlertTransition> transitions) {
        public Replay {
            transitions = List.copyOf(transitions);
        }
    }

    private final MissStreakPolicy policy;

    public MissStreakDetector(MissStreakPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * @throws IllegalArgumentException if the result is not later than the last one evaluated, or of another grain;
     *                                  a late correction is handled by {@link #replay} of the whole history
     */
    public Step next(MissStreak state, PeriodResult result) {
        Period period = result.period();
        Period last = state.lastPeriod();
        int misses = state.misses();
        Period streakStart = state.streakStart();
        if (last != null) {
            if (last.type() != period.type() || period.compareTo(last) <= 0) {
                throw new IllegalArgumentException(period + " does not follow " + last);
            }
            if (!period.equals(last.next())) {
                misses = 0;
            }
        }
        if (result.met()) {
            MissStreak after = new MissStreak(period, 0, null, false);
            Optional<AlertTransition> closed = state.open()
                    ? Optional.of(new AlertTransition(AlertTransition.Kind.CLOSED, period, streakStart, 0))
                    : Optional.empty();
            return new Step(after, closed);
        }
        if (misses == 0 && !state.open()) {
            streakStart = period;
        }
        misses++;
        if (!state.open() && misses >= policy.periodsRunning()) {
            return new Step(new MissStreak(period, misses, streakStart, true),
                    Optional.of(new AlertTransition(AlertTransition.Kind.OPENED, period, streakStart, misses)));
        }
        return new Step(new MissStreak(period, misses, streakStart, state.open()), Optional.empty());
    }

    /**
     * Re-evaluates a whole history, e.g. after a late correction changed an old period's result. The input may be in
     * any order but must not repeat a period.
     */
    public Replay replay(List<PeriodResult> history) {
        List<PeriodResult> ordered = new ArrayList<>(history);
        ordered.sort(Comparator.comparing(PeriodResult::period));
        MissStreak state = MissStreak.initial();
        List<AlertTransition> transitions = new ArrayList<>();
        for (PeriodResult result : ordered) {
            Step step = next(state, result);
            step.transition().ifPresent(transitions::add);
            state = step.state();
        }
        return new Replay(state, transitions);
    }
}
