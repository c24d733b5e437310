package com.example.mkt.kpi.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Splits an amount into parts proportional to weights so that the parts add up <em>exactly</em> to the amount at the
 * given scale (largest-remainder method).
 *
 * <p>Each part first gets its proportional share rounded down to the smallest unit (a cent at scale 2); the units left
 * over go one each to the parts with the largest discarded remainders, ties broken by key order. The result depends
 * only on the inputs, never on map iteration order or on which node computes it.
 */
public final class Apportionment {

    private Apportionment() {
    }

    /**
     * @param total   non-negative amount to split
     * @param weights non-negative weights keyed by recipient; if they are all zero the split is even
     * @param scale   decimal places of the parts (2 for money, 0 for counts)
     * @return parts in key order, summing to {@code total} rounded to {@code scale}
     */
    public static <K extends Comparable<? super K>> Map<K, BigDecimal> byWeight(
            BigDecimal total, SortedMap<K, BigDecimal> weights, int scale) {
        Objects.requireNonNull(total, "total");
        if (total.signum() < 0) {
            throw new IllegalArgumentException("cannot apportion a negative amount: " + total);
        }
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("nothing to apportion to");
        }
        BigDecimal weightSum = BigDecimal.ZERO;
        for (Map.Entry<K, BigDecimal> e : weights.entrySet()) {
            if (e.getValue() == null || e.getValue().signum() < 0) {
                throw new IllegalArgumentException("weight must be non-negative: " + e.getKey() + "=" + e.getValue());
            }
            weightSum = weightSum.add(e.getValue());
        }
        boolean even = weightSum.signum() == 0;
        BigInteger units = total.setScale(scale, RoundingMode.HALF_UP).unscaledValue();

        record Share<K>(K key, BigInteger units, BigDecimal remainder) {
        }
        List<Share<K>> shares = new ArrayList<>();
        BigInteger assigned = BigInteger.ZERO;
        for (Map.Entry<K, BigDecimal> e : weights.entrySet()) {
            BigDecimal weight = even ? BigDecimal.ONE : e.getValue();
            BigDecimal divisor = even ? BigDecimal.valueOf(weights.size()) : weightSum;
            BigDecimal[] qr = new BigDecimal(units).multiply(weight).divideAndRemainder(divisor);
            BigInteger floor = qr[0].toBigIntegerExact();
            shares.add(new Share<>(e.getKey(), floor, qr[1]));
            assigned = assigned.add(floor);
        }
        int leftover = units.subtract(assigned).intValueExact();
        List<Share<K>> byRemainder = new ArrayList<>(shares);
        byRemainder.sort(Comparator.comparing((Share<K> s) -> s.remainder()).reversed()
                .thenComparing(Share::key));
        Map<K, BigInteger> bonus = new LinkedHashMap<>();
        for (int i = 0; i < leftover; i++) {
            bonus.put(byRemainder.get(i).key(), BigInteger.ONE);
        }
        Map<K, BigDecimal> parts = new LinkedHashMap<>();
        for (Share<K> s : shares) {
            parts.put(s.key(), new BigDecimal(s.units().add(bonus.getOrDefault(s.key(), BigInteger.ZERO)), scale));
        }
        return Collections.unmodifiableMap(parts);
    }

    /** Even split of {@code total} over {@code keys}; remainder units to the first keys in order. */
    public static <K extends Comparable<? super K>> Map<K, BigDecimal> evenly(
            BigDecimal total, Collection<K> keys, int scale) {
        SortedMap<K, BigDecimal> weights = new TreeMap<>();
        for (K key : keys) {
            if (weights.put(key, BigDecimal.ONE) != null) {
                throw new IllegalArgumentException("duplicate recipient: " + key);
            }
        }
        return byWeight(total, weights, scale);
    }
}
