package com.example.mkt.campaign.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
 * or above the target cannot hold a dip below it and is skipped; the first day that could is read instant by
 * instant. With sales only, that is the day the target was crossed; with refunds it may be a few days more.
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
        if (days.isEmpty() || total.compareTo(target) < 0) {
            return Optional.empty();
        }
        BigDecimal endOfDay = total;
        for (int i = days.size() - 1; i >= 0; i--) {
            Day d = days.get(i);
            BigDecimal startOfDay = endOfDay.subtract(d.net());
            if (startOfDay.add(d.negatives()).compareTo(target) < 0) {
                Optional<Instant> afterDip = afterLastDip(target, startOfDay, reader.netByInstant(d.day()));
                if (afterDip.isPresent()) {
                    // the dip was the day's last instant: the target was reached at the next day's first
                    return afterDip.get().equals(Instant.MAX) ? Optional.of(days.get(i + 1).first()) : afterDip;
                }
            }
            endOfDay = startOfDay;
        }
        return Optional.of(days.get(0).first());
    }

    /**
     * The last day that could hold a dip below the target: the day {@link #reachedAt} reads first. Lets a caller
     * read that day of many branches in one query before searching.
     */
    public static Optional<LocalDate> firstDayToRead(BigDecimal target, List<Day> days, BigDecimal total) {
        if (days.isEmpty() || total.compareTo(target) < 0) {
            return Optional.empty();
        }
        BigDecimal endOfDay = total;
        for (int i = days.size() - 1; i >= 0; i--) {
            Day d = days.get(i);
            BigDecimal startOfDay = endOfDay.subtract(d.net());
            if (startOfDay.add(d.negatives()).compareTo(target) < 0) {
                return Optional.of(d.day());
            }
            endOfDay = startOfDay;
        }
        return Optional.empty();
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
