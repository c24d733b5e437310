package com.example.mkt.planning.org;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which kind of unit may sit directly under which, and how long a unit name may be.
 *
 * <p>docs/domain.md#organisation gives the chain head office -> region -> branch -> team. The default also lets a
 * BRANCH hang directly under HQ: Chinese companies commonly run branches managed by head office itself
 * ("总部直属分公司"), and forcing a fake region in between would distort regional rollups. Set
 * {@code allowedParents} to {@code BRANCH -> {REGION}} to forbid that.
 *
 * @param allowedParents  for each kind, the kinds its parent may have; HQ must map to no kinds (it is the root)
 * @param maxNameLength   in code points, so Chinese names are measured by characters, not UTF-16 units
 */
public record OrgStructurePolicy(Map<OrgUnitKind, Set<OrgUnitKind>> allowedParents, int maxNameLength) {

    public OrgStructurePolicy {
        Objects.requireNonNull(allowedParents, "allowedParents");
        EnumMap<OrgUnitKind, Set<OrgUnitKind>> copy = new EnumMap<>(OrgUnitKind.class);
        for (OrgUnitKind kind : OrgUnitKind.values()) {
            Set<OrgUnitKind> parents = allowedParents.getOrDefault(kind, Set.of());
            copy.put(kind, parents.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(parents)));
        }
        if (!copy.get(OrgUnitKind.HQ).isEmpty()) {
            throw new IllegalArgumentException("HQ is the root and cannot have a parent kind");
        }
        if (maxNameLength < 1) {
            throw new IllegalArgumentException("maxNameLength must be positive");
        }
        allowedParents = Map.copyOf(copy);
    }

    public static OrgStructurePolicy defaults() {
        return new OrgStructurePolicy(Map.of(
                OrgUnitKind.REGION, Set.of(OrgUnitKind.HQ),
                OrgUnitKind.BRANCH, Set.of(OrgUnitKind.REGION, OrgUnitKind.HQ),
                OrgUnitKind.TEAM, Set.of(OrgUnitKind.BRANCH)),
                100);
    }

    public boolean mayBeParentOf(OrgUnitKind parent, OrgUnitKind child) {
        return allowedParents.get(child).contains(parent);
    }

    public Set<OrgUnitKind> allowedParentKinds(OrgUnitKind child) {
        return allowedParents.get(child);
    }
}
