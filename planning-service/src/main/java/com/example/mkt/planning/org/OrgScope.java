package com.example.mkt.planning.org;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What org units a user may see: their unit and its descendants, or everything for company-wide roles
 * (CONTRACTS.md "Identity and roles"). Which roles are company-wide is the security layer's mapping; this class
 * only answers "is this unit in scope". A user whose unit the tree does not know sees nothing: failing closed
 * is the only safe answer to a token that names a deleted or mistyped unit.
 */
public final class OrgScope {

    private final OrgTree tree;
    private final String rootCode;
    private final boolean unrestricted;

    private OrgScope(OrgTree tree, String rootCode, boolean unrestricted) {
        this.tree = tree;
        this.rootCode = rootCode;
        this.unrestricted = unrestricted;
    }

    public static OrgScope unrestricted(OrgTree tree) {
        return new OrgScope(Objects.requireNonNull(tree, "tree"), null, true);
    }

    public static OrgScope ofUnit(OrgTree tree, String unitCode) {
        return new OrgScope(Objects.requireNonNull(tree, "tree"), unitCode, false);
    }

    public boolean isUnrestricted() {
        return unrestricted;
    }

    /** True when data owned by {@code unitCode} is visible. */
    public boolean covers(String unitCode) {
        if (unrestricted) {
            return tree.contains(unitCode);
        }
        return rootCode != null && tree.isWithinSubtree(unitCode, rootCode);
    }

    /** The visible unit codes, for query filters; parents before children. */
    public Set<String> visibleUnitCodes() {
        Set<String> codes = new LinkedHashSet<>();
        if (unrestricted) {
            tree.units().forEach(u -> codes.add(u.code()));
        } else if (rootCode != null && tree.contains(rootCode)) {
            tree.subtree(rootCode).forEach(u -> codes.add(u.code()));
        }
        return Collections.unmodifiableSet(codes);
    }
}
