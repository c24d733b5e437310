package com.example.mkt.customer.score;

import com.example.mkt.customer.sales.Sale;
import com.example.mkt.customer.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A customer's purchase figures, folded from sales events (docs/domain.md#value-score, docs/domain.md#sales-events).
 * Immutable; {@link #apply(Sale)} returns the next value. Every field is order-independent (min, max, top-two,
 * sums), so events arriving late or out of order give the same result; the caller deduplicates by
 * event id before applying (a resent sale is counted once, docs/domain.md#sales-events).
 *
 * <p>Months are calendar months of the business zone; a refund lands in the month of the sale it
 * reverses when known ({@link Sale#attributedAt()}), and a month's net spend can be negative when a
 * refund of an older, unknown sale arrives. Refunds do not change purchase dates or order counts.
 */
public final class PurchaseStats {

    private final ZoneId zone;
    private final Instant firstPurchaseAt;
    private final Instant lastPurchaseAt;
    private final Instant priorPurchaseAt;
    private final long orderCount;
    private final long refundCount;
    private final BigDecimal lifetimeSpend;
    private final NavigableMap<YearMonth, BigDecimal> spendByMonth;
    private final NavigableMap<YearMonth, Integer> ordersByMonth;

    private PurchaseStats(ZoneId zone, Instant firstPurchaseAt, Instant lastPurchaseAt, Instant priorPurchaseAt,
                          long orderCount, long refundCount, BigDecimal lifetimeSpend,
                          Map<YearMonth, BigDecimal> spendByMonth, Map<YearMonth, Integer> ordersByMonth) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.firstPurchaseAt = firstPurchaseAt;
        this.lastPurchaseAt = lastPurchaseAt;
        this.priorPurchaseAt = priorPurchaseAt;
        this.orderCount = orderCount;
        this.refundCount = refundCount;
        this.lifetimeSpend = Money.normalize(lifetimeSpend);
        TreeMap<YearMonth, BigDecimal> spend = new TreeMap<>();
        spendByMonth.forEach((month, amount) -> spend.put(month, Money.normalize(amount)));
        this.spendByMonth = Collections.unmodifiableNavigableMap(spend);
        this.ordersByMonth = Collections.unmodifiableNavigableMap(new TreeMap<>(ordersByMonth));
    }

    public static PurchaseStats empty(ZoneId zone) {
        return new PurchaseStats(zone, null, null, null, 0, 0, Money.ZERO, Map.of(), Map.of());
    }

    /** Rebuilds stored figures (persistence); arguments as returned by the accessors, absent dates as null. */
    public static PurchaseStats restore(ZoneId zone, Instant firstPurchaseAt, Instant lastPurchaseAt, Instant priorPurchaseAt,
                                        long orderCount, long refundCount, BigDecimal lifetimeSpend,
                                        Map<YearMonth, BigDecimal> spendByMonth, Map<YearMonth, Integer> ordersByMonth) {
        return new PurchaseStats(zone, firstPurchaseAt, lastPurchaseAt, priorPurchaseAt, orderCount, refundCount,
                lifetimeSpend, spendByMonth, ordersByMonth);
    }

    public PurchaseStats apply(Sale sale) {
        YearMonth month = YearMonth.from(sale.attributedAt().atZone(zone));
        TreeMap<YearMonth, BigDecimal> spend = new TreeMap<>(spendByMonth);
        spend.merge(month, sale.signedAmount(), BigDecimal::add);
        BigDecimal lifetime = lifetimeSpend.add(sale.signedAmount());
        if (sale.isRefund()) {
            return new PurchaseStats(zone, firstPurchaseAt, lastPurchaseAt, priorPurchaseAt, orderCount,
                    refundCount + 1, lifetime, spend, ordersByMonth);
        }
        TreeMap<YearMonth, Integer> orders = new TreeMap<>(ordersByMonth);
        orders.merge(month, 1, Integer::sum);
        Instant t = sale.occurredAt();
        Instant first = firstPurchaseAt == null || t.isBefore(firstPurchaseAt) ? t : firstPurchaseAt;
        Instant last = lastPurchaseAt;
        Instant prior = priorPurchaseAt;
        if (last == null || t.isAfter(last)) {
            prior = last;
            last = t;
        } else if (t.isBefore(last) && (prior == null || t.isAfter(prior))) {
            prior = t;
        }
        return new PurchaseStats(zone, first, last, prior, orderCount + 1, refundCount, lifetime, spend, orders);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean hasPurchased() {
        return orderCount > 0;
    }

    public Optional<Instant> firstPurchaseAt() {
        return Optional.ofNullable(firstPurchaseAt);
    }

    public Optional<Instant> lastPurchaseAt() {
        return Optional.ofNullable(lastPurchaseAt);
    }

    /** The latest purchase strictly before {@link #lastPurchaseAt()}: the gap between them tells a return after churn. */
    public Optional<Instant> priorPurchaseAt() {
        return Optional.ofNullable(priorPurchaseAt);
    }

    public long orderCount() {
        return orderCount;
    }

    public long refundCount() {
        return refundCount;
    }

    public BigDecimal lifetimeSpend() {
        return lifetimeSpend;
    }

    public NavigableMap<YearMonth, BigDecimal> spendByMonth() {
        return spendByMonth;
    }

    public NavigableMap<YearMonth, Integer> ordersByMonth() {
        return ordersByMonth;
    }

    public BigDecimal spendIn(YearMonth month) {
        return spendByMonth.getOrDefault(month, Money.ZERO);
    }

    /** Net spend of the months {@code from..to}, both inclusive. */
    public BigDecimal spendBetween(YearMonth from, YearMonth to) {
        if (from.isAfter(to)) {
            return Money.ZERO;
        }
        return spendByMonth.subMap(from, true, to, true).values().stream().reduce(Money.ZERO, BigDecimal::add);
    }

    public long ordersBetween(YearMonth from, YearMonth to) {
        if (from.isAfter(to)) {
            return 0;
        }
        return ordersByMonth.subMap(from, true, to, true).values().stream().mapToLong(Integer::longValue).sum();
    }

    /** Net spend of the rolling window: the month of {@code now} and the {@code months - 1} before it. */
    public BigDecimal spendInWindow(Instant now, int months) {
        YearMonth current = YearMonth.from(now.atZone(zone));
        return spendBetween(current.minusMonths(months - 1L), current);
    }

    public long ordersInWindow(Instant now, int months) {
        YearMonth current = YearMonth.from(now.atZone(zone));
        return ordersBetween(current.minusMonths(months - 1L), current);
    }

    /** Drops months before {@code oldestKept} so stored figures stay small; lifetime totals and dates are kept. */
    public PurchaseStats retainFrom(YearMonth oldestKept) {
        return new PurchaseStats(zone, firstPurchaseAt, lastPurchaseAt, priorPurchaseAt, orderCount, refundCount,
                lifetimeSpend, spendByMonth.tailMap(oldestKept, true), ordersByMonth.tailMap(oldestKept, true));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PurchaseStats other)) {
            return false;
        }
        return zone.equals(other.zone) && Objects.equals(firstPurchaseAt, other.firstPurchaseAt)
                && Objects.equals(lastPurchaseAt, other.lastPurchaseAt)
                && Objects.equals(priorPurchaseAt, other.priorPurchaseAt)
                && orderCount == other.orderCount && refundCount == other.refundCount
                && lifetimeSpend.compareTo(other.lifetimeSpend) == 0
                && spendByMonth.equals(other.spendByMonth) && ordersByMonth.equals(other.ordersByMonth);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, firstPurchaseAt, lastPurchaseAt, orderCount, refundCount);
    }

    @Override
    public String toString() {
        return "PurchaseStats[orders=" + orderCount + ", refunds=" + refundCount + ", lifetime=" + lifetimeSpend
                + ", first=" + firstPurchaseAt + ", last=" + lastPurchaseAt + ", byMonth=" + spendByMonth + "]";
    }
}
