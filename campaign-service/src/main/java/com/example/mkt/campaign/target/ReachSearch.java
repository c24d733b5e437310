package com.example.mkt.campaign.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * When a branch's running total last rose to a target and stayed there, found from its day buckets without reading
 * its whole history: the same answer as {@link TargetProgressCalculator} over every contribution.
 *
 * <p>The running total at any instant of day {@code d} is at least the total at the start of {@code d} plus the
 * day's negative amounts (refunds). Walking back from the last day, a day whose start total plus its refunds is at
 * or above the target cannot hold a dip below it and is skipped; a day whose end total is below the target is the
 * dip itself (the target was reached at the next day's first instant); a day in between is read instant by instant.
 * With sales only, that is the day the target was crossed; with refunds it may be a few days more.
 */
public final class ReachSearch {

    /** One day of a branch: net amount, sum of its negative amounts (≤ 0) and its first instant. */
    public record Day(LocalDate day, BigDecimal net, BigDecimal negatives, Instant first) {
    }

    /** Reads the net amount per instant of one day, in instant order. */
    @FunctionalInterface
    public interface DayReader {
        NavigableMap<Instant, BigDecimal> netByInstant(LocalDate day);
    }

    private ReachSearch() {
    }

    /**
     * @param days  every day bucket of the branch, in day order
     * @param total the branch's total (the sum of the days' nets)
     * @return when the target was reached and stayed reached; empty while the total is below it
     */
    public static Optional<Instant> reachedAt(BigDecimal target, List<Day> days, BigDecimal total, DayReader reader) {
        Walk walk = new Walk(target, days, total);
        while (!walk.done()) {
            LocalDate day = walk.wanted(1).get(0);
            walk.advance(Map.of(day, reader.netByInstant(day)));
        }
        return walk.result();
    }

    /**
     * Whether a target reached at {@code moment} is still reached at that moment after a batch whose contributions
     * all lie in days after the moment's day, without reading any contribution. Such a batch leaves the running
     * totals up to the end of the moment's day as they were (below the target just before the moment, at or above it
     * from the moment to the day's end); the moment stands when no later day can hold a dip below the target: each
     * one's start total plus its refunds stays at or above it. False means "search" (a dip is possible, not certain).
     *
     * @param days  every day bucket of the branch, in day order, the batch included
     * @param total the branch's total after the batch
     */
    public static boolean stillReachedAt(BigDecimal target, List<Day> days, BigDecimal total, Instant moment) {
        if (total.compareTo(target) < 0) {
            return false;
        }
        LocalDate momentDay = ProgressStore.bucket(moment);
        BigDecimal endOfDay = total;
        for (int i = days.size() - 1; i >= 0 && days.get(i).day().isAfter(momentDay); i--) {
            Day d = days.get(i);
            BigDecimal startOfDay = endOfDay.subtract(d.net());
            if (startOfDay.add(d.negatives()).compareTo(target) < 0) {
                return false;
            }
            endOfDay = startOfDay;
        }
        return true;
    }

    /**
     * One search in progress, walking a branch's days back from the last. It asks for the days it must read, so that
     * a caller can read the days of many searches in one query per round ({@link TargetWatch}).
     */
    public static final class Walk {

        private final BigDecimal target;
        private final List<Day> days;
        private int index;
        private BigDecimal endOfDay;
        private Optional<Instant> result;

        public Walk(BigDecimal target, List<Day> days, BigDecimal total) {
            this.target = target;
            this.days = days;
            this.index = days.size() - 1;
            this.endOfDay = total;
            this.result = days.isEmpty() || total.compareTo(target) < 0 ? Optional.empty() : null;
            skip();
        }

        public boolean done() {
            return result != null;
        }

        /** When the target was reached (empty: not reached); only once {@link #done()}. */
        public Optional<Instant> result() {
            if (result == null) {
                throw new IllegalStateException("the search still needs days");
            }
            return result;
        }

        /**
         * The next at most {@code n} days the walk may have to read, latest first: the day it stands on and those
         * further back it would read if the ones before held no dip. Empty once done.
         */
        public List<LocalDate> wanted(int n) {
            List<LocalDate> wanted = new ArrayList<>();
            if (done()) {
                return wanted;
            }
            BigDecimal end = endOfDay;
            for (int i = index; i >= 0 && wanted.size() < n; i--) {
                Day d = days.get(i);
                if (end.compareTo(target) < 0) {
                    break;
                }
                BigDecimal start = end.subtract(d.net());
                if (start.add(d.negatives()).compareTo(target) < 0) {
                    wanted.add(d.day());
                }
                end = start;
            }
            return wanted;
        }

        /** Goes on with the days read (instant → net amount); stops at a day it needs that is not among them. */
        public void advance(Map<LocalDate, ? extends NavigableMap<Instant, BigDecimal>> read) {
            while (!done() && read.containsKey(days.get(index).day())) {
                Day d = days.get(index);
                BigDecimal startOfDay = endOfDay.subtract(d.net());
                Optional<Instant> afterDip = afterLastDip(target, startOfDay, read.get(d.day()));
                if (afterDip.isPresent()) {
                    // the dip was the day's last instant: the target was reached at the next day's first
                    result = afterDip.get().equals(Instant.MAX) ? Optional.of(days.get(index + 1).first()) : afterDip;
                    return;
                }
                endOfDay = startOfDay;
                index--;
                skip();
            }
        }

        /** Moves back over the days that cannot hold a dip, to the next one that may; or finds the moment. */
        private void skip() {
            while (!done()) {
                if (index < 0) {
                    result = Optional.of(days.get(0).first());
                    return;
                }
                if (endOfDay.compareTo(target) < 0) {
                    // this day's last instant is below the target and every later one is at or above it
                    result = Optional.of(days.get(index + 1).first());
                    return;
                }
                Day d = days.get(index);
                BigDecimal startOfDay = endOfDay.subtract(d.net());
                if (startOfDay.add(d.negatives()).compareTo(target) < 0) {
                    return; // this day must be read
                }
                endOfDay = startOfDay;
                index--;
            }
        }
    }

    /**
     * The instant after the day's last instant whose running total is below the target: {@link Instant#MAX} when
     * that was the day's last instant, empty when no instant of the day is below.
     */
    private static Optional<Instant> afterLastDip(BigDecimal target, BigDecimal startOfDay,
            NavigableMap<Instant, BigDecimal> netByInstant) {
        BigDecimal running = startOfDay;
        Instant lastDip = null;
        for (Map.Entry<Instant, BigDecimal> e : netByInstant.entrySet()) {
            running = running.add(e.getValue());
            if (running.compareTo(target) < 0) {
                lastDip = e.getKey();
            }
        }
        if (lastDip == null) {
            return Optional.empty();
        }
        Instant next = netByInstant.higherKey(lastDip);
        return Optional.of(next == null ? Instant.MAX : next);
    }
}
