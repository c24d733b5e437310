package com.example.mkt.kpi.org;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The org tree (HQ → region → branch → team, docs/domain.md#organisation) as the KPI rules see it: codes and parents.
 *
 * <p>Built from a child → parent map; a unit with no entry or a {@code null} parent is a root. Cycles are rejected at
 * construction so that walking up always terminates. Immutable: the wiring layer builds a new tree when org units
 * change.
 */
public final class OrgTree {

    private final Map<String, String> parentOf;
    private final Map<String, Set<String>> childrenOf;

    private OrgTree(Map<String, String> parentOf) {
        this.parentOf = parentOf;
        Map<String, Set<String>> children = new TreeMap<>();
        parentOf.forEach((child, parent) -> {
            if (parent != null) {
                children.computeIfAbsent(parent, p -> new TreeSet<>()).add(child);
            }
        });
        children.replaceAll((p, c) -> Set.copyOf(c));
        this.childrenOf = Map.copyOf(children);
    }

    /**
     * @param childToParent every known unit as a key, mapped to its parent code, or to {@code null} for a root;
     *                      parents that are not keys themselves are taken as roots
     */
    public static OrgTree of(Map<String, String> childToParent) {
        Map<String, String> units = new TreeMap<>();
        childToParent.forEach((child, parent) -> {
            Objects.requireNonNull(child, "unit code");
            if (child.equals(parent)) {
                throw new IllegalArgumentException("unit is its own parent: " + child);
            }
            units.put(child, parent);
        });
        childToParent.values().stream().filter(Objects::nonNull).forEach(p -> units.putIfAbsent(p, null));
        for (String unit : units.keySet()) {
            Set<String> seen = new HashSet<>();
            for (String u = unit; u != null; u = units.get(u)) {
                if (!seen.add(u)) {
                    throw new IllegalArgumentException("cycle in org tree at " + u);
                }
            }
        }
        return new OrgTree(Collections.unmodifiableMap(units));
    }

    public boolean contains(String unit) {
        return parentOf.containsKey(unit);
    }

    public Optional<String> parent(String unit) {
        return Optional.ofNullable(parentOf.get(require(unit)));
    }

    /** The unit itself first, then each ancestor up to its root (HQ). */
    public List<String> selfAndAncestors(String unit) {
        List<String> chain = new ArrayList<>();
        for (String u = require(unit); u != null; u = parentOf.get(u)) {
            chain.add(u);
        }
        return List.copyOf(chain);
    }

    /** Direct children in code order. */
    public Set<String> children(String unit) {
        return childrenOf.getOrDefault(require(unit), Set.of());
    }

    private String require(String unit) {
        if (!parentOf.containsKey(unit)) {
            throw new IllegalArgumentException("unknown org unit: " + unit);
        }
        return unit;
    }
}
