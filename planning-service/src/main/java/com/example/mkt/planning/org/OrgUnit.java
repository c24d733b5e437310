package com.example.mkt.planning.org;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One unit of the org tree, referred to everywhere by its stable {@code code} (docs/domain.md#organisation).
 * The record accepts any code so that {@link OrgTree#validate} can report every bad unit at once instead of
 * failing on the first; a unit is only known to be well-formed once it is part of an {@link OrgTree}.
 *
 * @param parentCode {@code null} only for the head office
 * @param active     deactivated units stay in the tree so historic data keeps its owner and stays in scope
 */
public record OrgUnit(String code, String name, OrgUnitKind kind, String parentCode, boolean active) {

    /** Upper-case letters, digits and hyphens, 1-32 characters: the contract's code format. */
    public static final Pattern CODE_FORMAT = Pattern.compile("[A-Z0-9-]{1,32}");

    public OrgUnit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** An active unit. */
    public OrgUnit(String code, String name, OrgUnitKind kind, String parentCode) {
        this(code, name, kind, parentCode, true);
    }

    public static boolean isValidCode(String code) {
        return code != null && CODE_FORMAT.matcher(code).matches();
    }

    public boolean isRoot() {
        return parentCode == null;
    }

    public OrgUnit withParent(String newParentCode) {
        return new OrgUnit(code, name, kind, newParentCode, active);
    }

    public OrgUnit withName(String newName) {
        return new OrgUnit(code, newName, kind, parentCode, active);
    }

    public OrgUnit withActive(boolean newActive) {
        return new OrgUnit(code, name, kind, parentCode, newActive);
    }
}
